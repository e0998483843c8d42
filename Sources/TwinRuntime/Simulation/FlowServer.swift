import TwinEngine

/// One wideband device's FIFO server and the arithmetic of one batch through it.
///
/// Packets of a wideband device are served FIFO at their frame air time, so departures
/// follow Lindley's recursion `start = max(arrival, previous end)` exactly; a lost frame
/// is retried at once, up to `maxRetries` times; the MAC buffer bounds the backlog
/// (`queueCapacity` frames' worth of air time). A decoded frame is forwarded over the
/// gateway's uplink (availability draw, delay, jitter — the same rules as
/// `GatewayState.forward`, inlined here on plain integers because this loop runs once
/// per frame of a video stream).
///
/// Everything a batch touches is local (`FlowBatch`): the device's histograms and
/// streams are moved in for the batch and back at its end, and counters that need no
/// per-packet detail (energy, transmissions, busy time) are summed and applied once.
struct FlowServer: Sendable, Equatable {
    /// When the server (the device's radio) is free again.
    var serverFree: SimTime = .zero
    /// Arrivals before this instant are served.
    var processedUntil: SimTime = .zero
}

/// What one batch adds up locally before it touches the device and gateway state.
struct FlowBatch {
    var latency: LatencyHistogram
    var accessDelay: LatencyHistogram
    var reception: Xoshiro256
    var uplink: Xoshiro256
    var serverFree: Int64
    var generated = 0
    var alarms = 0
    var delivered = 0
    var onTime = 0
    var pending = 0
    var forwarded = 0
    /// Drops by reason, in plain counters: a `DropCounts` array here would cost a
    /// copy-on-write check per packet.
    var queueOverflow = 0
    var retriesExhausted = 0
    var noGatewayReachable = 0
    var uplinkOutage = 0
    /// Uplink delay of the forwarded frames (ns), in total and at most.
    var uplinkDelayTotal: Int64 = 0
    var uplinkDelayMaximum: Int64 = 0
    var transmissions = 0
    var retransmissions = 0
    var sent = 0
    var decoded = 0
    var airtime: Int64 = 0
    /// Deliveries for the monitoring window (warm-up included) and their latency (ns).
    var windowDelivered = 0
    var windowLatencySum = 0.0
}

/// The gateway side of a batch, fixed for its duration.
struct FlowPath {
    var gateway: Int
    var up: Bool
    var probability: Double
    var availability: Double
    var jitter: Double
    var budget: Int64
    var horizon: Int64
    var backlogLimit: Int64
    var maximumAttempts: Int
    var warmup: Int64
    /// The aggregation lead of periodic packets (latency counts from the first sample).
    var aggregationLead: Int64
}

/// How one sample (or alarm) splits into frames: full frames, then the last one.
struct FlowShape {
    var frames = 0
    var fullAirtime: Int64 = 0
    var lastAirtime: Int64 = 0
    var fullDelay: Int64 = 0
    var lastDelay: Int64 = 0

    init() {}

    init(bytes: Int, frame: FrameFormat, uplink: EdgeUplink?) {
        let perFrame = frame.maximumPayload
        frames = Swift.max(1, (bytes + perFrame - 1) / perFrame)
        let last = bytes - (frames - 1) * perFrame
        fullAirtime = frame.airtime(payload: perFrame).nanoseconds
        lastAirtime = frame.airtime(payload: last).nanoseconds
        fullDelay = uplink?.baseDelay(payload: Int32(perFrame)).nanoseconds ?? 0
        lastDelay = uplink?.baseDelay(payload: Int32(last)).nanoseconds ?? 0
    }
}

extension FlowBatch {
    /// One sample or alarm of `device` arriving at `arrival` (ns) through the FIFO and
    /// the uplink, on local state only (and the recovery tracker, fed per delivery).
    mutating func serve(arrival: Int64, isAlarm: Bool, shape: FlowShape, path: FlowPath, device: Int,
                        recovery: inout RecoveryTracker) {
        let counted = arrival >= path.warmup
        for index in 0..<shape.frames {
            let last = index == shape.frames - 1
            let airtime = last ? shape.lastAirtime : shape.fullAirtime
            if counted {
                generated += 1
                if isAlarm { alarms += 1 }
            }
            guard path.gateway >= 0 else {
                if counted { noGatewayReachable += 1 }
                continue
            }
            var start = Swift.max(arrival, serverFree)
            if start - arrival > airtime * path.backlogLimit {
                if counted { queueOverflow += 1 }
                continue
            }
            var attempts = 0
            var end = start
            var decoded = false
            while attempts < path.maximumAttempts {
                attempts += 1
                end = start + airtime
                if counted {
                    transmissions += 1
                    if attempts > 1 { retransmissions += 1 }
                }
                sent += 1
                self.airtime += airtime
                if reception.succeeds(path.probability) {
                    decoded = true
                    break
                }
                start = end
            }
            serverFree = end
            guard decoded else {
                if counted {
                    if path.up { retriesExhausted += 1 } else { noGatewayReachable += 1 }
                }
                continue
            }
            self.decoded += 1
            if counted { accessDelay.record(SimTime(nanoseconds: end - arrival)) }
            guard uplink.succeeds(path.availability) else {
                if counted { uplinkOutage += 1 }
                continue
            }
            forwarded += 1
            var delay = last ? shape.lastDelay : shape.fullDelay
            if path.jitter > 0 { delay = Swift.max(0, delay + Int64((2 * uplink.uniform() - 1) * path.jitter)) }
            uplinkDelayTotal &+= delay
            if delay > uplinkDelayMaximum { uplinkDelayMaximum = delay }
            let delivery = end + delay
            if delivery > path.horizon {
                if counted { pending += 1 }
                continue
            }
            let latency = delivery - (isAlarm ? arrival : arrival - path.aggregationLead)
            windowDelivered += 1
            windowLatencySum += Double(latency)
            if counted {
                delivered += 1
                self.latency.record(SimTime(nanoseconds: latency))
                if latency <= path.budget { onTime += 1 }
            }
            if !recovery.eventTimes.isEmpty {
                recovery.delivered(device: device, crossedAt: SimTime(nanoseconds: end),
                                   arrivedAt: SimTime(nanoseconds: delivery))
            }
        }
    }
}
