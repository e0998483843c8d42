import TwinApplications
import TwinConfig
import TwinDiagnostics
import TwinModels
import TwinUnits
import TwinVocabulary

/// The live twin of one compiled twin: its model, its synchronised state and what it
/// noticed. A plain value; every step is a function of observations and time (`ingest`,
/// `assess`, `calibration`), so the server, `twinc calibrate` and the tests drive the
/// same code, and a server restores a twin by ingesting its stored batches again.
public struct LiveTwin: Sendable {
    public private(set) var config: TwinConfig
    public private(set) var model: LiveModel
    public internal(set) var state: LiveState
    public let settings: LiveSettings
    /// The latest events, oldest first (at most `settings.eventsKept`).
    public private(set) var events: [LiveEvent] = []
    /// Assurance state per goal at the last assessment (for change events).
    public private(set) var lastStates: [String: AssuranceState] = [:]
    /// Seconds observed in each posture, in `Posture.allCases` order.
    var postureTime: [(String, Double)] = Posture.allCases.map { ($0.rawValue, 0) }
    var postureSince: Timestamp?
    /// The DES confirmation of the forecast, when one was made (`confirm`).
    public internal(set) var confirmation: ForecastConfirmation?

    public init(config: TwinConfig, settings: LiveSettings = LiveSettings()) {
        self.config = config
        self.settings = settings
        model = TwinAdapter.model(config)
        state = LiveState(model: model, window: settings.window)
    }

    /// Knob settings the gateway applies from a telemetry time on, not yet reached by
    /// the telemetry: `ingest` applies them before the first observation after `at`.
    public private(set) var scheduledKnobs: [(at: Timestamp, settings: [KnobSetting])] = []

    /// Knob settings in force from telemetry time `at` on (an applied action; the
    /// gateway says when): every observation after `at` is judged under them and none
    /// before, so what the twin concludes is a function of the telemetry and `at`, not of
    /// when the gateway's reply reached the server. Without `at`, or when the telemetry
    /// has already passed it, from now.
    public mutating func applyKnobs(_ settings: [KnobSetting], from at: Timestamp?) throws(KnobError) {
        _ = try TwinAdapter.applying(Dictionary(settings.map { ($0.knob, $0.value) }, uniquingKeysWith: { $1 }), to: config)
        guard let at, let clock = state.clock, at >= clock else {
            try applyKnobs(settings)
            return
        }
        scheduledKnobs.append((at, settings))
    }

    /// Settings were checked when scheduled, so this fails only if the twin changed in
    /// between; then the twin says so in its events rather than drifting from the
    /// gateway silently.
    private mutating func applyScheduledKnobs(before time: Timestamp) {
        while let first = scheduledKnobs.first, first.at < time {
            scheduledKnobs.removeFirst()
            do {
                try applyKnobs(first.settings)
            } catch {
                record([LiveEvent(time: first.at, kind: .action, subject: "knobs",
                                  message: "the gateway's settings \(first.settings.map { "\($0.knob) = \($0.value)" }) "
                                      + "could not be applied to the twin: \(error); its predictions keep the previous settings")])
            }
        }
    }

    /// The same twin with knob settings now in force (an applied action): the model's
    /// predictions follow the new settings, the learned state is kept. A link keeps what
    /// its telemetry taught (`LinkDriftDetector.rebased`: its offset against the model and
    /// its drift test move with the model's level); a link the twin had not modelled
    /// starts from the prior. Every link starts a new posture episode: the network
    /// re-associates.
    public mutating func applyKnobs(_ settings: [KnobSetting]) throws(KnobError) {
        let before = config
        let previous = model
        config = try TwinAdapter.applying(Dictionary(settings.map { ($0.knob, $0.value) }, uniquingKeysWith: { $1 }),
                                          to: config)
        let updated = TwinAdapter.model(config)
        let changed = Set(zip(before.network.devices, config.network.devices).filter { $0 != $1 }.map { $0.0.id })
        let posture = updated.postureFading ? (state.posture ?? .standing) : .standing
        let old = Dictionary(previous.links.enumerated().map { ($1.id, state.links[$0]) }, uniquingKeysWith: { a, _ in a })
        state.links = updated.links.map { link in
            guard var kept = old[link.id] else {
                return LiveState.LinkState(detector: LinkDriftDetector(
                    tracker: LinkLevelTracker(modelLevel: link.modelLevel, sigma: link.sigma, fading: updated.fading)))
            }
            kept.detector = kept.detector.rebased(modelLevel: link.modelLevel, posture: posture)
            return kept
        }
        for (index, device) in updated.devices.enumerated() where changed.contains(device.id) {
            state.devices[index].battery.rebase(predictedCurrent: device.predictedCurrent)
        }
        model = updated
    }

