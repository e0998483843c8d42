import Foundation
import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinLive

/// One hosted twin: its `LiveTwin`, its share of the store, its event subscribers, and
/// the act loop. An actor, so batches of one twin apply one at a time in arrival order
/// while other twins ingest in parallel.
public actor TwinHost {
    public let name: String
    private(set) var twin: LiveTwin
    private let store: LiveStore?
    private let metrics: ServerMetrics
    private let settings: ServeSettings
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextSubscriber = 0
    private var eventBase = 0
    private var recommendation: RecommendationRecord?
    private var recommending = false
    private var lastRecommendationClock: Timestamp?
    private var pendingCheck: (targets: [String], at: Timestamp, id: String)?
    /// The control request being answered: batches wait for its answer (see `ingest`).
    private var controlInFlight: Task<String, Never>?

    /// What the act loop last recommended, and what became of it.
    struct RecommendationRecord: Sendable {
        var id: String
        var at: Timestamp
        var goals: [String]
        var outcome: RecommendationOutcome
        var approved: Bool
        var reasons: [String]
        var action: String?
    }

    public init(config: TwinConfig, store: LiveStore?, metrics: ServerMetrics, settings: ServeSettings) throws {
        name = config.name
        self.store = store
        self.metrics = metrics
        self.settings = settings
        var twin = LiveTwin(config: config, settings: settings.live)
        if let store {
            // Restore: every stored batch again, in order, with the knob settings applied
            // after the batch they followed.
            let knobs = try store.knobs(twin: config.name)
            var next = 0
            // A setting is scheduled as it was live: from the telemetry time the gateway
            // applied it, which the batches after it reach.
            func apply(_ stored: LiveStore.StoredKnobs) {
                try? twin.applyKnobs(Self.decodeKnobs(stored.settings),
                                     from: stored.appliesAt.map { Timestamp(secondsSinceEpoch: $0) })
            }
            try store.forEachBatch(twin: config.name) { stored in
                while next < knobs.count, knobs[next].afterOrdinal < stored.ordinal {
                    apply(knobs[next])
                    next += 1
                }
                // Read against the model in force now: an applied action changes it.
                if case .success(let batch) = TelemetryReader(model: twin.model, maximumRecords: Int.max).read(stored.body) {
                    _ = twin.ingest(batch, receivedAt: Timestamp(secondsSinceEpoch: stored.received))
                }
            }
            while next < knobs.count {
                apply(knobs[next])
                next += 1
            }
        }
        self.twin = twin
        eventBase = 0
    }

    static func decodeKnobs(_ text: String) -> [KnobSetting] {
        guard case .success(let json) = JSONParser.parse(text), let members = json.value.objectValue else { return [] }
        return members.compactMap { key, value in value.numberValue.map { KnobSetting(knob: key, value: $0) } }
    }

    static func encodeKnobs(_ settings: [KnobSetting]) -> String {
        JSONWriter.compact.string(.object(settings.map { ($0.knob, .number($0.value)) }))
    }

    public var model: LiveModel { twin.model }

    /// Applies a checked batch (already read) whose raw text is `body`; stores it first so
    /// an acknowledgement means it is on disk. While a control request is out, the batch
    /// waits for the gateway's answer (bounded by the client's timeout): the answer says
    /// from which telemetry time the new settings hold, and a batch after that time must
    /// be judged under them, whichever of the two reached the server first.
    public func ingest(_ batch: TelemetryBatch, body: String, now: Date) async -> Result<IngestReceipt, TelemetryRejection> {
        if let inFlight = controlInFlight { _ = await inFlight.value }
        let started = Date()
        let received = Timestamp(secondsSinceEpoch: now.timeIntervalSince1970)
        var candidate = twin
        let result = candidate.ingest(batch, receivedAt: received)
        switch result {
        case .failure(let rejection):
            metrics.batchRefused(twin: name, code: rejection.diagnostics.first?.code.id ?? "TL000")
            return result
        case .success(let receipt):
            if receipt.duplicate {
                twin = candidate
                metrics.duplicate(twin: name)
                return result
            }
            if let store {
                do {
                    _ = try store.append(twin: name, source: batch.source, sequence: batch.sequence,
                                         received: received.secondsSinceEpoch, body: body)
                } catch {
                    return .failure(TelemetryRejection(diagnostics: [.error(
                        LiveDiagnostics.tooLarge, "the store refused the batch: \(error)", at: nil)]))
                }
            }
            twin = candidate
            metrics.batchAccepted(twin: name, observations: receipt.accepted, seconds: Date().timeIntervalSince(started))
            metrics.events(twin: name, receipt.events)
            afterIngest(receipt.events)
            return result
        }
    }

    private func afterIngest(_ events: [LiveEvent]) {
        guard let clock = twin.state.clock else { return }
        let goals = twin.assess(now: clock)
        metrics.goals(twin: name, goals)
        for event in events where event.kind == .drift || event.kind == .gateway || event.kind == .goal {
            audit(event)
        }
        broadcast(goals: goals, events: events)
        checkAction(goals: goals, clock: clock)
        considerActing(goals: goals, clock: clock)
    }

    private func audit(_ event: LiveEvent) {
        try? store?.audit(twin: name, time: RFC3339.format(event.time), kind: event.kind.rawValue,
                          entry: JSONWriter.compact.string(LiveJSON.event(event)))
    }

    // MARK: Reads

    public func stateJSON() -> JSONValue { LiveJSON.state(twin) }

    public func assuranceJSON() -> JSONValue {
        guard let clock = twin.state.clock else { return LiveJSON.assurance([], at: nil) }
        return LiveJSON.assurance(twin.assess(now: clock), at: clock)
    }

    public func calibrationJSON() -> JSONValue { LiveJSON.calibration(twin.calibration()) }

    public func calibratedConfig() -> TwinConfig { TwinAdapter.calibrated(twin.config, twin.calibration()) }

    /// The forecast: the analytic one, confirmed by the DES when `confirm`.
    public func forecastJSON(confirm: Bool) -> JSONValue {
        guard let clock = twin.state.clock else { return .object([("goals", .array([]))]) }
        var seconds = 0.0
        if confirm {
            let started = Date()
            twin.confirm(at: clock, horizon: settings.confirmHorizon)
            seconds = Date().timeIntervalSince(started)
        }
        let goals = twin.assess(now: clock)
        var members: [(String, JSONValue)] = [
            ("time", .string(RFC3339.format(clock))),
            ("horizon_s", .number(twin.model.horizon.si)),
            ("goals", .array(goals.map { goal in
                .object([("goal", .string(goal.goal)), ("state", .string(goal.state.rawValue)),
                         ("forecast", goal.forecast.map(LiveJSON.forecast) ?? .null)])
            })),
        ]
        if let confirmation = twin.confirmation {
            members.append(("confirmation", .object([
                ("at", .string(RFC3339.format(confirmation.at))), ("horizon_s", .number(confirmation.horizon.si)),
                ("verdicts", .object(confirmation.verdicts.map { ($0.goal, .string($0.state.rawValue)) })),
                ("seconds", .number(seconds)),
            ])))
        }
        return .object(members)
    }

    public func eventsJSON(since: Int) -> JSONValue {
        let events = twin.events
        let first = eventBase
        return .object([("events", .array(events.enumerated().compactMap { offset, event in
            offset + first >= since ? LiveJSON.event(event, index: offset + first) : nil
        }))])
    }

    public func auditJSON() -> JSONValue {
        let entries = (try? store?.auditEntries(twin: name)) ?? []
        return .object([("entries", .array(entries.compactMap { text in
            if case .success(let json) = JSONParser.parse(text) { return json.value }
            return nil
        }))])
    }

    public func recommendationJSON() -> JSONValue {
        guard let record = recommendation else {
            return .object([("status", .string(recommending ? "computing" : "none"))])
        }
        return .object([
            ("status", .string(recommending ? "computing" : "ready")), ("id", .string(record.id)),
            ("time", .string(RFC3339.format(record.at))), ("goals", .array(record.goals.map { .string($0) })),
            ("changes", .object(record.outcome.changes.map { ($0.knob, .number($0.value)) })),
            ("approved", .bool(record.approved)), ("reasons", .array(record.reasons.map { .string($0) })),
            ("verdicts", .array(record.outcome.goals.map {
                .object([("goal", .string($0.goal)), ("baseline", .string($0.baseline)), ("recommended", .string($0.recommended))])
            })),
            ("notes", .array(record.outcome.notes.map { .string($0) })),
            ("evidence", .string(record.outcome.evidence)),
            ("action", record.action.map { .string($0) } ?? .null),
        ])
    }

    // MARK: Live stream

    public func subscribe() -> (Int, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        if let clock = twin.state.clock { continuation.yield(update(goals: twin.assess(now: clock), events: [])) }
        return (id, stream)
    }

    /// Ends a subscriber's stream (its client went, or the server is shutting down).
    public func unsubscribe(_ id: Int) {
        subscribers[id]?.finish()
        subscribers[id] = nil
    }

    /// An empty message: the stream writes a comment, which fails once the client is gone.
    public func heartbeat(_ id: Int) { subscribers[id]?.yield("") }

    private func update(goals: [GoalAssurance], events: [LiveEvent]) -> String {
        JSONWriter.compact.string(.object([
            ("assurance", LiveJSON.assurance(goals, at: twin.state.clock)),
            ("events", .array(events.map { LiveJSON.event($0) })),
            ("observations", .int(twin.state.observationsAccepted)),
        ]))
    }

    private func broadcast(goals: [GoalAssurance], events: [LiveEvent]) {
        guard !subscribers.isEmpty else { return }
        let message = update(goals: goals, events: events)
        for continuation in subscribers.values { continuation.yield(message) }
    }

    // MARK: Act

    private func considerActing(goals: [GoalAssurance], clock: Timestamp) {
        guard settings.act, !recommending, pendingCheck == nil else { return }
        let needing = ActPolicy.goalsNeedingAction(goals).filter { $0.kpi != .lifetime || $0.state == .violated }
        guard !needing.isEmpty else { return }
        if let last = lastRecommendationClock, (clock - last).si < settings.actInterval.si { return }
        recommending = true
        lastRecommendationClock = clock
        let config = calibratedConfig()
        let targets = needing.map(\.goal)
        let recommendationSettings = settings.recommendation
        Task.detached { [weak self] in
            let outcome = TwinAdapter.recommend(config, settings: recommendationSettings)
            await self?.recommended(outcome, targets: targets, at: clock)
        }
    }

    /// `recommending` stays set until the action is answered: a gateway that waits for
    /// the twin (`emulate --wait-for-twin`) resumes only once the knobs are in force.
    private func recommended(_ outcome: RecommendationOutcome, targets: [String], at clock: Timestamp) async {
        defer { recommending = false }
        let vetting = ActPolicy.vet(outcome)
        let id = "rec-\(Int(clock.secondsSinceEpoch))-\(twin.state.batchesAccepted)"
        var record = RecommendationRecord(id: id, at: clock, goals: targets, outcome: outcome,
                                          approved: vetting.approved, reasons: vetting.reasons)
        let changes = outcome.changes.map { "\($0.knob) = \(JSONWriter.format($0.value))" }.joined(separator: ", ")
        let event = LiveEvent(time: clock, kind: .recommendation, subject: targets.joined(separator: ","),
                              message: vetting.approved
                                  ? "recommended \(changes) for \(targets.joined(separator: ", ")) (\(outcome.evidence))"
                                  : "no action: \(vetting.reasons.joined(separator: "; "))")
        twin.record([event])
        audit(event)
        if vetting.approved, let control = settings.control {
            record.action = await send(outcome.changes, id: id, to: control, targets: targets, at: clock)
        }
        recommendation = record
        broadcast(goals: twin.assess(now: twin.state.clock ?? clock), events: [event])
    }

    /// Posts the knob changes to the gateway's control endpoint with an idempotency key;
    /// a dry run unless the server was started with `--apply-actions`.
    private func send(_ changes: [KnobSetting], id: String, to control: ControlSettings, targets: [String],
                      at clock: Timestamp) async -> String {
        let body = JSONWriter.compact.string(.object([
            ("idempotencyKey", .string(id)), ("dryRun", .bool(!control.apply)),
            ("knobs", .object(changes.map { ($0.knob, .number($0.value)) })),
        ]))
        let request = Task.detached { () throws -> HTTPClient.Response in
            guard let target = HTTPClient.parse(control.url) else { throw HTTPClientError.connect("bad URL \(control.url)") }
            let client = HTTPClient(host: target.host, port: target.port)
            defer { client.close() }
            return try client.request("POST", target.path.isEmpty ? "/control" : target.path,
                                      headers: [("Content-Type", "application/json"), ("Idempotency-Key", id)],
                                      body: Data(body.utf8))
        }
        let answered = Task { [weak self] () -> String in
            let result = await request.result
            return await self?.controlAnswered(result, changes: changes, id: id, to: control, targets: targets, at: clock)
                ?? "failed"
        }
        controlInFlight = answered
        return await answered.value
    }

    private func controlAnswered(_ result: Result<HTTPClient.Response, any Error>, changes: [KnobSetting], id: String,
                                 to control: ControlSettings, targets: [String], at clock: Timestamp) -> String {
        controlInFlight = nil
        let response: HTTPClient.Response
        switch result {
        case .success(let value): response = value
        case .failure(let error):
            let event = LiveEvent(time: clock, kind: .action, subject: id, message: "control request failed: \(error)")
            twin.record([event])
            audit(event)
            return "failed"
        }
        let status = response.status
        let applied = control.apply && (200..<300).contains(status)
        // The gateway may say when the knobs take effect (`appliesAt`, telemetry time):
        // batches already on their way still carry the old settings, so the twin takes
        // the new ones from then and the outcome is judged from then; without it, from
        // the latest telemetry.
        var appliesAt: Timestamp?
        if case .success(let reply) = JSONParser.parse(response.text) {
            appliesAt = reply.value["appliesAt"]?.stringValue.flatMap(RFC3339.parse)
        }
        let now = Swift.max(twin.state.clock ?? clock, appliesAt ?? clock)
        if applied {
            // The gateway runs the new settings: a twin that cannot follow, or a store that
            // cannot keep them for a restart, is said in the events, not swallowed.
            var problems: [String] = []
            do {
                try twin.applyKnobs(changes, from: appliesAt)
            } catch {
                problems.append("the twin could not apply them (\(error)) and keeps predicting the previous settings")
            }
            if let store {
                do {
                    try store.appendKnobs(twin: name, afterOrdinal: try store.lastOrdinal(twin: name),
                                          settings: Self.encodeKnobs(changes), appliesAt: appliesAt?.secondsSinceEpoch)
                } catch {
                    problems.append("the store could not keep them (\(error)), so a restart would replay without them")
                }
            }
            if !problems.isEmpty {
                let warning = LiveEvent(time: now, kind: .action, subject: id, message: problems.joined(separator: "; "))
                twin.record([warning])
                audit(warning)
            }
            pendingCheck = (targets, now + settings.recoveryCheck, id)
        }
        let event = LiveEvent(time: now, kind: .action, subject: id,
                              message: (control.apply ? "applied" : "dry run of") + " \(Self.encodeKnobs(changes)) at \(control.url): HTTP \(status)",
                              evidence: [("status", Double(status))])
        twin.record([event])
        audit(event)
        return applied ? "applied" : (control.apply ? "refused (HTTP \(status))" : "dry-run")
    }

    private func checkAction(goals: [GoalAssurance], clock: Timestamp) {
        guard let check = pendingCheck, clock >= check.at else { return }
        pendingCheck = nil
        let outcome = ActPolicy.outcome(targets: check.targets, after: goals)
        let event = LiveEvent(time: clock, kind: .action, subject: check.id,
                              message: "after the action: recovered \(outcome.recovered.isEmpty ? "none" : outcome.recovered.joined(separator: ", "))"
                                  + (outcome.notRecovered.isEmpty ? "" : "; not recovered \(outcome.notRecovered.joined(separator: ", "))"),
                              evidence: [("recovered", Double(outcome.recovered.count)),
                                         ("notRecovered", Double(outcome.notRecovered.count))])
        twin.record([event])
        audit(event)
        broadcast(goals: goals, events: [event])
    }
}

/// Where to send knob changes, and whether to really apply them.
public struct ControlSettings: Sendable, Hashable {
    public var url: String
    public var apply: Bool

    public init(url: String, apply: Bool) {
        self.url = url
        self.apply = apply
    }
}
