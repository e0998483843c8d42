import Foundation
import Testing
import TwinConfig
import TwinLive
import TwinUnits

/// The whole loop without a network: the emulator plays the demo twin's physical network
/// with the bundled truth, its batches go straight into `LiveTwin`.
@Suite struct EmulatedLoopTests {
    static func demoConfig() throws -> TwinConfig {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Generated/icu-monitoring/twin.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(TwinConfig.read(text: text, file: url.path).config)
    }

    @Test func driftCalibrationAndForecastMatchTheTruth() throws {
        let config = try Self.demoConfig()
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
        let offset = try #require(calibration.links.first { $0.link == "ecg→phone" }).offset.dB
        let truthOffset = try #require(emulator.groundTruth.linkOffset("ecg")).dB
        #expect(abs(offset - truthOffset) <= 1, "calibrated \(offset) dB, truth \(truthOffset) dB")

        let pump = try #require(twin.assess(now: twin.state.clock!).first { $0.goal == "pump-lifetime" })
        let forecast = try #require(pump.value)
        let groundTruth = try #require(emulator.groundTruth.lifetime("pump")).si
        #expect(abs(forecast - groundTruth) / groundTruth <= 0.05, "forecast \(forecast / 86400) d, truth \(groundTruth / 86400) d")
        #expect(pump.state == .atRisk, "\(pump)")
    }
}
