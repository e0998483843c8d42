import ArgumentParser
import Foundation
import TwinLive
import TwinServe

/// `twinc-serve serve TWIN|DIR`: hosts every compiled twin found (a ward) and keeps each
/// in step with its telemetry; prints `listening on http://HOST:PORT` once ready.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve compiled twins: ingest telemetry, synchronise, assure the intents, recommend and act.")

    @Argument(help: "A twin.json, a folder holding one, or a folder of such folders.")
    var twins: String

    @Option(help: "Address to listen on (loopback by default; port 0 picks a free one).")
    var listen = "127.0.0.1:8080"

    @Option(help: "SQLite store (WAL); omitted: state lives in memory only.")
    var store: String?

    @Option(name: .customLong("token-file"), help: "Hashed bearer tokens (`twinc-serve token create`).")
    var tokenFile: String

    @Option(help: "The gateway's control endpoint that knob changes are posted to.")
    var control: String?

    @Flag(name: .customLong("apply-actions"), help: "Really apply recommendations through --control (default: dry run).")
    var applyActions = false

    @Flag(name: .customLong("no-act"), help: "Never run the optimiser from the live state.")
    var noAct = false

    @Option(name: .customLong("act-horizon"), help: "Simulated time of each optimiser run from the live state.")
    var actHorizon = "10 min"

    @Option(name: .customLong("act-interval"), help: "Telemetry time between two recommendations at most once.")
    var actInterval = "10 min"

    @Option(name: .customLong("recovery-check"), help: "Telemetry time after an applied action before recovery is judged.")
    var recoveryCheck = "10 min"

    @Option(help: "Sliding window goals are assessed over.")
    var window = "10 min"

    @Option(name: .customLong("max-body"), help: "Largest request body in bytes.")
    var maxBody = 8 << 20

    @Option(name: .customLong("observation-rate"), help: "Observations a second per batch source.")
    var observationRate = 200_000.0

    func run() async throws {
        let configs = try ServeSupport.loadTwins(twins)
        let (host, port) = try ServeSupport.address(listen)
        let tokens: TokenFile
        do { tokens = try TokenFile.load(path: tokenFile) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(65)
        }
        var settings = ServeSettings(
            live: LiveSettings(window: try ServeSupport.time(window, flag: "--window")),
            maximumBody: maxBody, observationRate: observationRate, act: !noAct,
            actInterval: try ServeSupport.time(actInterval, flag: "--act-interval"),
            recommendation: RecommendationSettings(horizon: try ServeSupport.time(actHorizon, flag: "--act-horizon")),
            recoveryCheck: try ServeSupport.time(recoveryCheck, flag: "--recovery-check"))
        if let control { settings.control = ControlSettings(url: control, apply: applyActions) }
        let liveStore = try store.map { try LiveStore(path: $0) }
        let metrics = ServerMetrics()
        var hosts: [TwinHost] = []
        for config in configs {
            hosts.append(try TwinHost(config: config, store: liveStore, metrics: metrics, settings: settings))
        }
        let server = LiveServer(hosts: hosts, tokens: tokens, metrics: metrics, settings: settings)
        let names = configs.map(\.name)
        try await server.application(host: host, port: port) { actual in
            ServeSupport.line("listening on http://\(host):\(actual) (twins: \(names.joined(separator: ", ")))")
        }.runService()
    }
}
