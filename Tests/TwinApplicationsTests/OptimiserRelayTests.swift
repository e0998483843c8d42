import Testing
import TwinConfig
import TwinModels
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

/// The `relay` knob (issue 11 §4): applying it, the analytic estimate of a relayed
/// device (`RelayScheme` over the hops' outages), and a twin where no setting of the
/// other knobs meets a delivery goal and a relay does.
@Suite struct OptimiserRelayTests {
    /// Half the day lying (Smith et al. 2011's sleeping channel: a 33 ± 7.5 dB bout
    /// shadow on every link), half sitting, as a ward patient's nights and days.
    static func sleepAndSit() -> ActivityConfig {
        func entry(_ posture: Posture, to other: Posture) -> PostureActivityConfig {
            let fading = ActivityFading.of(posture)
            return PostureActivityConfig(posture: posture, share: 0.5, transitionsPerDay: [other: 24],
                                         shadowMean: fading.shadowMean, shadowSigma: fading.shadowSigma, fade: .lognormal,
                                         fadeSigma: Decibels(dB: 2), coherenceTime: fading.coherenceTime,
                                         bodyCorrelation: fading.bodyCorrelation)
        }
        return ActivityConfig(profile: "sleep-and-sit", source: "test",
                              postures: [entry(.sitting, to: .lying), entry(.lying, to: .sitting)])
    }

    /// `ecg` on the chest, the phone on the right hip, `pump` on the abdomen (between the
    /// two) and `spo2` on the left wrist as relay candidates; ECG delivery ≥ 99.5 % is
    /// critical. TX power and retries are the other knobs.
    static func twin(relayKnob: Bool = true) -> TwinConfig {
        func device(_ id: String, _ placement: Placement, interval: Time) -> DeviceConfig {
            OptimiserFixture.device(id, placement: placement, period: 1, interval: interval, budget: .seconds(2),
                                    txPower: -12)
        }
        let devices = [device("ecg", .chest, interval: .milliseconds(200)), device("pump", .abdomen, interval: .seconds(2)),
                       device("spo2", .wristLeft, interval: .seconds(1))]
        let goals = [OptimiserFixture.goal("ecg-delivery", .deliveryRatio, .critical, ">= 99.5 %", .ratio,
                                           devices: ["ecg"])]
        var knobs = [OptimiserFixture.knob("ecg", .txPower, [-12, -6, 0], current: -12, unit: "dBm"),
                     OptimiserFixture.knob("ecg", .maxRetries, [1, 2, 3], current: 3, unit: "count")]
        if relayKnob {
            knobs.append(KnobConfig(id: "ecg.relay", parameter: .relay, targets: ["ecg"], values: [0, 1, 2], current: 0,
                                    unit: "index", labels: ["none", "pump", "spo2"]))
        }
        var config = OptimiserFixture.twin(devices: devices, goals: goals, knobs: knobs, horizon: .seconds(60),
                                           replications: 1)
        config.models = ["castalia-pathloss-map", "posture-fading"].map {
            ModelChoice(id: $0, family: .channel, method: "discrete-event", applications: [], parameters: [:], source: "test")
        }
        config.activity = sleepAndSit()
        return config
    }

    @Test func theRelayKnobSetsAndClearsTheRelay() throws {
        let config = Self.twin()
        let relayed = try applyKnobs(config, ["ecg.relay": 1])
        #expect(relayed.network.devices[0].relay == "pump")
        #expect(relayed.knobs[2].current == 1)
        #expect(try applyKnobs(relayed, ["ecg.relay": 0]).network.devices[0].relay == nil)
        for bad in [3.0, -1, 0.5, .nan] {
            #expect(throws: KnobError.self, "relay \(bad)") { try applyKnobs(config, ["ecg.relay": bad]) }
        }
        var implant = config
        implant.network.devices[1].placement = .inBody
        implant.network.devices[1].inBody = true
        #expect(throws: KnobError.self) { try applyKnobs(implant, ["ecg.relay": 1]) }
    }

