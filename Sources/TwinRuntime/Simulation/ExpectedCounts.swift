import TwinEngine

/// Expected counts of one aggregate flow (one device, one arrival kind) turned into
/// integers without drift: each named quantity keeps the fraction it could not count
/// yet, so the integer total never strays more than one from the expected total.
///
/// The batch arithmetic is `AggregateFlow`'s (see there for the formulas); this type adds
/// one batch's expectations to a `FlowBatch`, the same local tally the packet level
/// fills, so the device, gateway and detector see an aggregate batch exactly as they see
/// a packet-level one. The latencies a batch can produce (`LatencyTable`) stay the same
/// from batch to batch while the backlog and the uplink do, and only their weights
/// change with the link; so the weights are summed per attempt and reach the histograms
/// only when the table changes and at the flow's end (`flush`), rounded to whole samples
/// (within one half per value of the delivered count).
struct ExpectedCounts: Sendable {
    /// Fractions carried, one per `Counter`: inline, not an array, since a batch takes a
    /// dozen of them and each write to an array checked its buffer's uniqueness (perf).
    private var fractions = InlineArray<12, Double>(repeating: 0)
    /// The latencies batches produce now, and the weights summed on them.
    private var table = LatencyTable()
    /// Per attempt k: the summed weight of frames decoded at attempt k (counted ones).
    private var attemptWeights: [Double] = []
    /// Per latency point: corrections for deliveries that fell past the horizon.
    private var lateWeights: [Double] = []

    /// Deliveries are counted as on time and late, each a fate of its own (delivered is
    /// their sum): counting delivered and on time separately let the settlement give a
    /// frame to delivered and drop on time's fraction, and a flow whose every frame was on
    /// time showed one frame "late" in the loss attribution.
    private enum Counter: Int, CaseIterable {
        case transmissions, retransmissions, sent, decoded, forwarded, onTime, late, pending
        case retriesExhausted, unreachable, uplinkOutage, windowDelivered
    }

    /// The integer part of the carried fraction plus `expected`, the rest carried.
    /// Inlined: a batch takes a dozen, and as calls they were half of `add`'s cost.
    @inline(__always)
    private mutating func take(_ counter: Counter, _ expected: Double) -> Int {
        assert(Counter.allCases.count == fractions.count, "one fraction per counter")
        let total = fractions[counter.rawValue] + Swift.max(0, expected)
        let whole = total.rounded(.down)
        fractions[counter.rawValue] = total - whole
        return Int(whole)
    }

    /// Moves the summed weights into the histograms as whole samples.
    mutating func flush(into batch: inout FlowBatch) {
        let points = LatencyTable.jitterPoints.count
        for (index, value) in table.access.enumerated() {
            let weight = attemptWeights[index % table.attempts]
            batch.accessDelay.record(SimTime(nanoseconds: value), count: Int(weight.rounded()))
            for point in 0..<points {
                let slot = index * points + point
                let arriving = weight * table.availability / Double(points) - lateWeights[slot]
                batch.latency.record(SimTime(nanoseconds: table.latency[slot]), count: Int(arriving.rounded()))
            }
        }
        for index in attemptWeights.indices { attemptWeights[index] = 0 }
        for index in lateWeights.indices { lateWeights[index] = 0 }
    }

    /// The counters every counted frame ends in exactly one of: delivered on time,
    /// delivered late, pending at the horizon, or dropped for one reason.
    private static let fates: [Counter] = [.onTime, .late, .pending, .retriesExhausted, .unreachable, .uplinkOutage]

    /// Settles the fates' carried fractions when the flow ends or stops, so the loss
    /// attribution adds up: the fates' expectations sum to the frames counted, so their
    /// fractions sum to the whole number of frames no counter has taken yet (without this,
    /// the demo's AR glasses lost a frame or two a replication to rounding and generated −
    /// on time exceeded the causes). Those frames go to the fates with the largest
    /// fractions (largest remainder), so each counter stays within one of its expected
    /// total.
    mutating func settle(into batch: inout FlowBatch) {
        let untaken = Int(Self.fates.reduce(0.0) { $0 + fractions[$1.rawValue] }.rounded())
        let order = Self.fates.indices.sorted {
            (fractions[Self.fates[$0].rawValue], -$0) > (fractions[Self.fates[$1].rawValue], -$1)
        }
        for index in order.prefix(untaken) {
            switch Self.fates[index] {
            case .onTime:
                batch.delivered += 1
                batch.onTime += 1
            case .late: batch.delivered += 1
            case .pending: batch.pending += 1
            case .retriesExhausted: batch.retriesExhausted += 1
            case .unreachable: batch.noGatewayReachable += 1
            case .uplinkOutage: batch.uplinkOutage += 1
            default: break
            }
        }
        for fate in Self.fates { fractions[fate.rawValue] = 0 }
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
        // As the packet path counts them: lost on a gateway that is down, or decoded
        // and then lost to the gateway's uplink (its availability draw).
        batch.noGatewayReachable += take(.unreachable, path.up ? 0 : lost)
        batch.uplinkOutage += take(.uplinkOutage, kept * perArrival * decodedShare * (1 - path.availability))
        let key = LatencyTable.Key(shape: shape, path: path, wait: wait, isAlarm: isAlarm, meanAttempts: meanAttempts)
        if key != table.key {
            flush(into: &batch)
            table = LatencyTable(key)
            attemptWeights = Array(repeating: 0, count: attempts)
            lateWeights = Array(repeating: 0, count: table.latency.count)
        }
        // Decoded at attempt k with probability q^(k−1)·p: O(attempts) per batch.
        var delivered = 0.0, onTime = 0.0, latencySum = 0.0, share = p
        for attempt in 0..<attempts {
            attemptWeights[attempt] += kept * share
            delivered += share * perArrival
            onTime += share * table.onTimeFrames[attempt]
            latencySum += share * table.latencySums[attempt]
            share *= q
        }
        let arriving = path.availability
        var late = 0.0, lateSum = 0.0
        if span.end + table.longest - table.lead > path.horizon {
            // The flow's last batch: deliveries past the horizon are pending.
            let points = LatencyTable.jitterPoints.count
            for (slot, value) in table.latency.enumerated() {
                let attempt = (slot / points) % attempts
                let lateShare = span.pendingShare(latency: value - table.lead, horizon: path.horizon)
                guard lateShare > 0 else { continue }
                var weight = p
                for _ in 0..<attempt { weight *= q }
                weight *= arriving / Double(points) * lateShare
                lateWeights[slot] += kept * weight
                late += weight
                lateSum += weight * Double(value)
                if value <= path.budget, arriving > 0 { onTime -= weight / arriving }
            }
        }
        let expectedOnTime = kept * arriving * onTime
        let onTimeCount = take(.onTime, expectedOnTime)
        let lateCount = take(.late, kept * (arriving * delivered - late) - expectedOnTime)
        batch.delivered += onTimeCount + lateCount
        batch.onTime += onTimeCount
        batch.pending += take(.pending, kept * late)
        let windowDelivered = all * (arriving * delivered - late)
        let windowSum = all * (arriving * latencySum - lateSum)
        let windowCount = take(.windowDelivered, windowDelivered)
        batch.windowDelivered += windowCount
        batch.windowLatencySum += windowDelivered > 0 ? windowSum / windowDelivered * Double(windowCount) : 0
    }
}
