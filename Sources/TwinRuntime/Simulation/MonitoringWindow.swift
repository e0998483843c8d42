import TwinEngine

/// What one device did since the last network-view sample: frames sent and
/// acknowledged, received levels, packets delivered to the edge and their latency.
///
/// The window feeds `DeviceSample` (the time series of the network view and of the live
/// twin's telemetry). It counts every frame and delivery, warm-up included, because a
/// sample describes the network at that moment, not the steady state the outcome's
/// counters estimate. It keeps counts beside the sums so a reader can pool windows
/// weighted by what they saw.
struct MonitoringWindow: Sendable, Equatable {
    var sent = 0
    var acknowledged = 0
    var levelSum = 0.0
    var levelCount = 0
    /// Packets delivered to the edge in the window and their summed latency (ns).
    var delivered = 0
    var latencySum = 0.0

    /// A data frame went on the air and reached the gateway at `level` dBm; a
    /// retransmission (`firstTransmission` false) counts as sent but not as a level.
    /// The window's level samples the channel once per packet, at times the traffic
    /// sets, as a gateway keying levels by sequence number does: a retry follows its
    /// packet into the same fade (CSMA/CA retries within milliseconds, inside the
    /// channel's coherence time), so counting it again would weight each fade by the
    /// retries it caused and pull the mean below the channel's (by several dB on a
    /// walking wearer's CSMA/CA link, which the live twin then flagged as drift).
    mutating func frameSent(level: Double, firstTransmission: Bool) {
        sent += 1
        guard firstTransmission else { return }
        levelSum += level
        levelCount += 1
    }

    /// The link's level was measured (`level` dBm) without a frame being counted (a
    /// wideband batch measures once for the whole batch).
    mutating func levelMeasured(_ level: Double) {
        levelSum += level
        levelCount += 1
    }

    /// A packet reached the edge `latency` after its first sample.
    mutating func delivered(latency: SimTime) {
        delivered += 1
        latencySum += Double(latency.nanoseconds)
    }

    /// `count` packets of a wideband batch reached the edge, `latencySum` ns in all.
    mutating func delivered(count: Int, latencySum: Double) {
        delivered += count
        self.latencySum += latencySum
    }

    /// The sample closing this window at `time`; the rest of the device's state comes
    /// from the caller (queue, battery, association).
    func sample(at time: SimTime, queueLength: Int, batteryLeft: Double, servingGateway: Int?,
                primaryGatewayUp: Bool) -> DeviceSample {
        DeviceSample(
            time: time,
            deliveryRatio: sent > 0 ? Double(acknowledged) / Double(sent) : nil,
            rssi: levelCount > 0 ? levelSum / Double(levelCount) : nil,
            queueLength: queueLength, batteryLeft: batteryLeft,
            framesSent: sent, framesAcknowledged: acknowledged, levelsMeasured: levelCount,
            servingGateway: servingGateway, primaryGatewayUp: primaryGatewayUp,
            latencyMean: delivered > 0 ? .seconds(latencySum / Double(delivered) / 1e9) : nil,
            packetsDelivered: delivered)
    }

    /// Starts a new window.
    mutating func reset() { self = MonitoringWindow() }
}
