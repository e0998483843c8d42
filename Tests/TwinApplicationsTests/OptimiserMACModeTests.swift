import Testing
import TwinConfig
import TwinModels
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// The `mac-mode` knob of IEEE 802.15.6 narrowband devices: applying it switches the
/// MAC and nothing else, sizing scheduled access as the compiler does; the energy
/// what-ifs price both modes; the simulator runs a switched twin; the optimiser's search
/// agrees with brute force over a space with the knob.
@Suite struct OptimiserMACModeTests {
    /// A sparse periodic sensor (64 octets every 10 s, 5 s deadline) under scheduled
    /// access sized as a compile would size it, and an ECG (64 octets every 200 ms,
    /// 500 ms deadline) under CSMA/CA; each with TX power, mac-mode and (the sensor)
    /// the allocation period as knobs.
    static func twin(horizon: Time = .seconds(60)) -> TwinConfig {
        var temp = OptimiserFixture.device("temp", placement: .chest, period: 1, interval: .seconds(10),
                                           budget: .seconds(5))
        let sizing = ScheduledAllocationSizing(totalRate: temp.traffic.totalRate, deadline: temp.traffic.latencyBudget)
        temp.mac.slotLength = sizing.slotLength
        temp.mac.slots = sizing.slots
        temp.mac.period = sizing.period
        var ecg = OptimiserFixture.device("ecg", placement: .wristLeft, period: 1, interval: .milliseconds(200),
                                          budget: .milliseconds(500))
        ecg.mac = MACConfig(access: .csmaCA, userPriority: 6, slotLength: .zero, slots: 0, period: 0, maxRetries: 3,
                            connectionInterval: .zero)
        let goals = [
            OptimiserFixture.goal("ecg-delivery", .deliveryRatio, .critical, ">= 95 %", .ratio, devices: ["ecg"],
                                  within: .milliseconds(500)),
            OptimiserFixture.goal("temp-lifetime", .lifetime, .high, ">= 30 d", .time, devices: ["temp"]),
        ]
        let knobs = [
            OptimiserFixture.knob("temp", .txPower, [-12, 0], current: -12, unit: "dBm"),
            modeKnob("temp", current: 0),
            OptimiserFixture.knob("temp", .allocationPeriod, [1, 2, Double(sizing.period)], current: Double(sizing.period),
                                  unit: "superframes"),
            OptimiserFixture.knob("ecg", .txPower, [-12, 0], current: -12, unit: "dBm"),
            modeKnob("ecg", current: 1),
        ]
        return OptimiserFixture.twin(devices: [temp, ecg], goals: goals, knobs: knobs, horizon: horizon,
                                     replications: 1)
    }

    static func modeKnob(_ device: String, current: Double) -> KnobConfig {
        KnobConfig(id: "\(device).mac-mode", parameter: .macMode, targets: [device], values: [0, 1], current: current,
                   unit: "index", labels: ["scheduled", "csma-ca"])
    }

    let config = Self.twin()

    // MARK: Knob application

    @Test func switchingToCSMAChangesOnlyTheMAC() throws {
        let switched = try applyKnobs(config, ["temp.mac-mode": 1])
        var expected = config
        expected.network.devices[0].mac = MACConfig(access: .csmaCA, userPriority: 6, slotLength: .zero, slots: 0,
                                                    period: 0, maxRetries: 3, connectionInterval: .zero)
        expected.knobs[1].current = 1
        #expect(switched == expected)
        // The allocation period, applied after the mode, means nothing to CSMA/CA.
        let withPeriod = try applyKnobs(config, ["temp.mac-mode": 1, "temp.period": 2])
        expected.knobs[2].current = 2
        #expect(withPeriod == expected)
        // The mode the device has leaves its MAC as it is, so the period knob still acts.
        let kept = try applyKnobs(config, ["temp.mac-mode": 0, "temp.period": 2])
        #expect(kept.network.devices[0].mac.access == .scheduled)
        #expect(kept.network.devices[0].mac.period == 2)
        #expect(kept.network.devices[0].mac.slots == config.network.devices[0].mac.slots)
    }

    @Test func switchingToScheduledSizesTheAllocationAsTheCompilerDoes() throws {
        let switched = try applyKnobs(config, ["ecg.mac-mode": 0])
        let ecg = config.network.devices[1]
        // 500 ms deadline → 400 ms budget at 2.56 kbit/s: 128 octets in one frame, whose
        // exchange (data, pSIFS, I-Ack at 971 kbit/s) takes over 1 ms, so 2 ms slots, 32
        // of them, and an allocation every 6 superframes of 64 ms (384 ms ≤ 400 ms).
        let sizing = ScheduledAllocationSizing(totalRate: ecg.traffic.totalRate, deadline: .milliseconds(500))
        #expect(sizing.slotLength == .milliseconds(2) && sizing.slots == 32 && sizing.period == 6, "\(sizing)")
        var expected = config
        expected.network.devices[1].mac = MACConfig(access: .scheduled, userPriority: 6, slotLength: sizing.slotLength,
                                                    slots: sizing.slots, period: sizing.period, maxRetries: 3,
                                                    connectionInterval: .zero)
        expected.knobs[4].current = 0
        #expect(switched == expected)
        // And back: the CSMA/CA MAC the device started with.
        let back = try applyKnobs(switched, ["ecg.mac-mode": 1])
        #expect(back.network == config.network)
    }

