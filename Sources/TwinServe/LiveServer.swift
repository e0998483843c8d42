import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinLive

/// The HTTP API of `twinc-serve serve`: a thin adapter from routes to `TwinHost`s.
/// Every refusal is a coded 4xx with the diagnostics as JSON (`TL…`), and leaves state
/// untouched. Reads accept the token as `Authorization: Bearer` or, for the dashboard's
/// EventSource which cannot set headers, as `?token=`.
public struct LiveServer: Sendable {
    public let hosts: [String: TwinHost]
    public let names: [String]
    public let tokens: TokenFile
    public let metrics: ServerMetrics
    public let settings: ServeSettings
    let requestLimiter: RateLimiter
    let observationLimiter: RateLimiter

    public init(hosts: [TwinHost], tokens: TokenFile, metrics: ServerMetrics, settings: ServeSettings) {
        var table: [String: TwinHost] = [:]
        for host in hosts { table[host.name] = host }
        self.hosts = table
        names = hosts.map(\.name).sorted()
        self.tokens = tokens
        self.metrics = metrics
        self.settings = settings
        requestLimiter = RateLimiter(rate: settings.requestRate, burst: Swift.max(1, settings.requestRate))
        observationLimiter = RateLimiter(rate: settings.observationRate, burst: Swift.max(1, settings.observationRate * 10))
    }

