import TwinEngine

/// Wideband wearables (WLAN, mmWave, sub-THz: AR/VR glasses) at flow level.
///
/// twin.json's `wideband` access is a contention-free share of the gateway's link at
/// the radio's bit rate (TwinConfig `MACConfig`). One batch event every `window`
/// generates the arrivals of the window (periodic samples and Poisson alarms, from the
/// device's `TrafficArrivals`), pushes them through the device's FIFO server
/// (`FlowServer`, `FlowBatch.serve`), decides each frame with the link's SINR at the
/// batch time and retries lost frames at once. The approximation is that the channel
/// and the gateway's state are taken at the batch time for the whole window (≤ 100 ms).
/// The radio sleeps between frames.
///
/// - Reads: its `profiles` (frame, traffic, budget, retries, set up from
///   `DeviceParameters`), the device's running state and receiver, the serving gateway's
///   state and uplink, the link's level and the mean jammer power at the gateway.
/// - Changes: `servers`; the device's arrivals, reception cache and streams, outcome
///   counters and histograms, window and energy; the recovery tracker.
/// - Schedules: nothing itself (the coordinator re-arms `.widebandBatch`).
/// What the batch did at the gateway (busy time, receptions, the detector's strong
/// frames) comes back as `BatchResult` for the coordinator to apply.
struct WidebandFlow: Sendable {
    static let window = SimTime.milliseconds(100)

    /// What a batch did on the air, for the gateway's side.
    struct BatchResult: Sendable, Equatable {
        var sent = 0
        var decoded = 0
        var forwarded = 0
        var uplinkDelayTotal: Int64 = 0
        var uplinkDelayMaximum: Int64 = 0
        var airtime: Int64 = 0
        /// The link was up and strong enough for the detector to learn from the batch.
        var strong = false
    }

    /// What the flow of one device is set up with (from `DeviceParameters`).
    struct Profile: Sendable {
        var frame: FrameFormat
        var traffic: TrafficProfile
        var latencyBudget: SimTime
        var maxRetries: Int
        /// Served in expectation (`AggregateFlow`) instead of frame by frame.
        var aggregate: Bool

        init(_ parameters: DeviceParameters) {
            frame = parameters.frame
            aggregate = parameters.aggregateFlow
            traffic = parameters.traffic
            latencyBudget = parameters.latencyBudget
            maxRetries = parameters.maxRetries
        }
    }

    private(set) var servers: [FlowServer]
    /// Per device, the frame shapes of its samples and alarms and the uplink they were
    /// worked out for: they change only with the serving gateway's uplink, and building
    /// them every batch (four uplink delays, four airtimes) was 2 % of a run.
    private var shapeCache: [Shapes?]
    private struct Shapes: Sendable {
        var uplink: EdgeUplink?
        var sample: FlowShape
        var alarm: FlowShape
    }
    /// The flows represented in aggregate.
    private var aggregates: AggregateFlow
    let profiles: [Profile]
    /// Where the flows end: the run's horizon, or the stop of a scenario whose goals
    /// settle before it (`GoalSettling`), so the last batch counts what is still on its
    /// way there as pending and settles the carried fractions, as at the horizon.
    var horizon: SimTime
    let warmup: SimTime
    /// The MAC buffer, in frames.
    let backlogLimit: Int

    init(profiles: [Profile], horizon: SimTime, warmup: SimTime, backlogLimit: Int) {
        servers = Array(repeating: FlowServer(), count: profiles.count)
        shapeCache = Array(repeating: nil, count: profiles.count)
        aggregates = AggregateFlow(devices: profiles.count)
        self.profiles = profiles
        self.horizon = horizon
        self.warmup = warmup
        self.backlogLimit = backlogLimit
    }

    /// Marks arrivals before `time` as being processed now; false when they already were.
    mutating func startBatch(_ device: Int, until time: SimTime) -> Bool {
        guard time > servers[device].processedUntil else { return false }
        servers[device].processedUntil = time
        return true
    }

    /// The device's frame shapes for `uplink`, worked out again only when it changed.
    private mutating func shapes(of device: Int, uplink: EdgeUplink?) -> Shapes {
        if let known = shapeCache[device], known.uplink == uplink { return known }
        let profile = profiles[device]
        let made = Shapes(uplink: uplink,
                          sample: FlowShape(bytes: profile.traffic.samplePayload, frame: profile.frame, uplink: uplink),
                          alarm: FlowShape(bytes: profile.traffic.alarmPayload, frame: profile.frame, uplink: uplink))
        shapeCache[device] = made
        return made
    }

    /// A device back from a failure serves only what arrives from `time` on.
    mutating func resume(_ device: Int, at time: SimTime) {
        servers[device].processedUntil = time
        servers[device].serverFree = Swift.max(servers[device].serverFree, time)
        aggregates.resume(device, at: time)
    }

