import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import TwinConfig
import TwinJSON
import TwinLive
import TwinUnits

/// `twinc-serve emulate`: paces the emulator in (accelerated) real time, posts each batch
/// to the server as the gateway would, and listens for knob changes on its own control
/// endpoint (`POST /control`, idempotent by key, dry runs acknowledged and ignored),
/// applying them before its next step. Its timestamps are anchored `duration` before
/// the wall clock at start, so none lies in the future for the server.
public final class EmulatorRunner: @unchecked Sendable {
    public struct Options: Sendable {
        public var url: String
        public var token: String
        public var speed: Double
        public var controlHost: String
        public var controlPort: Int
        /// Before each batch, wait (at most `twinWait`, wall time) until the twin has no
        /// recommendation in progress (`GET …/recommendation` says `computing` until its
        /// action is answered). Accelerated emulation multiplies the wall time the
        /// optimiser takes by the speed, and that wall time grows with the machine's load;
        /// waiting makes the twin's decisions take no emulated time, so an action applies
        /// at the telemetry time it was decided at, on any machine.
        public var waitForTwin: Bool
        public var twinWait: Time
        public var log: @Sendable (String) -> Void

        public init(url: String, token: String, speed: Double, controlHost: String = "127.0.0.1", controlPort: Int = 0,
                    waitForTwin: Bool = false, twinWait: Time = .seconds(600), log: @escaping @Sendable (String) -> Void) {
            self.url = url
            self.token = token
            self.speed = speed
            self.controlHost = controlHost
            self.controlPort = controlPort
            self.waitForTwin = waitForTwin
            self.twinWait = twinWait
            self.log = log
        }
    }

    private var emulator: Emulator
    private let options: Options
    private let lock = NSLock()
    private var pending: [KnobSetting] = []
    private var seenKeys: Set<String> = []
    private var applied: [(key: String, at: Double)] = []
    /// Why the control endpoint stopped on its own (it could not bind its port, say):
    /// the loop ends with it instead of streaming a run nobody can steer.
    private var controlFailure: String?

    public init(emulator: consuming Emulator, options: Options) {
        self.emulator = emulator
        self.options = options
    }

    /// Queues a control request; returns whether it was new (false: a repeat of a key) and
    /// the telemetry time the knobs take effect at: the end of the step already taken
    /// (the loop applies pending knobs before its next step), so the server judges the
    /// action's outcome on telemetry produced after it, not on a batch still in flight.
    func control(key: String, dryRun: Bool, knobs: [KnobSetting]) -> (fresh: Bool, appliesAt: Timestamp) {
        lock.lock()
        defer { lock.unlock() }
        let appliesAt = emulator.epoch + emulator.now
        guard !seenKeys.contains(key) else { return (false, appliesAt) }
        seenKeys.insert(key)
        if !dryRun { pending += knobs }
        return (true, appliesAt)
    }