    @Test func theEstimateOfARelayedDeviceIsIncrementalDecodeAndForward() throws {
        let config = Self.twin()
        let relayed = try applyKnobs(config, ["ecg.relay": 1])
        let postures = postureMix(config: config)
        let direct = DeviceEstimate(device: config.network.devices[0], config: config, postures: postures,
                                    useCastaliaMap: true)
        let viaPump = DeviceEstimate(device: relayed.network.devices[0], config: relayed, postures: postures,
                                     useCastaliaMap: true)
        #expect(direct.attemptFailure > 0.1, "\(direct.attemptFailure)")
        #expect(viaPump.attemptFailure < direct.attemptFailure)
        let hop = DeviceAirInterface.relayLink(from: relayed.network.devices[0], to: relayed.network.devices[1],
                                               useCastaliaMap: true)
        let phone = relayed.network.gateways[0]
        let up = LinkEstimate(meanLoss: hop.meanLoss, sigma: hop.sigma)
            .outage(transmit: PowerLevel(dBm: -12), sensitivity: relayed.network.devices[1].radio.sensitivity, postures: postures)
        let down = LinkEstimate(device: relayed.network.devices[1], gateway: phone, useCastaliaMap: true)
            .outage(transmit: PowerLevel(dBm: -12), sensitivity: relayed.network.devices[1].radio.sensitivity, postures: postures)
        let expected = direct.attemptFailure * (up + (1 - up) * down)
        #expect(abs(viaPump.attemptFailure - expected) < 1e-12)
    }

    /// `twin` with the candidate relays drawing 2 mA on their own (a pump's motor, an
    /// oximeter's LEDs), so overhearing the ECG costs them less than the 10 % of lifetime
    /// a bystander may lose: with the 3 µA sensors of `twin` the relay's duty breaks that
    /// floor and no relay is eligible.
    static func heavyRelays(relayKnob: Bool = true) -> TwinConfig {
        var config = twin(relayKnob: relayKnob)
        for index in 1...2 { config.network.devices[index].platform = .sleepingMCU(.milliamperes(2)) }
        return config
    }

    /// Brute force over the whole space: without a relay no setting meets the goal (best
    /// 98.7 % at 0 dBm and 3 retries); with the relay knob the best setting relays
    /// through the pump (99.9 % by the independent-hop estimate), and the search finds it.
    /// With relays that overhearing would drain by more than 10 % it relays through none.
    @Test func theOptimiserTurnsToARelayWhenNoOtherKnobMeetsDelivery() throws {
        func best(_ config: TwinConfig) throws -> (AnalyticEvaluation, CandidateSpace) {
            let oracle = OptimiserFixture.bruteForce(config)
            return (try #require(oracle.best), oracle.space)
        }
        let (drained, drainedSpace) = try best(Self.twin())
        #expect((drainedSpace.settings(of: drained.candidate)["ecg.relay"] ?? 0) == 0)
        let (knobsOnly, _) = try best(Self.heavyRelays(relayKnob: false))
        #expect(knobsOnly.scores.first { $0.goal == "ecg-delivery" }?.verdict != .met,
                "\(knobsOnly.scores)")
        let config = Self.heavyRelays()
        let (withRelay, space) = try best(config)
        #expect(withRelay.scores.first { $0.goal == "ecg-delivery" }?.verdict == .met, "\(withRelay.scores)")
        #expect((space.settings(of: withRelay.candidate)["ecg.relay"] ?? 0) > 0)
        for options in [OptimiserOptions(), OptimiserOptions(exhaustiveLimit: 1)] {
            var search = AnalyticEvaluator(config: config, space: space, baseline: nil, options: options)
            let found = try #require(searchKnobs(&search, options: options).best)
            #expect((space.settings(of: found.candidate)["ecg.relay"] ?? 0) > 0)
        }
    }
}
