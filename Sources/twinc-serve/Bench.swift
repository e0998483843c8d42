import ArgumentParser
import Foundation
import TwinConfig
import TwinJSON
import TwinLive
import TwinProcess
import TwinServe

/// `twinc-serve bench TWIN`: the live twin's speed figures, each against a server in its
/// own process on loopback: durable ingest throughput from a load generator in a second
/// process, p99 ingest latency at 5,000 observations/s, the forecast's time, and the
/// server's memory over a 24 h emulated stream. Targets are printed beside the figures,
/// never asserted (speed belongs in a benchmark, not in a test).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure the live twin: ingest throughput and latency, forecast time, memory.")

    @Argument(help: "The twin to serve (default: the demo twin).")
    var twin = "Generated/icu-monitoring"

    @Option(help: "Seconds per load measurement.")
    var seconds = 10.0

    @Option(name: .customLong("stream-duration"), help: "Emulated time of the memory measurement.")
    var streamDuration = "24h"

    func run() async throws {
        guard let config = try ServeSupport.loadTwins(twin).first else { throw ExitCode(66) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-bench-\(ProcessInfo.processInfo.processIdentifier)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tokenFile = folder + "/tokens"
        let token = try TokenFile.create(twin: config.name, scopes: [.ingest, .read], path: tokenFile)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path

        ServeSupport.line("live twin bench (\(config.name)); server and load generator are separate processes on 127.0.0.1")
        // 1. Durable ingest throughput.
        var server = try ServerProcess(executable: executable, twin: twin, store: folder + "/throughput.sqlite", tokens: tokenFile)
        let telemetry = "http://127.0.0.1:\(server.port)/v1/twins/\(config.name)/telemetry"
        let maximum = try runLoad(executable, telemetry: telemetry, token: token, extra: ["--connections", "4", "--batch-size", "1000"])
        ServeSupport.line(String(format: "durable ingest throughput: %.0f observations/s (target ≥ 50,000), %d requests, %d failed",
                                 maximum["observationsPerSecond"]?.numberValue ?? 0, Int(maximum["requests"]?.numberValue ?? 0),
                                 Int(maximum["failures"]?.numberValue ?? 0)))
        server.stop()
        // 2. Latency at 5,000 observations/s, against a fresh server: the load generator's
        //    sources and sequence numbers start again at 1, and the first server would
        //    answer them as resends (idempotent, not stored again), which is not ingest.
        server = try ServerProcess(executable: executable, twin: twin, store: folder + "/latency.sqlite", tokens: tokenFile)
        let paced = try runLoad(executable, telemetry: "http://127.0.0.1:\(server.port)/v1/twins/\(config.name)/telemetry",
                                token: token, extra: ["--connections", "2", "--batch-size", "50", "--rate", "5000"])
        ServeSupport.line(String(format: "ingest latency at %.0f observations/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d requests, %d failed)",
                                 paced["observationsPerSecond"]?.numberValue ?? 0, 1000 * (paced["latencyP50_s"]?.numberValue ?? 0),
                                 1000 * (paced["latencyP99_s"]?.numberValue ?? 0), 1000 * (paced["latencyMax_s"]?.numberValue ?? 0),
                                 Int(paced["requests"]?.numberValue ?? 0), Int(paced["failures"]?.numberValue ?? 0)))
        server.stop()

        // 3. Forecast time: 30 min of emulated telemetry, then the analytic forecast of
        //    the whole horizon and its DES confirmation (1 h of the calibrated twin).
        let epoch = Timestamp(secondsSinceEpoch: 1_800_000_000)
        let truth = (try? TruthReader.read(text: TruthReader.bundledDefault, file: "truth", config: config).get()) ?? .none
        var emulator = try Emulator(twin: config, truth: truth, duration: .seconds(1800), epoch: epoch, seed: 7)
        var live = LiveTwin(config: config)
        while let batch = emulator.step() { _ = live.ingest(batch, receivedAt: epoch + emulator.now) }
        let now = live.state.clock ?? epoch
        var started = Date()
        let goals = live.assess(now: now)
        let analytic = Date().timeIntervalSince(started)
        started = Date()
        live.confirm(at: now, horizon: .hours(1))
        let confirmation = Date().timeIntervalSince(started)
        let pump = goals.first { $0.kpi == .lifetime }?.forecast?.text ?? "—"
        ServeSupport.line(String(format: "forecast of the %@ horizon: analytic %.1f ms, DES confirmation (1 h simulated) %.2f s (target < 5 s); %@",
                                 "\(Int(config.run.horizon.si / 3600)) h", analytic * 1000, confirmation, pump))

        // 4. Memory over a long emulated stream.
        server = try ServerProcess(executable: executable, twin: twin, store: folder + "/stream.sqlite", tokens: tokenFile, act: false)
        let length = try ServeSupport.time(streamDuration, flag: "--stream-duration")
        let streamEmulator = try Emulator(twin: config, truth: truth, duration: length, epoch: Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970 - length.si), seed: 7)
        let sampler = MemorySampler(pid: server.pid)
        sampler.start()
        let runner = EmulatorRunner(emulator: streamEmulator, options: .init(
            url: "http://127.0.0.1:\(server.port)/v1/twins/\(config.name)/telemetry", token: token, speed: 0, log: { _ in }))
        started = Date()
        _ = try await runner.run()
        let samples = sampler.stop()
        server.stop()
        let quarter = samples.dropFirst(samples.count / 4).first ?? 0
        ServeSupport.line(String(format: "memory over a %@ emulated stream (%.0f s wall): server RSS %.1f MiB after a quarter, %.1f MiB at the end, peak %.1f MiB",
                                 streamDuration, Date().timeIntervalSince(started), Double(quarter) / 1024, Double(samples.last ?? 0) / 1024,
                                 Double(samples.max() ?? 0) / 1024))
    }

    /// Runs the load generator as its own process; its last line is its JSON summary. The
    /// wait is bounded (the measurement's length plus a minute) and ends by `waitpid`.
    func runLoad(_ executable: String, telemetry: String, token: String, extra: [String]) throws -> JSONValue {
        let result = try ChildProcess.run(URL(fileURLWithPath: executable),
                                          ["load", twin, "--to", telemetry, "--token", token, "--seconds", String(seconds)] + extra,
                                          timeout: seconds + 60)
        let line = result.stdout.split(separator: "\n").last.map(String.init) ?? "{}"
        guard case .success(let json) = JSONParser.parse(line) else { return .object([]) }
        return json.value
    }
}

