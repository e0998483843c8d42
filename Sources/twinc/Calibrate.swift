import ArgumentParser
import Foundation
import TwinConfig
import TwinDiagnostics
import TwinDriver
import TwinJSON
import TwinLive

/// `twinc calibrate TWIN --telemetry FILE --out DIR`: replays recorded telemetry through the
/// live twin's loop (no server) and writes the twin.json with the parameters the evidence
/// supports (link offsets as TX power at the same current, battery capacity, unmodelled
/// drain), so offline runs use the calibrated network. The calibration with its
/// provenance goes beside it as calibration.json.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Write a calibrated twin.json from recorded telemetry.",
        discussion: "FILE holds telemetry batches (newline-delimited JSON, each batch starting with its header line), as `twinc-serve emulate` sends them or the server's store keeps them.")

    @Argument(help: "The twin.json (or its folder) the telemetry is for.")
    var twin: String

    @Option(help: "Recorded telemetry.")
    var telemetry: String

    @Option(help: "Folder to write twin.json and calibration.json into.")
    var out: String

    func run() throws {
        let twinPath = FileManager.default.fileExists(atPath: twin + "/twin.json") ? twin + "/twin.json" : twin
        guard let twinText = try? String(contentsOfFile: twinPath, encoding: .utf8) else {
            FileHandle.standardError.write(Data("error: cannot read `\(twinPath)`\n".utf8))
            throw ExitCode(66)
        }
        let read = TwinConfig.read(text: twinText, file: twinPath)
        guard let config = read.config else {
            report(read.diagnostics, twinPath: twinPath, text: twinText)
            throw ExitCode(65)
        }
        guard let text = try? String(contentsOfFile: telemetry, encoding: .utf8) else {
            FileHandle.standardError.write(Data("error: cannot read `\(telemetry)`\n".utf8))
            throw ExitCode(66)
        }
        var live = LiveTwin(config: config)
        let reader = TelemetryReader(model: live.model, maximumRecords: Int.max, file: telemetry)
        let batches = TelemetryReader.batches(in: text)
        for batch in batches {
            switch reader.read(batch) {
            case .failure(let rejection):
                report(rejection.diagnostics, twinPath: telemetry, text: text)
                throw ExitCode(65)
            case .success(let parsed):
                let latest = parsed.observations.map(\.time).max() ?? Timestamp(secondsSinceEpoch: 0)
                if case .failure(let rejection) = live.ingest(parsed, receivedAt: latest) {
                    report(rejection.diagnostics, twinPath: telemetry, text: text)
                    throw ExitCode(65)
                }
            }
        }
        let calibration = live.calibration()
        let calibrated = TwinAdapter.calibrated(config, calibration)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try calibrated.canonicalJSON().write(toFile: out + "/twin.json", atomically: true, encoding: .utf8)
            try (JSONWriter.canonical.string(LiveJSON.calibration(calibration)) + "\n")
                .write(toFile: out + "/calibration.json", atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write into `\(out)`: \(error)\n".utf8))
            throw ExitCode(73)
        }
        for link in calibration.links where link.isPrimary {
            print(String(format: "link %@: %+.1f dB ± %.1f dB against the model (%d episodes)", link.link, link.offset.dB,
                         link.offsetSigma.dB, link.evidence))
        }
        for battery in calibration.batteries {
            let capacity = battery.capacity.map { String(format: "%.0f C of %.0f C", $0.si, battery.nominalCapacity.si) } ?? "nominal"
            print("battery \(battery.device): capacity \(capacity)" + (battery.extraCurrent.map { String(format: ", %.3g A beyond the model", $0.si) } ?? ""))
        }
        print("wrote \(out)/twin.json and \(out)/calibration.json (\(calibration.provenance.batches) batches, \(calibration.provenance.observations) observations)")
    }

    private func report(_ diagnostics: [Diagnostic], twinPath: String, text: String) {
        var sources = SourceStore()
        sources.add(file: twinPath, text: text)
        DiagnosticOutput(format: .text, rules: LiveDiagnostics.all).emit(diagnostics, sources: sources)
    }
}
