import TwinEngine

/// Expected counts of one aggregate flow (one device, one arrival kind) turned into
/// integers without drift: each named quantity keeps the fraction it could not count
/// yet, so the integer total never strays more than one from the expected total.
///
/// The batch arithmetic is `AggregateFlow`'s (see there for the formulas); this type adds
/// one batch's expectations to a `FlowBatch`, the same local tally the packet level
/// fills, so the device, gateway and detector see an aggregate batch exactly as they see
/// a packet-level one. The latencies a batch can produce (per frame position, attempt
/// and jitter point) stay the same from batch to batch while the backlog and the uplink
/// do, and only their weights change with the link; so the weights are summed per value
/// and reach the histograms only when the values change and at the flow's end
/// (`flush`), rounded to whole samples (within one half per value of the delivered count).
struct ExpectedCounts: Sendable {
    /// Fractions carried, one per `Counter`.
    private var fractions = [Double](repeating: 0, count: Counter.allCases.count)
    /// Access delays and end-to-end latencies (ns) of the current values, and their summed weights.
    private var accessValues: [Int64] = []
    private var accessWeights: [Double] = []
    private var latencyValues: [Int64] = []
    private var latencyWeights: [Double] = []

    private enum Counter: Int, CaseIterable {
        case transmissions, retransmissions, sent, decoded, forwarded, delivered, onTime, pending
        case retriesExhausted, unreachable, windowDelivered
    }

    /// Jitter quantile points (as fractions of the jitter) and their equal weight.
    private static let jitterPoints: [Double] = [-0.75, -0.25, 0.25, 0.75]

    /// The integer part of the carried fraction plus `expected`, the rest carried.
    private mutating func take(_ counter: Counter, _ expected: Double) -> Int {
        let total = fractions[counter.rawValue] + Swift.max(0, expected)
        let whole = total.rounded(.down)
        fractions[counter.rawValue] = total - whole
        return Int(whole)
    }

    /// Moves the summed weights into the histograms as whole samples.
    mutating func flush(into batch: inout FlowBatch) {
        for (value, weight) in zip(accessValues, accessWeights) {
            batch.accessDelay.record(SimTime(nanoseconds: value), count: Int(weight.rounded()))
        }
        for (value, weight) in zip(latencyValues, latencyWeights) {
            batch.latency.record(SimTime(nanoseconds: value), count: Int(weight.rounded()))
        }
        accessValues.removeAll(keepingCapacity: true)
        accessWeights.removeAll(keepingCapacity: true)
        latencyValues.removeAll(keepingCapacity: true)
        latencyWeights.removeAll(keepingCapacity: true)
    }

    /// Makes `access` and `latency` the current values, flushing the weights of others.
    private mutating func use(access: [Int64], latency: [Int64], batch: inout FlowBatch) {
        guard access != accessValues || latency != latencyValues else { return }
        flush(into: &batch)
        accessValues = access
        latencyValues = latency
        accessWeights = Array(repeating: 0, count: access.count)
        latencyWeights = Array(repeating: 0, count: latency.count)
    }

    /// Adds `arrivals` packets of `shape` (of which `counted` after the warm-up) arriving
    /// over `span` that meet `wait` ns of backlog, or overflow when not `accepted`.
    mutating func add(arrivals: Int, counted: Int, isAlarm: Bool, shape: FlowShape, path: FlowPath,
                      span: FlowSpan, wait: Int64, accepted: Bool, batch: inout FlowBatch) {
        guard arrivals > 0 else { return }
        let frames = shape.frames
        batch.generated += counted * frames
        if isAlarm { batch.alarms += counted * frames }
        guard path.gateway >= 0 else {
            batch.noGatewayReachable += counted * frames
            return
        }
        guard accepted else {
            batch.queueOverflow += counted * frames
            return
        }
        let p = Swift.min(1, Swift.max(0, path.probability)), q = 1 - p
        let attempts = path.maximumAttempts
        var missAll = 1.0
        for _ in 0..<attempts { missAll *= q }
        let decodedShare = 1 - missAll
        let meanAttempts = p > 0 ? decodedShare / p : Double(attempts)
        let all = Double(arrivals), kept = Double(counted), perArrival = Double(frames)
        let serviceAir = Double((frames - 1)) * Double(shape.fullAirtime) + Double(shape.lastAirtime)
        let work = Int64((all * meanAttempts * serviceAir).rounded())
        batch.airtime += work
        batch.serverFree += work
        batch.sent += take(.sent, all * perArrival * meanAttempts)
        batch.decoded += take(.decoded, all * perArrival * decodedShare)
        batch.forwarded += take(.forwarded, all * perArrival * decodedShare * path.availability)
        batch.transmissions += take(.transmissions, kept * perArrival * meanAttempts)
        batch.retransmissions += take(.retransmissions, kept * perArrival * (meanAttempts - 1))
        let lost = kept * perArrival * (1 - decodedShare)
        if path.up {
            batch.retriesExhausted += take(.retriesExhausted, lost)
        }
        batch.noGatewayReachable += take(.unreachable, (path.up ? 0 : lost)
                                         + kept * perArrival * decodedShare * (1 - path.availability))
        // Every (frame position, attempt) is an access delay and every jitter point on it
        // a latency, each with its weight: q^(k−1)·p per frame.
        var access: [Int64] = [], latency: [Int64] = [], accessShare: [Double] = []
        access.reserveCapacity(frames * attempts)
        latency.reserveCapacity(frames * attempts * Self.jitterPoints.count)
        let lead = isAlarm ? 0 : path.aggregationLead
        for position in 0..<frames {
            let last = position == frames - 1
            let airtime = last ? shape.lastAirtime : shape.fullAirtime
            let before = wait + Int64((Double(position) * Double(shape.fullAirtime) * meanAttempts).rounded())
            let delay = last ? shape.lastDelay : shape.fullDelay
            var share = p
            for attempt in 1...attempts {
                let value = before + Int64(attempt) * airtime
                access.append(value)
                accessShare.append(share)
                for point in Self.jitterPoints {
                    latency.append(value + Swift.max(0, delay + Int64(point * path.jitter)) + lead)
                }
                share *= q
            }
        }
        use(access: access, latency: latency, batch: &batch)
        let pointShare = path.availability / Double(Self.jitterPoints.count)
        var delivered = 0.0, onTime = 0.0, pending = 0.0, windowDelivered = 0.0, windowSum = 0.0
        for (index, share) in accessShare.enumerated() {
            accessWeights[index] += kept * share
            for offset in 0..<Self.jitterPoints.count {
                let slot = index * Self.jitterPoints.count + offset
                let value = latencyValues[slot]
                let weight = share * pointShare
                let late = span.pendingShare(latency: value - lead, horizon: path.horizon)
                let arriving = weight * (1 - late)
                windowDelivered += all * arriving
                windowSum += all * arriving * Double(value)
                pending += kept * weight * late
                latencyWeights[slot] += kept * arriving
                delivered += kept * arriving
                if value <= path.budget { onTime += kept * arriving }
            }
        }
        batch.delivered += take(.delivered, delivered)
        batch.onTime += take(.onTime, onTime)
        batch.pending += take(.pending, pending)
        let windowCount = take(.windowDelivered, windowDelivered)
        batch.windowDelivered += windowCount
        batch.windowLatencySum += windowDelivered > 0 ? windowSum / windowDelivered * Double(windowCount) : 0
    }
}