    func groundTruthJSON() -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        let truth = emulator.groundTruth
        return .object([
            ("time_s", .number(emulator.now.si)),
            ("links", .object(truth.links.map { ($0.device, .number($0.offset.dB)) })),
            ("lifetimes_s", .object(truth.lifetimes.compactMap { entry in entry.lifetime.map { (entry.device, .number($0.si)) } })),
            ("knobs", .object(emulator.knobs.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
        ])
    }

    /// Runs to the end of the duration. The control endpoint runs while it does.
    public func run() async throws -> JSONValue {
        let router = Router()
        router.post("control") { [self] request, _ -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            guard case .success(let json) = JSONParser.parse(body),
                  let key = json["idempotencyKey"]?.value.stringValue ?? request.headers[.init("Idempotency-Key")!],
                  let knobs = json["knobs"]?.value.objectValue else {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"expected {idempotencyKey, knobs}\"}\n")))
            }
            let dryRun = json["dryRun"]?.value.boolValue ?? true
            let settings = knobs.compactMap { name, value in value.numberValue.map { KnobSetting(knob: name, value: $0) } }
            let (fresh, appliesAt) = control(key: key, dryRun: dryRun, knobs: settings)
            options.log("control \(key): \(dryRun ? "dry run" : "apply") \(settings.map { "\($0.knob)=\(JSONWriter.format($0.value))" }.joined(separator: ", "))\(fresh ? "" : " (repeat, ignored)")")
            let reply = JSONValue.object([("accepted", .bool(fresh)), ("dryRun", .bool(dryRun)),
                                          ("appliesAt", .string(RFC3339.format(appliesAt)))])
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: JSONWriter.compact.string(reply) + "\n")))
        }
        router.get("truth") { [self] _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: JSONWriter.canonical.string(groundTruthJSON()) + "\n")))
        }
        let log = options.log
        let app = Application(router: router, configuration: .init(address: .hostname(options.controlHost, port: options.controlPort),
                                                                   serverName: "twinc-emulator"),
                              onServerRunning: { channel in
                                  log("control endpoint: http://\(channel.localAddress?.ipAddress ?? "127.0.0.1"):\(channel.localAddress?.port ?? 0)/control")
                              })
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], cancellationSignals: [],
                                 logger: app.logger)
        let server = Task { try await group.run() }
        let watcher = Task { [self] in
            guard case .failure(let error) = await server.result else { return }
            lock.withLock { controlFailure = "\(error)" }
        }
        // The control server is stopped and awaited before returning: a cancelled but
        // still-closing server left NIO threads running while the process exited, and the
        // emulator ended by SIGSEGV after its last line (seen in LiveLoopEndToEndTests).
        // It is shut down gracefully, not cancelled: cancelled, Hummingbird logged
        // "error … Waiting on child channel: CancellationError()" at every normal end.
        let outcome = await Task.detached { [self] in Result { try self.loop() } }.value
        await group.triggerGracefulShutdown()
        _ = await server.result
        await watcher.value
        try outcome.get()
        return groundTruthJSON()
    }

    private func loop() throws {
        guard let target = HTTPClient.parse(options.url) else { throw HTTPClientError.connect("bad URL \(options.url)") }
        let client = HTTPClient(host: target.host, port: target.port)
        defer { client.close() }
        let writer = TelemetryWriter(model: TwinAdapter.model(emulator.twin))
        let started = Date()
        var sent = 0
        while true {
            lock.lock()
            if let controlFailure {
                lock.unlock()
                throw EmulatorError.controlEndpoint(controlFailure)
            }
            let knobs = pending
            pending = []
            if !knobs.isEmpty {
                do {
                    try emulator.apply(knobs)
                    options.log("applied \(knobs.map { "\($0.knob)=\(JSONWriter.format($0.value))" }.joined(separator: ", ")) at \(Int(emulator.now.si)) s")
                } catch {
                    options.log("could not apply \(knobs): \(error)")
                }
            }
            let batch = emulator.step()
            let now = emulator.now
            lock.unlock()
            guard let batch else { break }
            if options.speed > 0 {
                let due = started.addingTimeInterval(now.si / options.speed)
                let wait = due.timeIntervalSinceNow
                if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            }
            let body = Data(writer.text(batch).utf8)
            var attempts = 0
            while true {
                attempts += 1
                do {
                    let response = try client.request("POST", target.path, headers: [
                        ("Authorization", "Bearer \(options.token)"), ("Content-Type", "application/x-ndjson"),
                    ], body: body)
                    if (200..<300).contains(response.status) { break }
                    if response.status == 429, attempts < 20 {
                        Thread.sleep(forTimeInterval: Double(response.header("Retry-After") ?? "1") ?? 1)
                        continue
                    }
                    throw EmulatorError.refused(status: response.status, body: response.text)
                } catch let error as HTTPClientError {
                    guard attempts < 20 else { throw error }
                    Thread.sleep(forTimeInterval: 0.5)
                    client.close()
                }
            }
            sent += 1
            if options.waitForTwin { try waitForTwin(client, telemetryPath: target.path) }
            if sent % 60 == 0 { options.log("sent \(sent) batches, \(Int(now.si)) s emulated") }
        }
        options.log("done: \(sent) batches, \(Int(emulator.now.si)) s emulated")
    }
}

extension EmulatorRunner {
    /// Polls the twin's recommendation until it is not `computing` (`Options.waitForTwin`).
    private func waitForTwin(_ client: HTTPClient, telemetryPath: String) throws {
        guard telemetryPath.hasSuffix("/telemetry") else { return }
        let path = String(telemetryPath.dropLast("telemetry".count)) + "recommendation"
        let deadline = Date().addingTimeInterval(options.twinWait.si)
        while true {
            let response = try client.request("GET", path, headers: [("Authorization", "Bearer \(options.token)")])
            guard response.status == 200 else { throw EmulatorError.refused(status: response.status, body: response.text) }
            guard case .success(let json) = JSONParser.parse(response.text),
                  json.value["status"]?.stringValue == "computing" else { return }
            guard Date() < deadline else { throw EmulatorError.twinBusy(options.twinWait) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

public enum EmulatorError: Error, CustomStringConvertible {
    case refused(status: Int, body: String)
    case twinBusy(Time)
    /// The control endpoint stopped (or never started) while the emulator ran.
    case controlEndpoint(String)

    public var description: String {
        switch self {
        case let .controlEndpoint(reason): "the control endpoint stopped: \(reason)"
        case let .refused(status, body): "the server refused a batch (HTTP \(status)): \(body)"
        case let .twinBusy(wait): "the twin was still computing a recommendation after \(wait.quantity.formatted)"
        }
    }
}
