import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits

/// The time series of one scenario: every device's state at each sample instant, in
/// columns (one array per quantity, aligned with `times`).
///
/// A trace is ONE realisation — replication `replication` (0) of the scenario — not an
/// average over replications: averaging traces would smear the very events (a gateway
/// failing at 6 h, a jammer switching on) a trace is there to show. The pooled,
/// replication-averaged figures are in `ScenarioView.devices` and `links`.
///
/// A device whose series is shorter than the longest one (the run stopped early once
/// every device was dead) has nil for the missing samples.
public struct ViewTrace: Sendable, Hashable {
    /// Which replication the trace is.
    public var replication: Int
    /// Sample instants (the end of each sampling window).
    public var times: [SimTime]
    public var devices: [DeviceTrace]

    public init(replication: Int, times: [SimTime], devices: [DeviceTrace]) {
        self.replication = replication
        self.times = times
        self.devices = devices
    }

    /// The trace of `outcome` (nil when it recorded no time series), devices in
    /// configuration order; `gatewayIDs` names the gateway indices of the samples.
    static func build(outcome: ReplicationOutcome, deviceIDs: [String], gatewayIDs: [String]) -> ViewTrace? {
        guard let series = outcome.timeSeries else { return nil }
        let longest = series.max { $0.samples.count < $1.samples.count }
        let times = longest?.samples.map(\.time) ?? []
        let devices = deviceIDs.map { id -> DeviceTrace in
            let samples = series.first { $0.deviceID == id }?.samples ?? []
            func column<T>(_ value: (DeviceSample) -> T?) -> [T?] {
                times.indices.map { $0 < samples.count ? value(samples[$0]) : nil }
            }
            return DeviceTrace(
                id: id,
                deliveryRatio: column(\.deliveryRatio),
                rssi: column { $0.rssi.map { PowerLevel(dBm: $0) } },
                queue: column(\.queueLength),
                batteryLeft: column(\.batteryLeft),
                gateway: column { sample in
                    sample.servingGateway.flatMap { gatewayIDs.indices.contains($0) ? gatewayIDs[$0] : nil }
                },
                primaryGatewayUp: column(\.primaryGatewayUp),
                latencyMean: column(\.latencyMean))
        }
        return ViewTrace(replication: outcome.replication, times: times, devices: devices)
    }

    /// The index of the last sample at or before `time` (nil: none yet).
    public func sampleIndex(atOrBefore time: SimTime) -> Int? {
        // Samples are in time order: binary search for the last one ≤ time.
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    public func device(_ id: String) -> DeviceTrace? { devices.first { $0.id == id } }
}

/// One device's columns. nil is a sample the device did not have (or, for the delivery
/// ratio and the received level, a window in which it sent nothing; for the latency, a
/// window in which nothing reached the edge).
public struct DeviceTrace: Sendable, Hashable {
    public var id: String
    /// Acknowledged / transmitted frames in the window ending at the sample.
    public var deliveryRatio: [Double?]
    /// Mean received level at the gateway in the window.
    public var rssi: [PowerLevel?]
    /// Packets queued or in MAC service at the sample instant.
    public var queue: [Int?]
    /// Remaining battery charge as a fraction of capacity.
    public var batteryLeft: [Double?]
    /// The gateway the device was using (nil inside: no gateway reachable).
    public var gateway: [String?]
    /// Whether its primary gateway was up.
    public var primaryGatewayUp: [Bool?]
    /// Mean latency of the packets delivered to the edge in the window (nil: none).
    public var latencyMean: [Time?]

    public init(id: String, deliveryRatio: [Double?], rssi: [PowerLevel?], queue: [Int?], batteryLeft: [Double?],
                gateway: [String?], primaryGatewayUp: [Bool?], latencyMean: [Time?]) {
        self.id = id
        self.deliveryRatio = deliveryRatio
        self.rssi = rssi
        self.queue = queue
        self.batteryLeft = batteryLeft
        self.gateway = gateway
        self.primaryGatewayUp = primaryGatewayUp
        self.latencyMean = latencyMean
    }
}
