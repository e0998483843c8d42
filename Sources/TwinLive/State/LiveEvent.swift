import TwinUnits

/// Something the live loop noticed or did, in the order it happened: the events stream,
/// the audit log and the dashboard's list are made of these.
public struct LiveEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A link, battery or device left the model (the sequential test alarmed).
        case drift
        /// Parameters re-estimated (after a drift, or as evidence accumulated).
        case calibration
        /// A goal's assurance state changed.
        case goal
        /// A gateway went down or came back.
        case gateway
        /// The optimiser published a recommendation.
        case recommendation
        /// Knob changes sent to the gateway (or a dry run of them), and their outcome.
        case action
    }

    public var time: Timestamp
    public var kind: Kind
    /// What it is about: a link (`ecg→phone`), device, battery, gateway or goal id.
    public var subject: String
    public var message: String
    /// Figures behind it (the evidence), name → value, in the order given.
    public var evidence: [(String, Double)]

    public init(time: Timestamp, kind: Kind, subject: String, message: String, evidence: [(String, Double)] = []) {
        self.time = time
        self.kind = kind
        self.subject = subject
        self.message = message
        self.evidence = evidence
    }

    public static func == (a: LiveEvent, b: LiveEvent) -> Bool {
        a.time == b.time && a.kind == b.kind && a.subject == b.subject && a.message == b.message
            && a.evidence.map(\.0) == b.evidence.map(\.0) && a.evidence.map(\.1) == b.evidence.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(time)
        hasher.combine(kind)
        hasher.combine(subject)
        hasher.combine(message)
    }
}