    @Test func badModeValuesAndNonNarrowbandTargetsAreErrors() {
        for bad in [2.0, -1, 0.5, .nan, .infinity] {
            #expect(throws: KnobError.self, "mac-mode \(bad)") { try applyKnobs(config, ["temp.mac-mode": bad]) }
        }
        #expect(throws: KnobError.invalidValue(
            knob: "temp.mac-mode", value: 2, reason: "a MAC mode is a whole index 0…1 into [\"scheduled\", \"csma-ca\"]")) {
            try applyKnobs(config, ["temp.mac-mode": 2])
        }
        var ble = config
        ble.network.devices[0].radio.technology = .ble
        ble.network.devices[0].mac.access = .ble
        #expect(throws: KnobError.self) { try applyKnobs(ble, ["temp.mac-mode": 1]) }
        var odd = config
        odd.knobs[1].labels = ["scheduled", "tdma"]
        #expect(throws: KnobError.self) { try applyKnobs(odd, ["temp.mac-mode": 1]) }
    }

    // MARK: Energy what-ifs

    @Test func whatIfsListBothModesWithTheirLifetimes() throws {
        let check = OtherGoalCheck(config: config, report: OptimiserFixture.emptyReport(config))
        let answers = EnergyReport.whatIfs(config: config, check: check, attempts: [:])
        let temp = answers.filter { $0.knob == "temp.mac-mode" }
        #expect(temp.map(\.value) == [0, 1])
        #expect(temp.map(\.isCurrent) == [true, false])
        let scheduled = try #require(temp[0].lifetime), csma = try #require(temp[1].lifetime)
        // Each answer is the analytic model of the switched device.
        let switched = try applyKnobs(config, ["temp.mac-mode": 1]).network.devices[0]
        #expect(AnalyticEnergyModel.evaluate(switched)?.lifetime == csma)
        #expect(AnalyticEnergyModel.evaluate(config.network.devices[0])?.lifetime == scheduled)
        // For a sensor that sends every 10 s, scheduled access wakes twice and receives
        // a beacon and a B-Ack per allocation with data (≈ 2.3 ms of RX, two 3.13 ms
        // wake-ups), CSMA/CA wakes once and listens through a short backoff, pSIFS and the
        // I-Ack: with contention ignored the closed form favours CSMA/CA for sparse traffic
        // (225 mAh: scheduled ≈ 687 d, CSMA/CA ≈ 1062 d).
        #expect(csma.si > scheduled.si, "scheduled \(scheduled.si / 86_400) d, csma \(csma.si / 86_400) d")
        let ecg = answers.filter { $0.knob == "ecg.mac-mode" }
        #expect(ecg.map(\.isCurrent) == [false, true])
        #expect(ecg.allSatisfy { $0.lifetime != nil })
    }

    // MARK: Simulation and search

    @Test func theSimulatorRunsASwitchedTwin() throws {
        let switched = try applyKnobs(config, ["temp.mac-mode": 1, "ecg.mac-mode": 0])
        let report = try runTwin(RunPlan(config: switched))
        let devices = try #require(report.scenarios.first?.devices)
        for id in ["temp", "ecg"] {
            let figures = try #require(devices.first { $0.id == id })
            #expect(figures.generated > 0 && figures.delivered >= figures.generated * 0.8,
                    "\(id): \(figures.delivered) of \(figures.generated)")
        }
        // The simulation ranks the sensor's modes as the closed form does (≈ 12.0 µA
        // scheduled, ≈ 8.9 µA CSMA/CA over 60 s).
        let configured = try runTwin(RunPlan(config: config))
        let current = { (report: RunReport) in
            report.scenarios.first?.devices.first { $0.id == "temp" }?.averageCurrent?.point ?? .nan
        }
        #expect(current(report) < current(configured))
    }

    @Test func theSearchAgreesWithBruteForce() throws {
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: OptimiserOptions())
        var best: AnalyticEvaluation?
        var accesses: Set<String> = []
        for candidate in space.allCandidates() {
            let evaluation = evaluator.evaluate(candidate)
            if best.map({ evaluation.rank.isBetter(than: $0.rank) }) ?? true { best = evaluation }
            accesses.insert(try space.apply(candidate, to: config).network.devices[1].mac.access.rawValue)
        }
        #expect(accesses == ["scheduled", "csma-ca"])
        let oracle = try #require(best)
        for options in [OptimiserOptions(), OptimiserOptions(exhaustiveLimit: 1)] {
            var search = AnalyticEvaluator(config: config, space: space, baseline: nil, options: options)
            let found = try #require(searchKnobs(&search, options: options).best)
            #expect(found.rank == oracle.rank || found.candidate == oracle.candidate,
                    "\(space.settings(of: found.candidate)) vs \(space.settings(of: oracle.candidate))")
        }
    }
}
