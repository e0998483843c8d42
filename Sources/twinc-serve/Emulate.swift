import ArgumentParser
import Foundation
import TwinJSON
import TwinLive
import TwinServe

/// `twinc-serve emulate TWIN --to URL --token TOKEN`: plays the twin's physical network
/// with the bundled runtime and a truth overlay, posting telemetry as its gateway would.
struct Emulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Emulate the physical network of a twin and send its telemetry to a server.",
        discussion: "Without --truth the bundled default differs from the demo twin: the ECG links 6 dB weaker from 20 min, the pump's cell at 80 % with 3 mA its model misses, the phone failing at 90 min (docs/live-twin.md).")

    @Argument(help: "The twin.json (or its folder) whose network to emulate.")
    var twin: String

    @Option(help: "The server (http://HOST:PORT) or its telemetry URL.")
    var to: String

    @Option(help: "A token with the ingest scope for the twin.")
    var token: String

    @Option(help: "Emulated seconds per wall second (0: as fast as possible).")
    var speed = 60.0

    @Option(help: "Truth overlay (YAML, kind: truth); default: the bundled one.")
    var truth: String?

    @Flag(name: .customLong("no-truth"), help: "Emulate the twin exactly (no overlay).")
    var noTruth = false

    @Option(help: "Seed of the emulated network's random streams.")
    var seed: UInt64 = 7

    @Option(help: "Emulated time to run.")
    var duration = "2h"

    @Option(help: "Telemetry period.")
    var period = "10s"

    @Option(name: .customLong("control-listen"), help: "Address of the emulator's control endpoint.")
    var controlListen = "127.0.0.1:0"

    @Option(name: .customLong("truth-out"), help: "Write the emulator's ground truth (JSON) here at the end.")
    var truthOut: String?

    @Flag(name: .customLong("wait-for-twin"),
          help: "Before each batch, wait until the twin has no recommendation in progress (the token needs the read scope): its decisions take no emulated time, whatever the speed and the machine's load.")
    var waitForTwin = false

    func run() async throws {
        guard let config = try ServeSupport.loadTwins(twin).first else { throw ExitCode(66) }
        var overlay = Truth.none
        if !noTruth {
            let text: String
            let file: String
            if let truth {
                guard let contents = try? String(contentsOfFile: truth, encoding: .utf8) else {
                    FileHandle.standardError.write(Data("error: cannot read `\(truth)`\n".utf8))
                    throw ExitCode(66)
                }
                (text, file) = (contents, truth)
            } else {
                (text, file) = (TruthReader.bundledDefault, "<bundled truth>")
            }
            switch TruthReader.read(text: text, file: file, config: config) {
            case .success(let value): overlay = value
            case .failure(let rejection):
                ServeSupport.report(rejection.diagnostics)
                throw ExitCode(65)
            }
        }
        let length = try ServeSupport.time(duration, flag: "--duration")
        let step = try ServeSupport.time(period, flag: "--period")
        let epoch = Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970 - length.si)
        let emulator = try Emulator(twin: config, truth: overlay, duration: length, period: step, epoch: epoch, seed: seed)
        var url = to
        if let parsed = HTTPClientParsing.path(of: to), parsed.isEmpty || parsed == "/" {
            url = to.hasSuffix("/") ? String(to.dropLast()) : to
            url += "/v1/twins/\(config.name)/telemetry"
        }
        let (host, port) = try ServeSupport.address(controlListen)
        let runner = EmulatorRunner(emulator: emulator, options: .init(url: url, token: token, speed: speed, controlHost: host,
                                                                        controlPort: port, waitForTwin: waitForTwin,
                                                                        log: { ServeSupport.line($0) }))
        let groundTruth: JSONValue
        do {
            groundTruth = try await runner.run()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(69)
        }
        let text = JSONWriter.canonical.string(groundTruth) + "\n"
        if let truthOut { try text.write(toFile: truthOut, atomically: true, encoding: .utf8) }
        ServeSupport.line("ground truth: " + JSONWriter.compact.string(groundTruth))
    }
}

enum HTTPClientParsing {
    static func path(of url: String) -> String? { HTTPClient.parse(url)?.path }
}
