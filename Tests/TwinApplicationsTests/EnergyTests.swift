import Testing
import TwinConfig
import TwinJSON
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

@Suite("Energy application")
struct EnergyTests {
    /// A scheduled ECG patch (a 64-octet sample every 500 ms, allocation every m = 1 of
    /// 0.32 s superframes), a BLE watch (a sample a second, 100 ms connection events) and
    /// a CSMA/CA thermometer (a sample a second), 600 s, two replications.
    static func twin(goals: [GoalConfig] = [], knobs: [KnobConfig] = []) -> TwinConfig {
        AppsFixture.config(
            devices: [AppsFixture.device("ecg", access: .scheduled, interval: .milliseconds(500), period: 1),
                      AppsFixture.device("watch", placement: .wristLeft, access: .ble, interval: .seconds(1)),
                      AppsFixture.device("temp", placement: .upperArmLeft, interval: .seconds(1))],
            goals: goals, scenarios: [AppsFixture.scenario("baseline", [])], knobs: knobs,
            horizon: .seconds(600), replications: 2)
    }

    static func knob(_ device: String, _ parameter: KnobParameter, _ values: [Double], current: Double, unit: String) -> KnobConfig {
        KnobConfig(id: "\(device).\(parameter)", parameter: parameter, targets: [device], values: values,
                   current: current, unit: unit)
    }

    static let knobs = [
        knob("ecg", .txPower, [-18, -12, -6, 0], current: -6, unit: "dBm"),
        knob("ecg", .allocationPeriod, [1, 3, 8], current: 1, unit: "superframes"),
        knob("watch", .txPower, [-40, 0, 8], current: 0, unit: "dBm"),
        knob("watch", .connectionInterval, [0.05, 0.1, 0.5], current: 0.1, unit: "s"),
    ]

    /// The ECG must deliver 99 % and keep its p99 latency within 2 s: an allocation every
    /// 8 superframes (2.56 s) breaks the latency bound.
    static let goals = [
        AppsFixture.goal("ecg-delivery", .deliveryRatio, ">= 99 %", .ratio, devices: ["ecg"]),
        AppsFixture.goal("ecg-latency", .latency, "p99 <= 2 s", .time, devices: ["ecg"]),
    ]

    static func evaluate(_ config: TwinConfig) throws -> EnergyReport {
        let (outcomes, report) = try AppsFixture.run(config)
        return EnergyReport.evaluate(config: config, outcomes: outcomes, report: report)
    }

    /// The closed form and the simulation share every per-state cost; what differs is
    /// the phase of the first access interval (one interval of 600 s ≈ 0.2 % for the
    /// scheduled and BLE devices) and, for CSMA/CA, the backoff draws (a mean of
    /// (CWmin+1)/2 slots against 2 × 600 uniform draws) and wake-ups shared by split
    /// frames: 1 % for the scheduled and BLE devices, 3 % for CSMA/CA.
    @Test("the analytic lifetime at the configured setting agrees with the simulation")
    func analyticAgreesWithSimulation() throws {
        let energy = try Self.evaluate(Self.twin())
        for (id, tolerance) in [("ecg", 0.01), ("watch", 0.01), ("temp", 0.03)] {
            let device = try #require(energy.device(id))
            let simulated = try #require(device.averageCurrent?.point)
            let analytic = try #require(device.analytic?.averageCurrent.si)
            #expect(abs(analytic - simulated) / simulated < tolerance, "\(id): analytic \(analytic) A, simulated \(simulated) A")
            let lifetime = try #require(device.lifetime?.point)
            let predicted = try #require(device.analytic?.lifetime?.si)
            #expect(abs(predicted - lifetime) / lifetime < tolerance)
        }
        #expect(energy.firstToDie == energy.devices.min { ($0.lifetime?.point ?? .infinity) < ($1.lifetime?.point ?? .infinity) }?.id)
    }

    @Test("the energy by component adds up to the drawn energy and the lifetime has an interval")
    func breakdownAndInterval() throws {
        let energy = try Self.evaluate(Self.twin())
        let ecg = try #require(energy.device("ecg"))
        // Average current × voltage × horizon is the energy drawn.
        let drawn = try #require(ecg.averageCurrent?.point) * 3 * 600
        #expect(abs(ecg.energy.total.si - drawn) / drawn < 1e-6)
        #expect(ecg.energy.transmit.si > 0 && ecg.energy.wakeUp.si > 0 && ecg.energy.sleep.si > 0)
        let lifetime = try #require(ecg.lifetime)
        #expect(lifetime.replications == 2)
        let json = energy.jsonValue()
        let first = try #require(json["devices"]?.arrayValue?.first)
        let low = try #require(first["lifetimeLow_s"]?.numberValue), high = try #require(first["lifetimeHigh_s"]?.numberValue)
        #expect(low <= lifetime.point && lifetime.point <= high)
        for member in ["transmit", "receive", "listen", "sleep", "wakeUp", "baseline"] {
            #expect(first["energy_J"]?[member]?.numberValue != nil)
        }
    }

