import TwinUnits

/// An instant on the wall clock: seconds since the Unix epoch (UTC). Telemetry carries
/// RFC 3339 text (`Timestamp.parse`); the loop compares and subtracts instants only.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var secondsSinceEpoch: Double

    public init(secondsSinceEpoch: Double) { self.secondsSinceEpoch = secondsSinceEpoch }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
    public static func - (a: Timestamp, b: Timestamp) -> Time { .seconds(a.secondsSinceEpoch - b.secondsSinceEpoch) }
    public static func + (a: Timestamp, d: Time) -> Timestamp { Timestamp(secondsSinceEpoch: a.secondsSinceEpoch + d.si) }
}

/// One batch a gateway sends: its source id, its sequence number (resends of the same
/// (source, sequence) are acknowledged and ignored) and the observations, all checked
/// against the twin before any is applied.
public struct TelemetryBatch: Sendable, Hashable {
    public var source: String
    public var sequence: Int
    public var observations: [Observation]

    public init(source: String, sequence: Int, observations: [Observation]) {
        self.source = source
        self.sequence = sequence
        self.observations = observations
    }
}

/// One observation of the physical network, by kind. Indices refer to `LiveModel`.
public struct Observation: Sendable, Hashable {
    public var time: Timestamp
    public var kind: Kind
    /// The line of the batch it came from (diagnostics about its time point there).
    public var line: Int

    public init(time: Timestamp, kind: Kind, line: Int = 0) {
        self.time = time
        self.kind = kind
        self.line = line
    }

    public enum Kind: Sendable, Hashable {
        case link(LinkReport)
        case device(DeviceReport)
        case battery(BatteryReport)
        case gateway(gateway: Int, up: Bool)
        case activity(posture: String)
        case security(SecurityReport)
    }

    /// The stream the observation belongs to: observations of one stream must not go
    /// back in time.
    public var stream: String {
        switch kind {
        case .link(let report): "link/\(report.device)/\(report.gateway)"
        case .device(let report): "device/\(report.device)"
        case .battery(let report): "battery/\(report.device)"
        case .gateway(let gateway, _): "gateway/\(gateway)"
        case .activity: "activity"
        case .security(let report): "security/\(report.gateway)"
        }
    }
}

/// Frames a device sent to a gateway over the last `interval` and the mean level the
/// gateway received them at (nil when it received none).
public struct LinkReport: Sendable, Hashable {
    public var device: Int
    public var gateway: Int
    public var interval: Time
    public var level: PowerLevel?
    public var levelsMeasured: Int
    public var framesSent: Int
    public var framesAcknowledged: Int
}

/// A device's application packets over the last `interval`: generated, delivered to the
/// edge, dropped by cause, and the latency of the delivered ones as a histogram.
public struct DeviceReport: Sendable, Hashable {
    public var device: Int
    public var interval: Time
    public var generated: Int
    public var delivered: Int
    /// Drop cause (`queue-overflow`, `channel-fade`, `gateway-down`, … as `DropReason`) → count, sorted by cause.
    public var dropped: [DropCount]
    public var latency: LatencyBuckets?
}

public struct DropCount: Sendable, Hashable {
    public var cause: String
    public var count: Int
}

/// Latency counts by upper bound: `counts[i]` packets took at most `bounds[i]` (and more
/// than the bound before); `counts.last` (one more than `bounds`) took longer than all.
public struct LatencyBuckets: Sendable, Hashable {
    public var bounds: [Time]
    public var counts: [Int]

    public var total: Int { counts.reduce(0, +) }

    /// Packets delivered within `deadline`, counting a bucket only when its upper bound is
    /// within it (never optimistic).
    public func count(within deadline: Time) -> Int {
        var total = 0
        for (index, bound) in bounds.enumerated() where bound.si <= deadline.si * (1 + 1e-9) { total += counts[index] }
        return total
    }
}

/// A battery gauge reading: state of charge, remaining charge, terminal voltage and the
/// average current, whichever the gauge gives (at least one).
public struct BatteryReport: Sendable, Hashable {
    public var device: Int
    public var stateOfCharge: Ratio?
    public var remaining: Charge?
    public var voltage: Voltage?
    public var current: Current?
}

/// Security events a gateway saw: MIC or replay failures, its measured noise floor, or
/// its detector's alarm.
public struct SecurityReport: Sendable, Hashable {
    public var gateway: Int
    public var event: String
    public var count: Int
    public var noiseFloor: PowerLevel?
}
