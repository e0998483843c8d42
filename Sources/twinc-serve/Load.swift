import ArgumentParser
import Foundation
import TwinJSON
import TwinLive
import TwinServe

/// `twinc-serve load`: the load generator `bench` runs in a second process; prints one
/// JSON line with throughput and latency percentiles.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send synthetic telemetry at a server and measure it.")

    @Argument(help: "The twin (twin.json or folder) the telemetry is for.")
    var twin: String

    @Option(help: "The twin's telemetry URL.")
    var to: String

    @Option(help: "A token with the ingest scope.")
    var token: String

    @Option(help: "Concurrent connections.")
    var connections = 4

    @Option(name: .customLong("batch-size"), help: "Observations per batch.")
    var batchSize = 1000

    @Option(help: "Observations a second in all (omitted: as fast as the server takes them).")
    var rate: Double?

    @Option(help: "Seconds to run.")
    var seconds = 10.0

    func run() throws {
        guard let config = try ServeSupport.loadTwins(twin).first else { throw ExitCode(66) }
        let generator = LoadGenerator(url: to, token: token, model: TwinAdapter.model(config),
                                      connections: Swift.max(1, Swift.min(connections, 64)),
                                      batchSize: Swift.max(1, batchSize), rate: rate, duration: Swift.min(seconds, 600))
        let result = try generator.run()
        ServeSupport.line(JSONWriter.compact.string(result.json))
    }
}