    @Test("lower TX power never shortens the lifetime")
    func lowerPowerNeverShortens() throws {
        let energy = try Self.evaluate(Self.twin(goals: Self.goals, knobs: Self.knobs))
        for device in ["ecg", "watch"] {
            let answers = energy.whatIf.filter { $0.device == device && $0.parameter == .txPower }.sorted { $0.value < $1.value }
            #expect(answers.count >= 3)
            for (lower, higher) in zip(answers, answers.dropFirst()) {
                #expect((lower.lifetime?.si ?? 0) >= (higher.lifetime?.si ?? .infinity))
            }
        }
        // A longer connection interval means fewer events: a longer life.
        let intervals = energy.whatIf.filter { $0.parameter == .connectionInterval }.sorted { $0.value < $1.value }
        for (shorter, longer) in zip(intervals, intervals.dropFirst()) {
            #expect((shorter.lifetime?.si ?? 0) < (longer.lifetime?.si ?? 0))
        }
    }

    @Test("the recommendation is the longest-lived setting that meets the other goals")
    func recommendationMeetsOtherGoals() throws {
        let config = Self.twin(goals: Self.goals, knobs: Self.knobs)
        let (outcomes, report) = try AppsFixture.run(config)
        let energy = EnergyReport.evaluate(config: config, outcomes: outcomes, report: report)
        // m = 8 (2.56 s between allocations) breaks the 2 s latency goal, and the
        // device's own 1 s latency budget (its floor, `latency-floor`).
        let slow = try #require(energy.whatIf.first { $0.knob == "ecg.allocation-period" && $0.value == 8 })
        #expect(slow.failedGoals == ["ecg-latency", "latency-floor"])
        let recommendation = try #require(energy.recommendation)
        let ecg = try #require(recommendation.devices.first { $0.device == "ecg" })
        #expect(ecg.settings.map(\.value) == [-18, 3])
        #expect(ecg.lifetime.si > ecg.configuredLifetime.si)
        // Re-check the recommended setting and compare with every combination.
        let device = try #require(config.network.devices.first { $0.id == "ecg" })
        var variant = device
        for setting in ecg.settings { variant = try #require(EnergyKnob.apply(setting.parameter, value: setting.value, to: variant)) }
        let check = OtherGoalCheck(config: config, report: report)
        #expect(check.failedGoals(variant: variant, current: device).isEmpty)
        let attempts = try #require(energy.device("ecg")).attemptsPerFrame
        for power in [-18.0, -12, -6, 0] {
            for period in [1.0, 3, 8] {
                guard let candidate = EnergyKnob.apply(.txPower, value: power, to: device)
                    .flatMap({ EnergyKnob.apply(.allocationPeriod, value: period, to: $0) }),
                    check.failedGoals(variant: candidate, current: device).isEmpty,
                    let lifetime = AnalyticEnergyModel.evaluate(candidate, attemptsPerFrame: attempts)?.lifetime else { continue }
                #expect(lifetime.si <= ecg.lifetime.si * (1 + 1e-9))
            }
        }
        #expect(energy.text().hasPrefix("Energy (scenario baseline)\n"))
    }

    @Test("a twin whose only scenario is an attack that stops early labels its energy figures with the stop")
    func attackOnlyTwinNamesTheStop() throws {
        var config = Self.twin(goals: [AppsFixture.goal("detect-jamming", .securityDetect, ">= 95 %", .ratio, devices: [],
                                                        threats: [.jamming], within: .seconds(2))])
        config.scenarios = [AppsFixture.scenario("jamming", [AppsFixture.event(
            .attack(.jamming), "hub", at: .seconds(100), duration: .seconds(50), ["power_dBm": -60])])]
        let (outcomes, report) = try AppsFixture.run(config)
        let energy = EnergyReport.evaluate(config: config, outcomes: outcomes, report: report)
        #expect(energy.scenario == "jamming")
        #expect(energy.simulatedUntil?.si == 150 && energy.horizon.si == 150)
        #expect(energy.text().contains("the scenario stopped at 2.5 min once its goals could not change: the figures below cover 0–2.5 min"))
        #expect(energy.jsonValue()["simulatedUntil_s"]?.numberValue == 150)
        #expect(try Self.evaluate(Self.twin()).simulatedUntil == nil)
    }
}