    /// Checks a batch against the state (duplicates, time order, clock skew) and applies
    /// it whole, or refuses it whole with every problem.
    public mutating func ingest(_ batch: TelemetryBatch, receivedAt now: Timestamp) -> Result<IngestReceipt, TelemetryRejection> {
        if state.ledger.contains(source: batch.source, sequence: batch.sequence) {
            state.duplicatesIgnored += 1
            return .success(IngestReceipt(source: batch.source, sequence: batch.sequence, accepted: 0, duplicate: true,
                                          events: []))
        }
        var diagnostics: [Diagnostic] = []
        var times = [String: Timestamp]()
        let latest = now + settings.clockSkew
        for observation in batch.observations {
            let range = SourceRange(file: "telemetry", line: observation.line, column: 1)
            if observation.time > latest {
                diagnostics.append(.error(LiveDiagnostics.timeOrder,
                                          "`time` \(RFC3339.format(observation.time)) is in the future (server clock \(RFC3339.format(now)))",
                                          at: range))
                continue
            }
            let stream = observation.stream
            if let previous = times[stream] ?? state.streamTimes[stream], observation.time < previous {
                diagnostics.append(.error(LiveDiagnostics.timeOrder,
                                          "`time` \(RFC3339.format(observation.time)) is before \(RFC3339.format(previous)), already received for `\(stream)`",
                                          at: range))
                continue
            }
            times[stream] = observation.time
        }
        guard diagnostics.isEmpty else { return .failure(TelemetryRejection(diagnostics: diagnostics)) }

        state.ledger.insert(source: batch.source, sequence: batch.sequence)
        for (stream, time) in times { state.streamTimes[stream] = time }
        var produced: [LiveEvent] = []
        let ordered = batch.observations.enumerated().sorted {
            ($0.element.time, $0.offset) < ($1.element.time, $1.offset)
        }.map(\.element)
        for observation in ordered {
            applyScheduledKnobs(before: observation.time)
            apply(observation, events: &produced)
        }
        state.observationsAccepted += batch.observations.count
        state.batchesAccepted += 1
        if let clock = state.clock { produced += assessmentEvents(now: clock) }
        record(produced)
        return .success(IngestReceipt(source: batch.source, sequence: batch.sequence,
                                      accepted: batch.observations.count, duplicate: false, events: produced))
    }

    /// Appends events the server produced itself (recommendations, actions).
    public mutating func record(_ new: [LiveEvent]) {
        events += new
        if events.count > settings.eventsKept { events.removeFirst(events.count - settings.eventsKept) }
    }

    private mutating func apply(_ observation: Observation, events: inout [LiveEvent]) {
        let time = observation.time
        if state.firstObservation == nil { state.firstObservation = time }
        if state.clock.map({ time > $0 }) ?? true { state.clock = time }
        switch observation.kind {
        case .link(let report): applyLink(report, at: time, events: &events)
        case .device(let report): applyDevice(report, at: time)
        case .battery(let report):
            let index = report.device
            if let alarm = state.devices[index].battery.observe(report, at: time) {
                let device = model.devices[index]
                let drain = state.devices[index].battery.drain?.current.si ?? 0
                events.append(LiveEvent(
                    time: time, kind: .drift, subject: "battery:\(device.id)",
                    message: "battery `\(device.id)` drains \(formatCurrent(drain)), the model predicts \(formatCurrent(device.predictedCurrent?.si ?? 0)) (\(alarm.isAbove ? "faster" : "slower"))",
                    evidence: [("drain_A", drain), ("predicted_A", device.predictedCurrent?.si ?? 0),
                               ("readings", Double(alarm.run))]))
            }
            if report.remaining?.si == 0 || report.stateOfCharge?.si == 0 { state.devices[index].dead = true }
        case .gateway(let gateway, let up):
            applyGateway(gateway, up: up, at: time, events: &events)
        case .activity(let name):
            let posture = Posture(rawValue: name) ?? .standing
            if let since = postureSince, let current = state.posture,
               let slot = postureTime.firstIndex(where: { $0.0 == current.rawValue }) {
                postureTime[slot].1 += Swift.max(0, (time - since).si)
            }
            postureSince = time
            state.posture = posture
        case .security(let report): applySecurity(report, at: time)
        }
    }

    private mutating func applyLink(_ report: LinkReport, at time: Timestamp, events: inout [LiveEvent]) {
        guard let index = model.linkIndex(device: report.device, gateway: report.gateway) else { return }
        state.links[index].framesSent += report.framesSent
        state.links[index].framesAcknowledged += report.framesAcknowledged
        guard let level = report.level?.dBm else { return }
        let info = model.links[index]
        let posture = model.postureFading ? (state.posture ?? .standing) : .standing
        var link = state.links[index]
        let result = link.detector.observe(level: level, posture: posture, levels: report.levelsMeasured,
                                           interval: report.interval)
        link.lastLevel = level
        link.windows += 1
        if let predicted = result.predicted { link.lastPredicted = predicted }
        if let drift = result.drift {
            let offset = info.modelLevel.dBm - link.detector.tracker.staticLevel.mean
            link.drifts += 1
            link.lastDrift = time
            events.append(LiveEvent(
                time: time, kind: .drift, subject: info.id,
                message: String(format: "link `%@` left the model: its level moved %+.1f dB (window %.1f dBm, predicted %.1f ± %.1f dBm)",
                                info.id, drift.shift, level, drift.predicted, drift.predictedSigma),
                evidence: [("shift_dB", drift.shift), ("level_dBm", level), ("predicted_dBm", drift.predicted),
                           ("predictedSigma_dB", drift.predictedSigma), ("z", drift.z), ("windows", Double(drift.windows))]))
            events.append(LiveEvent(
                time: time, kind: .calibration, subject: info.id,
                message: String(format: "link `%@` re-learned from the change: now %.1f dB %@ than the model",
                                info.id, abs(offset), offset >= 0 ? "weaker" : "stronger"),
                evidence: [("offset_dB", offset)]))
        }
        state.links[index] = link
    }

