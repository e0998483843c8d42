import Foundation
import Testing
import TwinConfig
import TwinLive
import TwinModels
import TwinUnits
import TwinVocabulary

/// The whole loop without a network: the emulator plays the demo twin's physical network
/// with the bundled truth, its batches go straight into `LiveTwin`.
@Suite struct EmulatedLoopTests {
    static func demoConfig() throws -> TwinConfig {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Generated/icu-monitoring/twin.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(TwinConfig.read(text: text, file: url.path).config)
    }

    /// The demo twin with its wearer replaced by `profile` (built-in values, as the
    /// compiler writes them).
    static func demoConfig(wearer profile: ActivityProfile) throws -> TwinConfig {
        var config = try demoConfig()
        let postures = Posture.allCases.compactMap { posture -> PostureActivityConfig? in
            guard let share = profile.timeShare[posture], share > 0 else { return nil }
            let fading = ActivityFading.of(posture)
            let sigma: Double = if case .lognormal(let s) = fading.marginal { s.dB } else { 0 }
            return PostureActivityConfig(
                posture: posture, share: share, transitionsPerDay: profile.transitionsPerDay[posture] ?? [:],
                shadowMean: fading.shadowMean, shadowSigma: fading.shadowSigma,
                fade: sigma > 0 ? .lognormal : .castaliaEveryday, fadeSigma: Decibels(dB: sigma),
                coherenceTime: fading.coherenceTime, bodyCorrelation: fading.bodyCorrelation)
        }
        config.activity = ActivityConfig(profile: profile.name, source: profile.source, postures: postures)
        return config
    }

    /// The demo's ward patient (as compiled) lies through the whole hour of seed 7: one
    /// sleeping bout, whose own shadow (N(33 dB, 7.5 dB), Smith et al. 2011) no window can
    /// tell from the link's static offset. The twin must say so: the truth lies within
    /// two of its stated σ, and that σ is the bout's, not a decibel. A first responder
    /// stands and walks (no bout shadow), and there the offset is pinned to 1 dB.
    @Test(arguments: ["ward-patient", "first-responder"])
    func driftCalibrationAndForecastMatchTheTruth(wearer: String) throws {
        let config = wearer == "ward-patient" ? try Self.demoConfig()
            : try Self.demoConfig(wearer: try #require(ActivityProfile.named(wearer)))
        let truth = try TruthReader.read(text: TruthReader.bundledDefault, file: "truth.yaml", config: config).get()
        let epoch = Timestamp(secondsSinceEpoch: 1_800_000_000)
        var emulator = try Emulator(twin: config, truth: truth, duration: .seconds(3600), period: .seconds(10),
                                    epoch: epoch, seed: 7)
        var twin = LiveTwin(config: config)
        var drifts: [LiveEvent] = []
        while let batch = emulator.step() {
            let receipt = try twin.ingest(batch, receivedAt: epoch + emulator.now + .seconds(1)).get()
            drifts += receipt.events.filter { $0.kind == .drift }
        }
        let links = drifts.filter { !$0.subject.hasPrefix("battery:") }
        let ecg = try #require(links.first { $0.subject == "ecg→phone" }, "drift on ecg→phone: \(drifts.map(\.message))")
        let delay = (ecg.time - (epoch + .seconds(1200))).si
        #expect(delay >= 0 && delay <= 120, "flagged \(delay) s after the change")
        #expect(links.allSatisfy { $0.subject == "ecg→phone" }, "other links: \(links.map(\.message))")
        #expect(drifts.contains { $0.subject == "battery:pump" })

        let calibration = twin.calibration()
        let link = try #require(calibration.links.first { $0.link == "ecg→phone" })
        let offset = link.offset.dB, sigma = link.offsetSigma.dB
        let truthOffset = try #require(emulator.groundTruth.linkOffset("ecg")).dB
        if wearer == "ward-patient" {
            #expect(abs(offset - truthOffset) <= 2 * sigma && sigma >= 2,
                    "calibrated \(offset) ± \(sigma) dB, truth \(truthOffset) dB")
        } else {
            #expect(abs(offset - truthOffset) <= 1, "calibrated \(offset) ± \(sigma) dB, truth \(truthOffset) dB")
        }

        let pump = try #require(twin.assess(now: twin.state.clock!).first { $0.goal == "pump-lifetime" })
        let forecast = try #require(pump.value)
        let groundTruth = try #require(emulator.groundTruth.lifetime("pump")).si
        #expect(abs(forecast - groundTruth) / groundTruth <= 0.05, "forecast \(forecast / 86400) d, truth \(groundTruth / 86400) d")
        #expect(pump.state == .atRisk, "\(pump)")
    }

