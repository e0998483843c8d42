import TwinEngine

/// The aggregate (fluid) representation of a wideband flow: a batch's arrivals are
/// counted, not visited, and what they do is the expectation of what the packet-level
/// server (`FlowBatch.serve`) would do with them.
///
/// The compiler chooses it (twin.json `representation: aggregate`, design.md says why)
/// only for bulk flows that no goal scopes and that share no medium with a flow at
/// packet level — the AR glasses' video, 700 frames a second, was 85 % of the
/// simulation's CPU while no goal looked at one of its frames. What the flow does to
/// the rest of the twin is kept: the device's transmit energy (air time × expected
/// attempts), the serving gateway's busy time, received and forwarded frames and the
/// jamming detector's strong-frame counts, the device's counters, monitoring window and
/// histograms, in the same units and places as at packet level.
///
/// The arithmetic, per batch of n arrivals of F frames, with p the frame success
/// probability at the batch's SINR (the same value the packet level draws against), q =
/// 1 − p, M = maxRetries + 1 attempts and a the uplink's availability:
/// - a frame is decoded with probability d = 1 − q^M after E = d / p attempts on average
///   (M when p = 0) (truncated geometric); decoded at attempt k with probability q^(k−1)·p;
/// - air time n·E·Σ airtime(frame), sent n·F·E, decoded n·F·d, forwarded n·F·d·a;
/// - the access delay of frame j at attempt k is the backlog met at the batch start plus
///   j full frames' expected service plus k air times; the end-to-end latency adds the
///   uplink's base delay and its uniform jitter, taken at four quantile points
///   (±¼, ±¾ of the jitter), each a quarter of the weight;
/// - the backlog is fluid: the batch's work joins the server after what is left of the
///   previous batches; a batch that finds more than the MAC buffer (`backlogLimit` full
///   frames of air time) overflows whole.
/// Counts are expectations; the integer counters take them through `ExpectedCounts`,
/// which carries the fractions from batch to batch, so every counter stays within one
/// of its expected total over the run, and sums the histograms' weights per latency
/// value until the flow ends (a batch costs a few dozen multiply-adds, no histogram
/// update). No random numbers are drawn, so the flow adds no
/// replication noise of its own; the SINR (posture, fading, jammers) still varies.
struct AggregateFlow: Sendable {
    /// Per device and arrival kind (periodic, alarm): fractional counts carried over.
    private var carries: [ExpectedCounts]
    /// Per device: where the previous batch ended (arrivals before it are done).
    private var since: [SimTime]

    init(devices: Int) {
        carries = Array(repeating: ExpectedCounts(), count: 2 * devices)
        since = Array(repeating: .zero, count: devices)
    }

    /// Moves the device's summed latency weights into the batch's histograms and settles
    /// its carried counts (at the flow's end, or when it stops).
    mutating func flush(_ device: Int, into batch: inout FlowBatch) {
        for index in [2 * device, 2 * device + 1] {
            carries[index].flush(into: &batch)
            carries[index].settle(into: &batch)
        }
    }

    /// A device back from a failure serves only what arrives from `time` on.
    mutating func resume(_ device: Int, at time: SimTime) { since[device] = time }

    /// Takes the device's arrivals before `time` and adds their expected effect to
    /// `batch` (nothing but the take when `running` is false); returns the batch's span.
    @discardableResult
    mutating func serve(_ device: Int, until time: SimTime, running: Bool, traffic: inout TrafficArrivals,
                        samples: FlowShape, alarms: FlowShape, path: FlowPath, batch: inout FlowBatch) -> FlowSpan {
        let start = since[device]
        since[device] = time
        let span = FlowSpan(start: start.nanoseconds, end: time.nanoseconds)
        let periodic = traffic.takeSamples(before: time, countedFrom: SimTime(nanoseconds: path.warmup))
        var alarmCount = 0, alarmsCounted = 0
        while let alarm = traffic.popAlarm(before: time) {
            alarmCount += 1
            if alarm.time.nanoseconds >= path.warmup { alarmsCounted += 1 }
        }
        guard running else {
            flush(device, into: &batch)
            return span
        }
        let backlog = Swift.max(0, batch.serverFree - span.start)
        let accepted = backlog <= samples.fullAirtime * path.backlogLimit
        batch.serverFree = Swift.max(batch.serverFree, span.start)
        carries[2 * device].add(arrivals: periodic.count, counted: periodic.counted, isAlarm: false, shape: samples,
                                path: path, span: span, wait: backlog, accepted: accepted, batch: &batch)
        carries[2 * device + 1].add(arrivals: alarmCount, counted: alarmsCounted, isAlarm: true, shape: alarms,
                                    path: path, span: span, wait: backlog, accepted: accepted, batch: &batch)
        if time.nanoseconds >= path.horizon { flush(device, into: &batch) }
        return span
    }
}

/// The instants a batch's arrivals lie between (ns).
struct FlowSpan {
    var start: Int64
    var end: Int64

    /// The share of arrivals spread evenly over the span whose `latency` takes them past
    /// `horizon` (they are pending at the end).
    func pendingShare(latency: Int64, horizon: Int64) -> Double {
        let late = end - (horizon - latency)
        guard late > 0 else { return 0 }
        guard end > start else { return 1 }
        return Swift.min(1, Double(late) / Double(end - start))
    }
}