    private mutating func applyDevice(_ report: DeviceReport, at time: Timestamp) {
        var device = state.devices[report.device]
        device.window.add(report, at: time)
        device.generatedTotal += report.generated
        device.deliveredTotal += report.delivered
        let previous = device.lastReport
        device.lastReport = time
        if report.delivered > 0 { device.lastDelivery = time }
        state.devices[report.device] = device
        for gateway in state.gateways.indices {
            guard let failure = state.gateways[gateway].failure,
                  model.devices[report.device].gateways.first == gateway,
                  var bounds = state.gateways[gateway].recoveries[report.device], bounds.upper == nil else { continue }
            if report.delivered > 0 {
                bounds.upper = time - failure
                if let previous, previous > failure { bounds.lower = previous - failure }
            } else {
                bounds.lower = time - failure
            }
            state.gateways[gateway].recoveries[report.device] = bounds
        }
    }

    private mutating func applyGateway(_ gateway: Int, up: Bool, at time: Timestamp, events: inout [LiveEvent]) {
        guard state.gateways[gateway].up != up else { return }
        state.gateways[gateway].up = up
        state.gateways[gateway].since = time
        let id = model.gateways[gateway]
        if !up {
            state.gateways[gateway].failure = time
            var recoveries: [Int: LiveState.RecoveryBounds] = [:]
            for (index, device) in model.devices.enumerated() where device.gateways.first == gateway {
                recoveries[index] = LiveState.RecoveryBounds(lower: .zero, upper: nil)
            }
            state.gateways[gateway].recoveries = recoveries
        }
        events.append(LiveEvent(time: time, kind: .gateway, subject: id,
                                message: up ? "gateway `\(id)` is up again" : "gateway `\(id)` is down"))
    }

    private mutating func applySecurity(_ report: SecurityReport, at time: Timestamp) {
        var jamming = state.jamming[report.gateway]
        if let floor = report.noiseFloor?.dBm {
            if let baseline = jamming.baselineFloor {
                if floor - baseline >= 6, jamming.riseAt == nil { jamming.riseAt = time }
                if floor - baseline < 3 { jamming.riseAt = nil }
            } else {
                jamming.baselineFloor = floor
            }
        }
        if report.event == "jamming-detected" {
            jamming.detections += report.count
            jamming.detectedAt = time
        }
        state.jamming[report.gateway] = jamming
    }

    /// Goal events: each goal whose assurance state changed since the last assessment.
    private mutating func assessmentEvents(now: Timestamp) -> [LiveEvent] {
        var produced: [LiveEvent] = []
        for goal in assess(now: now) {
            let before = lastStates[goal.goal]
            lastStates[goal.goal] = goal.state
            guard before != goal.state else { continue }
            produced.append(LiveEvent(time: now, kind: .goal, subject: goal.goal,
                                      message: "goal `\(goal.goal)`: \(before?.rawValue ?? "new") → \(goal.state.rawValue)"
                                          + (goal.note.map { " (\($0))" } ?? "")))
        }
        return produced
    }
}

extension SequentialTest.Alarm {
    var isAbove: Bool { if case .above = self { true } else { false } }
    var run: Int {
        switch self {
        case .above(let run), .below(let run): run
        }
    }
}

func formatCurrent(_ amperes: Double) -> String {
    Quantity(amperes, .current).formatted
}

/// How the live loop judges: window lengths, limits, how far it trusts clocks.
public struct LiveSettings: Sendable, Hashable {
    /// The sliding window goals are assessed over.
    public var window: Time
    /// How far after the server's clock an observation may be stamped.
    public var clockSkew: Time
    public var eventsKept: Int
    /// Observations a goal needs before it is judged (fewer: inconclusive).
    public var minimumPackets: Int

    public init(window: Time = .seconds(600), clockSkew: Time = .seconds(5), eventsKept: Int = 1000,
                minimumPackets: Int = 30) {
        self.window = window
        self.clockSkew = clockSkew
        self.eventsKept = eventsKept
        self.minimumPackets = minimumPackets
    }
}

/// What an accepted (or duplicate) batch did.
public struct IngestReceipt: Sendable, Hashable {
    public var source: String
    public var sequence: Int
    public var accepted: Int
    public var duplicate: Bool
    public var events: [LiveEvent]
}