    /// An action the twin recommends and the emulator applies mid-stream.
    struct Action: Sendable, CustomTestStringConvertible {
        var knobs: [KnobSetting]
        var at: Double
        var seed: UInt64
        var testDescription: String { "\(knobs.map { "\($0.knob)=\($0.value)" }) at \(at) s, seed \(seed)" }

        static let txPower = [KnobSetting(knob: "ecg.tx-power", value: 0), KnobSetting(knob: "ecg.max-retries", value: 4)]
        static let csma = [KnobSetting(knob: "ecg.mac-mode", value: 1)]
    }

    /// An action around the ECG link's change leaves the drift found as without it: one
    /// drift, on ecg→phone, within 2 min of the truth's 6 dB step at 20 min.
    /// - A 6 dB TX power step before the change or while the test accumulates evidence:
    ///   the link keeps what it learned and moves with the model's level, so when the
    ///   action lands (the optimiser's wall time) does not decide the verdict. The twin
    ///   re-learning the link from its prior after every action flagged it 480 s late.
    /// - The ECG switched to CSMA/CA 10 s in (the end-to-end test's recommendation):
    ///   seed 7 flagged false drifts at 580 s and 970 s (window levels counted CSMA/CA's
    ///   quick retries, each inside its packet's fade, so a walking window read low) and
    ///   seed 8 missed the step (measured against the pooled static level, not the
    ///   sitting episode it fell in, it read −2.4 dB).
    /// Not covered: an action in the window just before the change (1190 s, flagged 450 s
    /// late): the emulator's re-association restarts the posture chain, so the change
    /// falls on a new posture episode, which only the static level's wide prediction
    /// tests. `emulate --wait-for-twin` keeps the end-to-end action off it.
    @Test(arguments: [Action(knobs: Action.txPower, at: 600, seed: 7), Action(knobs: Action.txPower, at: 1210, seed: 7),
                      Action(knobs: Action.csma, at: 10, seed: 7), Action(knobs: Action.csma, at: 10, seed: 8)])
    func anActionAroundTheChangeLeavesOneDriftOnTime(action: Action) throws {
        let config = try Self.demoConfig()
        let truth = try TruthReader.read(text: TruthReader.bundledDefault, file: "truth.yaml", config: config).get()
        let epoch = Timestamp(secondsSinceEpoch: 1_800_000_000)
        var emulator = try Emulator(twin: config, truth: truth, duration: .seconds(1800), period: .seconds(10),
                                    epoch: epoch, seed: action.seed)
        var twin = LiveTwin(config: config)
        var drifts: [LiveEvent] = []
        while let batch = emulator.step() {
            let receipt = try twin.ingest(batch, receivedAt: epoch + emulator.now + .seconds(1)).get()
            drifts += receipt.events.filter { $0.kind == .drift && !$0.subject.hasPrefix("battery:") }
            if abs(emulator.now.si - action.at) < 1e-6 {
                try emulator.apply(action.knobs)
                try twin.applyKnobs(action.knobs, from: epoch + emulator.now)
            }
        }
        #expect(drifts.count == 1 && drifts.first?.subject == "ecg→phone", "\(drifts.map(\.message))")
        let delay = (try #require(drifts.first).time - (epoch + .seconds(1200))).si
        #expect(delay >= 0 && delay <= 120, "flagged \(delay) s after the change")
    }
}
