import Testing
import TwinConfig
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// The gateway-assignment and aggregation knobs: what applying them changes, what the
/// analytic estimates make of them, the energy what-ifs per aggregation level, and a
/// twin whose known optimum is to swap primary and backup gateway.
@Suite struct OptimiserGatewayAggregationTests {
    /// `ecg` on the chest served by `far`, an off-body hub 30 m away, with the phone on
    /// the hip as backup; delivery ≥ 99 % is critical. The far link loses most frames at
    /// every TX power, so the known optimum is the phone as primary.
    static func farPrimaryTwin(horizon: Time = .seconds(60)) -> TwinConfig {
        var ecg = OptimiserFixture.device("ecg", placement: .chest, period: 1, interval: .milliseconds(200),
                                          budget: .seconds(1))
        ecg.primaryGateway = "far"
        ecg.backupGateway = "phone"
        let goals = [OptimiserFixture.goal("ecg-delivery", .deliveryRatio, .critical, ">= 99 %", .ratio,
                                           devices: ["ecg"])]
        let knobs = [
            OptimiserFixture.knob("ecg", .txPower, [-12, 0], current: -12, unit: "dBm"),
            KnobConfig(id: "ecg.gateway", parameter: .gateway, targets: ["ecg"], values: [0, 1], current: 0,
                       unit: "index", labels: ["far", "phone"]),
            OptimiserFixture.knob("ecg", .aggregation, [1, 2, 4], current: 1, unit: "samples"),
        ]
        var config = OptimiserFixture.twin(devices: [ecg], goals: goals, knobs: knobs, horizon: horizon, replications: 1)
        config.network.gateways.append(GatewayConfig(id: "far", kind: .bedsideHub, placement: .offBody, distance: .meters(30),
                                                     uplink: "edge", failoverTime: .seconds(1.28), mtbf: nil, mttr: nil))
        config.network.links.append(LinkConfig(from: "far", to: "edge", technology: .ethernet, latency: .zero,
                                               jitter: .zero, rate: .bitsPerSecond(1e9), availability: .fraction(1)))
        return config
    }

    let config = Self.farPrimaryTwin()

    // MARK: Knob application

    @Test func gatewayIndexOneSwapsPrimaryAndBackup() throws {
        let swapped = try applyKnobs(config, ["ecg.gateway": 1])
        var expected = config
        expected.network.devices[0].primaryGateway = "phone"
        expected.network.devices[0].backupGateway = "far"
        expected.knobs[1].current = 1
        #expect(swapped == expected)
        // Index 0 is the declared assignment, whatever the device holds now.
        let back = try applyKnobs(swapped, ["ecg.gateway": 0])
        var restored = config
        restored.knobs[1].current = 0
        #expect(back == restored)
    }

    @Test func aggregationSetsSamplesPerPacketOnly() throws {
        let aggregated = try applyKnobs(config, ["ecg.aggregation": 4])
        var expected = config
        expected.network.devices[0].traffic.aggregation = 4
        expected.knobs[2].current = 4
        #expect(aggregated == expected)
    }

