import Testing
import TwinConfig
import TwinModels
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

/// The optimiser keeps the two-hop rule for the whole network (`NetworkConfig
/// .relayRefusals`), not only for the knob's own device: settings that build a relay
/// chain are refused at application and break a `relay` floor in the analytic search,
/// so no such candidate is simulated, recommended or written.
@Suite struct OptimiserRelayRuleTests {
    /// `OptimiserRelayTests.twin` with `ecg` relayed by `pump` in the use case and a
    /// `pump.relay` knob offering `spo2` (as an older compile or a hand edit might).
    static func chainable() -> TwinConfig {
        var config = OptimiserRelayTests.twin(relayKnob: false)
        config.network.devices[0].relay = "pump"
        config.knobs.append(KnobConfig(id: "pump.relay", parameter: .relay, targets: ["pump"], values: [0, 1], current: 0,
                                       unit: "index", labels: ["none", "spo2"]))
        return config
    }

    @Test func settingsThatBuildARelayChainAreRefused() throws {
        let config = Self.chainable()
        #expect(config.network.relayRefusals.isEmpty)
        do {
            _ = try applyKnobs(config, ["pump.relay": 1])
            Issue.record("a relay chain was applied")
        } catch {
            guard case .refusedRelay(let settings, let refusal) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(settings == ["pump.relay"])
            #expect(refusal.device == "ecg" && refusal.relay == "pump")
            #expect(error.description.contains("`pump` is itself relayed by `spo2`"), "\(error.description)")
        }
        #expect(try applyKnobs(config, ["pump.relay": 0]).network.devices[1].relay == nil)
    }

    @Test func theAnalyticSearchMarksARelayChainAsBreakingAFloor() throws {
        let config = Self.chainable()
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: OptimiserOptions())
        let relayKnob = try #require(space.knobs.firstIndex { $0.id == "pump.relay" })
        var chain = space.baseline
        chain.indices[relayKnob] = 1
        let evaluation = evaluator.evaluate(chain)
        let relay = try #require(evaluation.violations.first { $0.kind == .relay })
        #expect(relay.device == "ecg")
        #expect(relay.detail.contains("`pump` is itself relayed by `spo2`"), "\(relay.detail)")
        #expect(!evaluator.evaluate(space.baseline).violations.contains { $0.kind == .relay })
        // The search never returns it.
        let options = OptimiserOptions()
        let found = try #require(searchKnobs(&evaluator, options: options).best)
        #expect(found.candidate.indices[relayKnob] == 0)
    }

    /// Two relay knobs: `ecg.relay = pump` alone and `pump.relay = spo2` alone are fine;
    /// both at once are a chain.
    @Test func twoRelayKnobsThatChainTogetherAreRefused() throws {
        var config = OptimiserRelayTests.twin()
        config.knobs.append(KnobConfig(id: "pump.relay", parameter: .relay, targets: ["pump"], values: [0, 1], current: 0,
                                       unit: "index", labels: ["none", "spo2"]))
        #expect(try applyKnobs(config, ["ecg.relay": 1]).network.devices[0].relay == "pump")
        #expect(try applyKnobs(config, ["pump.relay": 1]).network.devices[1].relay == "spo2")
        #expect(throws: KnobError.self) { try applyKnobs(config, ["ecg.relay": 1, "pump.relay": 1]) }
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: OptimiserOptions())
        var both = space.baseline
        for id in ["ecg.relay", "pump.relay"] {
            both.indices[try #require(space.knobs.firstIndex { $0.id == id })] = 1
        }
        #expect(evaluator.evaluate(both).violations.contains { $0.kind == .relay })
    }

    /// The relay's estimate carries its relaying duty: relaying the ECG (a frame every
    /// 200 ms) through the pump raises the pump's estimated current — before, the pump's
    /// estimate ignored whom it relayed and `relativeCurrent` saw the relay as free.
    @Test func aRelaysEstimateIncludesItsRelayingDuty() throws {
        let config = OptimiserRelayTests.twin()
        let postures = postureMix(config: config)
        let relayed = try applyKnobs(config, ["ecg.relay": 1])
        let alone = DeviceEstimate(device: config.network.devices[1], config: config, postures: postures,
                                   useCastaliaMap: true)
        let relaying = DeviceEstimate(device: relayed.network.devices[1], config: relayed, postures: postures,
                                      useCastaliaMap: true)
        #expect(relaying.averageCurrent.si > alone.averageCurrent.si * 1.01,
                "pump \(alone.averageCurrent.si) A alone, \(relaying.averageCurrent.si) A relaying the ECG")
        let duty = RelayDuty.duty(of: relayed.network.devices[1], config: relayed, postures: postures, useCastaliaMap: true)
        #expect(duty.receive > 0 && duty.transmit > 0 && duty.transmit < duty.receive)
        // Through the evaluator: the candidate relaying through the pump costs more current
        // than the same settings direct, and the pump's estimate is the relaying one.
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: OptimiserOptions())
        let relayKnob = try #require(space.knobs.firstIndex { $0.id == "ecg.relay" })
        var viaPump = space.baseline
        viaPump.indices[relayKnob] = 1
        #expect(evaluator.estimates(viaPump)["pump"] == relaying)
        #expect(evaluator.estimates(space.baseline)["pump"] == alone)
    }
}