    /// Builds the Hummingbird application listening on `host:port` (port 0: any free port,
    /// reported through `onRunning`).
    public func application(host: String, port: Int,
                            onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthz") { _, _ in "ok\n" }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.text())))
        }
        router.get("v1/twins") { request, _ in
            let token = Self.token(request)
            let visible = names.filter { !(tokens.scopes(token: token ?? "", twin: $0).isEmpty) }
            return Self.json(.object([("twins", .array(visible.map { .string($0) }))]))
        }
        router.post("v1/twins/:name/telemetry") { request, context in
            try await ingest(request, context: context, otlp: false)
        }
        router.post("v1/twins/:name/otlp/v1/metrics") { request, context in
            try await ingest(request, context: context, otlp: true)
        }
        router.get("v1/twins/:name/state") { request, context in
            try await read(request, context) { await $0.stateJSON() }
        }
        router.get("v1/twins/:name/assurance") { request, context in
            try await read(request, context) { await $0.assuranceJSON() }
        }
        router.get("v1/twins/:name/forecast") { request, context in
            let confirm = request.uri.queryParameters.get("confirm") == "true"
            return try await read(request, context) { await $0.forecastJSON(confirm: confirm) }
        }
        router.get("v1/twins/:name/recommendation") { request, context in
            try await read(request, context) { await $0.recommendationJSON() }
        }
        router.get("v1/twins/:name/calibration") { request, context in
            try await read(request, context) { await $0.calibrationJSON() }
        }
        router.get("v1/twins/:name/calibration/twin.json") { request, context in
            try await read(request, context) { host in
                let config = await host.calibratedConfig()
                guard case .success(let json) = JSONParser.parse(config.canonicalJSON()) else { return .null }
                return json.value
            }
        }
        router.get("v1/twins/:name/events") { request, context in
            let since = Int(request.uri.queryParameters.get("since") ?? "") ?? 0
            return try await read(request, context) { await $0.eventsJSON(since: since) }
        }
        router.get("v1/twins/:name/audit") { request, context in
            try await read(request, context) { await $0.auditJSON() }
        }
        router.get("v1/twins/:name/live") { request, context in
            let name = context.parameters.get("name") ?? ""
            if let refusal = authorise(request, twin: name, scope: .read) { return refusal }
            guard let host = hosts[name] else { return Self.refuse(.notFound, LiveDiagnostics.unknownTwin, "no twin `\(name)`") }
            let (id, stream) = await host.subscribe()
            // Ends when the client goes (a heartbeat write fails) or the server shuts down.
            let body = ResponseBody { writer in
                let heartbeat = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(5))
                        await host.heartbeat(id)
                    }
                }
                defer { heartbeat.cancel() }
                try await withGracefulShutdownHandler {
                    try await writer.write(ByteBuffer(string: ": twinc live stream\n\n"))
                    for await message in stream {
                        try await writer.write(ByteBuffer(string: message.isEmpty ? ": heartbeat\n\n" : "event: update\ndata: \(message)\n\n"))
                    }
                } onGracefulShutdown: {
                    Task { await host.unsubscribe(id) }
                }
                await host.unsubscribe(id)
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: body)
        }
        router.get("twins/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            guard hosts[name] != nil else { return Self.refuse(.notFound, LiveDiagnostics.unknownTwin, "no twin `\(name)`") }
            if let refusal = authorise(request, twin: name, scope: .read) { return refusal }
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8",
                                                   .contentSecurityPolicy: "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:"],
                            body: .init(byteBuffer: ByteBuffer(string: Dashboard.page(twin: name))))
        }
        return Application(router: router,
                           configuration: .init(address: .hostname(host, port: port), serverName: "twinc"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    static func token(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return request.uri.queryParameters.get("token")
    }

    /// nil when the request's token grants `scope` on `twin`; else the 401/403 response.
    func authorise(_ request: Request, twin: String, scope: TokenFile.Scope) -> Response? {
        guard let token = Self.token(request), !token.isEmpty else {
            return Self.refuse(.unauthorized, LiveDiagnostics.unauthorised, "no bearer token")
        }
        let scopes = tokens.scopes(token: token, twin: twin)
        if scopes.isEmpty { return Self.refuse(.unauthorized, LiveDiagnostics.unauthorised, "the token is not valid for twin `\(twin)`") }
        if !scopes.contains(scope) {
            return Self.refuse(.forbidden, LiveDiagnostics.forbidden, "the token lacks the `\(scope.rawValue)` scope")
        }
        if let wait = requestLimiter.take(tokens.id(of: token) ?? token, now: Date().timeIntervalSince1970) {
            var response = Self.refuse(.tooManyRequests, LiveDiagnostics.rateLimited, "more than \(JSONWriter.format(settings.requestRate)) requests a second")
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)) + 1)
            return response
        }
        return nil
    }

    func read(_ request: Request, _ context: BasicRequestContext,
              _ body: @Sendable (TwinHost) async -> JSONValue) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        guard let host = hosts[name] else { return Self.refuse(.notFound, LiveDiagnostics.unknownTwin, "no twin `\(name)`") }
        if let refusal = authorise(request, twin: name, scope: .read) { return refusal }
        return Self.json(await body(host))
    }

    func ingest(_ request: Request, context: BasicRequestContext, otlp: Bool) async throws -> Response {
        let name = context.parameters.get("name") ?? ""
        guard let host = hosts[name] else { return Self.refuse(.notFound, LiveDiagnostics.unknownTwin, "no twin `\(name)`") }
        if let refusal = authorise(request, twin: name, scope: .ingest) { return refusal }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: settings.maximumBody)
        } catch {
            return Self.refuse(.contentTooLarge, LiveDiagnostics.tooLarge, "the body exceeds \(settings.maximumBody) bytes")
        }
        let text = String(buffer: buffer)
        let model = await host.model
        let read: Result<TelemetryBatch, TelemetryRejection>
        var stored = text
        if otlp {
            read = OTLPReader(model: model).read(text, source: request.headers[.init("X-Twinc-Source")!] ?? "otlp",
                                                 sequence: Int(request.headers[.init("X-Twinc-Sequence")!] ?? ""))
            if case .success(let batch) = read { stored = TelemetryWriter(model: model).text(batch) }
        } else {
            read = TelemetryReader(model: model).read(text)
        }
        let batch: TelemetryBatch
        switch read {
        case .failure(let rejection):
            metrics.batchRefused(twin: name, code: rejection.diagnostics.first?.code.id ?? "TL000")
            return Self.diagnostics(.badRequest, rejection.diagnostics)
        case .success(let value): batch = value
        }
        if let wait = observationLimiter.take("\(name)/\(batch.source)", cost: Double(batch.observations.count),
                                              now: Date().timeIntervalSince1970) {
            var response = Self.refuse(.tooManyRequests, LiveDiagnostics.rateLimited,
                                       "source `\(batch.source)` exceeds \(JSONWriter.format(settings.observationRate)) observations a second")
            response.headers[.retryAfter] = String(Int(wait.rounded(.up)) + 1)
            return response
        }
        switch await host.ingest(batch, body: stored, now: Date()) {
        case .failure(let rejection):
            return Self.diagnostics(rejection.diagnostics.first?.code == LiveDiagnostics.timeOrder ? .unprocessableContent : .badRequest,
                                    rejection.diagnostics)
        case .success(let receipt):
            return Self.json(.object([
                ("source", .string(receipt.source)), ("sequence", .int(receipt.sequence)),
                ("accepted", .int(receipt.accepted)), ("duplicate", .bool(receipt.duplicate)),
                ("events", .array(receipt.events.map { LiveJSON.event($0) })),
            ]), status: receipt.duplicate ? .ok : .accepted)
        }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(string: JSONWriter.canonical.string(value) + "\n")))
    }

    static func diagnostics(_ status: HTTPResponse.Status, _ diagnostics: [Diagnostic]) -> Response {
        json(LiveJSON.diagnostics(diagnostics), status: status)
    }

    static func refuse(_ status: HTTPResponse.Status, _ code: DiagnosticCode, _ message: String) -> Response {
        diagnostics(status, [.error(code, message, at: nil)])
    }
}
