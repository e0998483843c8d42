import ArgumentParser
import Foundation
import TwinLive
import TwinServe

/// `twinc-serve replay FILE --to URL --token TOKEN`: sends a recorded telemetry file,
/// batch by batch (every header line starts one), as fast as the server takes them.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send a recorded telemetry file to a server.")

    @Argument(help: "Newline-delimited JSON: batches, each starting with its header line.")
    var file: String

    @Option(help: "The twin's telemetry URL (http://HOST:PORT/v1/twins/NAME/telemetry).")
    var to: String

    @Option(help: "A token with the ingest scope.")
    var token: String

    func run() throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            FileHandle.standardError.write(Data("error: cannot read `\(file)`\n".utf8))
            throw ExitCode(66)
        }
        guard let target = HTTPClient.parse(to) else { throw ValidationError("--to expects http://HOST:PORT/PATH") }
        let batches = TelemetryReader.batches(in: text)
        let client = HTTPClient(host: target.host, port: target.port)
        defer { client.close() }
        var accepted = 0, duplicates = 0
        for (index, batch) in batches.enumerated() {
            let response: HTTPClient.Response
            do {
                response = try client.request("POST", target.path, headers: [
                    ("Authorization", "Bearer \(token)"), ("Content-Type", "application/x-ndjson"),
                ], body: Data(batch.utf8))
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(69)
            }
            switch response.status {
            case 202: accepted += 1
            case 200: duplicates += 1
            default:
                FileHandle.standardError.write(Data("batch \(index + 1): HTTP \(response.status)\n\(response.text)".utf8))
                throw ExitCode(65)
            }
        }
        ServeSupport.line("replayed \(batches.count) batches: \(accepted) accepted, \(duplicates) already there")
    }
}