    @Test func badGatewayAndAggregationValuesAreErrors() {
        for bad in [2.0, -1, 0.5, .nan] {
            #expect(throws: KnobError.self, "gateway \(bad)") { try applyKnobs(config, ["ecg.gateway": bad]) }
        }
        #expect(throws: KnobError.invalidValue(
            knob: "ecg.gateway", value: 2,
            reason: "a gateway index is a whole number 0…1 into [\"far\", \"phone\"]")) {
            try applyKnobs(config, ["ecg.gateway": 2])
        }
        for bad in [0.0, 1.5, 2000] {
            #expect(throws: KnobError.self, "aggregation \(bad)") { try applyKnobs(config, ["ecg.aggregation": bad]) }
        }
        var unlabelled = config
        unlabelled.knobs[1].labels = ["far"]
        #expect(throws: KnobError.self) { try applyKnobs(unlabelled, ["ecg.gateway": 0]) }
        var ghost = config
        ghost.knobs[1].labels = ["far", "satellite"]
        #expect(throws: KnobError.self) { try applyKnobs(ghost, ["ecg.gateway": 1]) }
    }

    // MARK: Analytic estimates

    private func estimate(_ config: TwinConfig) -> DeviceEstimate {
        DeviceEstimate(device: config.network.devices[0], config: config, postures: [(.standing, 1)],
                       useCastaliaMap: false)
    }

    @Test func theSwappedEstimateUsesTheNearLinkAndFailsOverToTheFar() throws {
        let declared = estimate(config)
        let swapped = estimate(try applyKnobs(config, ["ecg.gateway": 1]))
        #expect(declared.attemptFailure > 0.5)
        #expect(swapped.attemptFailure < 0.01)
        #expect(declared.backupAttemptFailure == swapped.attemptFailure)
        #expect(swapped.backupAttemptFailure == declared.attemptFailure)
        #expect(swapped.deliveryRatio(within: nil) > 0.99)
        #expect(declared.deliveryRatio(within: nil) < 0.99)
        // Failing over to the far hub never recovers; to the phone it does.
        #expect(swapped.recoveryTime(.mean) == nil)
        #expect(declared.recoveryTime(.mean) != nil)
    }

    @Test func aggregationQuartersThePacketsAndAddsThreeSamplePeriods() throws {
        let near = try applyKnobs(config, ["ecg.gateway": 1])
        let single = estimate(near)
        let four = estimate(try applyKnobs(near, ["ecg.aggregation": 4]))
        #expect(abs(four.packetRate - single.packetRate / 4) < 1e-9)
        #expect(four.payload == single.payload * 4)
        let added = try #require(four.latency(.mean)).si - (try #require(single.latency(.mean))).si
        // 3 × 200 ms, plus the longer packet's air time: 256 octets no longer fit one
        // frame, so it goes out as a full frame and a remainder, back to back.
        let air = try #require(DeviceAirInterface(device: near.network.devices[0]))
        #expect(air.framePayloads(packetBytes: 256).count == 2)
        let longer = AnalyticEnergyModel.packetAirtime(air, packetBytes: 256).si - air.frameAirtime(payloadBytes: 64).si
        #expect(abs(added - (0.6 + longer)) < 1e-9, "\(added)")
        #expect(four.averageCurrent < single.averageCurrent)
        #expect(four.packetRate * four.payload.si == single.packetRate * single.payload.si)
    }

    @Test func energyWhatIfsListLifetimePerAggregationLevel() throws {
        let near = try applyKnobs(config, ["ecg.gateway": 1])
        let check = OtherGoalCheck(config: near, report: OptimiserFixture.emptyReport(near))
        let answers = EnergyReport.whatIfs(config: near, check: check, attempts: [:]).filter { $0.parameter == .aggregation }
        #expect(answers.map(\.value) == [1, 2, 4])
        #expect(answers.map(\.isCurrent) == [true, false, false])
        let lifetimes = answers.compactMap { $0.lifetime?.si }
        #expect(lifetimes.count == 3 && lifetimes[0] < lifetimes[1] && lifetimes[1] < lifetimes[2], "\(lifetimes)")
    }

    // MARK: The optimum

    @Test func theAnalyticSearchAndBruteForceSwapTheGateway() throws {
        let (best, space) = OptimiserFixture.bruteForce(config)
        let oracle = try #require(best)
        #expect(space.settings(of: oracle.candidate)["ecg.gateway"] == 1)
        #expect(oracle.scores.allSatisfy { $0.verdict == .met })
        for options in [OptimiserOptions(), OptimiserOptions(exhaustiveLimit: 1)] {
            var search = AnalyticEvaluator(config: config, space: space, baseline: nil, options: options)
            #expect(searchKnobs(&search, options: options).best?.candidate == oracle.candidate)
        }
    }

    /// Three replications of 5 min, so the verdicts have intervals narrow enough to
    /// decide (one replication has none and every verdict would stay inconclusive).
    @Test func theOptimiserRecommendsTheSwapAndTheSimulationAgrees() throws {
        var config = Self.farPrimaryTwin(horizon: .seconds(300))
        config.run.replications = 3
        let baseline = try runTwin(RunPlan(config: config))
        let options = OptimiserOptions(confirmationCandidates: 2, confirmationHorizon: .seconds(60),
                                       confirmationReplications: 2)
        let result = try optimise(config: config, baseline: baseline, options: options, run: RunOptions())
        let gateway = try #require(result.knobs.first { $0.id == "ecg.gateway" })
        #expect(gateway.recommended == 1)
        #expect(gateway.describe(gateway.recommended) == "phone")
        let row = try #require(result.verdicts.first { $0.goal == "ecg-delivery" })
        #expect(row.baseline.verdict == .notMet)
        #expect(row.recommended.verdict == .met)
        #expect(result.text().contains("ecg.gateway: far → phone"))
    }
}