    /// Generates and serves the device's arrivals before `time` (battery already
    /// checked). `gateway` is the serving gateway's index (−1: none, or the device is
    /// not `running`), `uplink` its link to the edge, `gatewayUp` whether it is up, and
    /// `level` the link's level there now (dBm, taken for the whole batch);
    /// `interference` the mean jammer power there.
    mutating func serve(_ device: Int, until time: SimTime, running: Bool, gateway: Int, uplink: EdgeUplink?,
                        gatewayUp: Bool, level: Double, interference: Double, node: inout DeviceState,
                        recovery: inout RecoveryTracker) -> BatchResult {
        // The profile is read in place (`profiles` is a `let`): a copy per batch cost the
        // retains and releases of its frame format and traffic profile.
        var path = FlowPath(gateway: gateway, up: gatewayUp, probability: 0,
                            availability: uplink?.availability ?? 0,
                            jitter: uplink.map { Double($0.jitter.nanoseconds) } ?? 0,
                            budget: profiles[device].latencyBudget.nanoseconds, horizon: horizon.nanoseconds,
                            backlogLimit: Int64(backlogLimit),
                            maximumAttempts: profiles[device].maxRetries + 1, warmup: warmup.nanoseconds,
                            aggregationLead: profiles[device].traffic.aggregationLead.nanoseconds)
        if gateway >= 0 {
            if path.up {
                path.probability = node.caches.successProbability(
                    level: level, interference: interference,
                    bits: profiles[device].frame.bits(payload: profiles[device].frame.maximumPayload))
            }
            node.window.levelMeasured(level)
            if warmup <= time { node.outcome.rssi.add(level) }
        }
        let shaped = running ? shapes(of: device, uplink: uplink) : nil
        let sampleShape = shaped?.sample ?? FlowShape(), alarmShape = shaped?.alarm ?? FlowShape()
        var batch = FlowBatch(latency: LatencyHistogram(), accessDelay: LatencyHistogram(),
                              reception: node.receptionStream, uplink: node.uplinkStream,
                              serverFree: servers[device].serverFree.nanoseconds)
        swap(&batch.latency, &node.outcome.latency)
        swap(&batch.accessDelay, &node.outcome.accessDelay)
        if profiles[device].aggregate {
            let span = aggregates.serve(device, until: time, running: running, traffic: &node.traffic,
                                        samples: sampleShape, alarms: alarmShape, path: path, batch: &batch)
            if batch.windowDelivered > 0, !recovery.eventTimes.isEmpty {
                // The batch's deliveries span it: its ends stand for them (gaps and first
                // delivery to within a batch; the count is of batches, not frames).
                let delay = SimTime(nanoseconds: sampleShape.lastDelay)
                let start = SimTime(nanoseconds: span.start)
                recovery.delivered(device: device, crossedAt: start, arrivedAt: start + delay)
                recovery.delivered(device: device, crossedAt: time, arrivedAt: time + delay)
            }
        } else {
            while let arrival = node.traffic.popArrival(before: time) {
                guard running else { continue }
                batch.serve(arrival: arrival.time.nanoseconds, isAlarm: arrival.isAlarm,
                            shape: arrival.isAlarm ? alarmShape : sampleShape, path: path, device: device,
                            recovery: &recovery)
            }
        }
        swap(&batch.latency, &node.outcome.latency)
        swap(&batch.accessDelay, &node.outcome.accessDelay)
        node.receptionStream = batch.reception
        node.uplinkStream = batch.uplink
        servers[device].serverFree = SimTime(nanoseconds: batch.serverFree)
        node.outcome.generated += batch.generated
        node.outcome.alarmsGenerated += batch.alarms
        node.outcome.deliveredToEdge += batch.delivered
        node.window.delivered(count: batch.windowDelivered, latencySum: batch.windowLatencySum)
        node.outcome.deliveredWithinBudget += batch.onTime
        node.outcome.pendingAtEnd += batch.pending
        node.outcome.dropped[.queueOverflow] += batch.queueOverflow
        node.outcome.dropped[.retriesExhausted] += batch.retriesExhausted
        node.outcome.dropped[.noGatewayReachable] += batch.noGatewayReachable
        node.outcome.dropped[.uplinkOutage] += batch.uplinkOutage
        guard batch.sent > 0 else { return BatchResult() }
        node.energy.transmit(SimTime(nanoseconds: batch.airtime))
        node.outcome.transmissions += batch.transmissions
        node.outcome.retransmissions += batch.retransmissions
        node.window.sent += batch.sent
        node.window.acknowledged += batch.decoded
        return BatchResult(sent: batch.sent, decoded: batch.decoded, forwarded: batch.forwarded,
                           uplinkDelayTotal: batch.uplinkDelayTotal, uplinkDelayMaximum: batch.uplinkDelayMaximum,
                           airtime: batch.airtime,
                           strong: path.up && level >= node.caches.receiver.sensitivity + AttackDetector.strongSignalMargin)
    }
}