/// A `twinc-serve serve` child process on a free loopback port.
struct ServerProcess {
    let process = Process()
    let port: Int
    var pid: Int32 { process.processIdentifier }

    init(executable: String, twin: String, store: String, tokens: String, act: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", twin, "--listen", "127.0.0.1:0", "--store", store, "--token-file", tokens]
            + (act ? [] : ["--no-act"])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var found: Int?
        var buffer = ""
        while found == nil {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            if let range = buffer.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = Int(buffer[range].split(separator: ":").last ?? "")
            }
        }
        guard let found else { throw HTTPClientError.connect("the server did not start") }
        port = found
    }

    /// Asks the server to stop, and kills it if it has not within 15 s.
    mutating func stop() {
        process.terminate()
        _ = ChildProcess.reap(process, deadline: Date().addingTimeInterval(15))
    }
}

/// Samples a process's resident memory (VmRSS, KiB) every half second.
final class MemorySampler: @unchecked Sendable {
    let pid: Int32
    private var samples: [Int] = []
    private var running = true
    private let lock = NSLock()
    private var thread: Thread?

    init(pid: Int32) { self.pid = pid }

    func start() {
        let thread = Thread { [self] in
            while true {
                lock.lock()
                let go = running
                lock.unlock()
                guard go else { break }
                if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                   let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
                   let kib = Int(line.split(separator: " ").dropFirst().first ?? "") {
                    lock.lock()
                    samples.append(kib)
                    lock.unlock()
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        self.thread = thread
        thread.start()
    }

    func stop() -> [Int] {
        lock.lock()
        running = false
        let result = samples
        lock.unlock()
        return result
    }
}
