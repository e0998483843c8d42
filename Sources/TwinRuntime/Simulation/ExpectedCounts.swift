import TwinEngine

/// Expected counts of one aggregate flow (one device, one arrival kind) turned into
/// integers without drift: each named quantity keeps the fraction it could not count
/// yet, so the integer total never strays more than one from the expected total.
///
/// The batch arithmetic is `AggregateFlow`'s (see there for the formulas); this type adds
/// one batch's expectations to a `FlowBatch`, the same local tally the packet level
/// fills, so the device, gateway and detector see an aggregate batch exactly as they see
/// a packet-level one.
struct ExpectedCounts: Sendable {
    /// Fractions carried, by slot: the counters below, then one per histogram point.
    private var fractions: [Double] = []

    private enum Counter: Int, CaseIterable {
        case transmissions, retransmissions, sent, decoded, forwarded, delivered, onTime, pending
        case retriesExhausted, unreachable, windowDelivered
    }

    /// Jitter quantile points (as fractions of the jitter) and their equal weight.
    private static let jitterPoints: [Double] = [-0.75, -0.25, 0.25, 0.75]

    /// The integer part of the carried fraction plus `expected`, the rest carried.
    private mutating func take(_ slot: Int, _ expected: Double) -> Int {
        if slot >= fractions.count { fractions.append(contentsOf: repeatElement(0, count: slot + 1 - fractions.count)) }
        let total = fractions[slot] + Swift.max(0, expected)
        let whole = total.rounded(.down)
        fractions[slot] = total - whole
        return Int(whole)
    }

    private mutating func take(_ counter: Counter, _ expected: Double) -> Int { take(counter.rawValue, expected) }

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
        // Histograms: every (frame position, attempt, jitter point) is a value with a weight.
        var slot = Counter.allCases.count
        var delivered = 0.0, onTime = 0.0, pending = 0.0, windowDelivered = 0.0, windowSum = 0.0
        let lead = isAlarm ? 0 : path.aggregationLead
        for position in 0..<frames {
            let last = position == frames - 1
            let airtime = last ? shape.lastAirtime : shape.fullAirtime
            let before = wait + Int64((Double(position) * Double(shape.fullAirtime) * meanAttempts).rounded())
            let delay = last ? shape.lastDelay : shape.fullDelay
            var share = p
            for attempt in 1...attempts {
                defer { share *= q }
                let access = before + Int64(attempt) * airtime
                batch.accessDelay.record(SimTime(nanoseconds: access), count: take(slot, kept * share))
                slot += 1
                for point in Self.jitterPoints {
                    let jittered = Swift.max(0, delay + Int64(point * path.jitter))
                    let latency = access + jittered + lead
                    let weight = share * path.availability / Double(Self.jitterPoints.count)
                    let late = span.pendingShare(latency: latency - lead, horizon: path.horizon)
                    let arriving = weight * (1 - late)
                    windowDelivered += all * arriving
                    windowSum += all * arriving * Double(latency)
                    pending += kept * weight * late
                    let count = take(slot, kept * arriving)
                    slot += 1
                    batch.latency.record(SimTime(nanoseconds: latency), count: count)
                    delivered += Double(count)
                    if latency <= path.budget { onTime += Double(count) }
                }
            }
        }
        batch.delivered += Int(delivered)
        batch.onTime += Int(onTime)
        batch.pending += take(.pending, pending)
        let windowCount = take(.windowDelivered, windowDelivered)
        batch.windowDelivered += windowCount
        batch.windowLatencySum += windowDelivered > 0 ? windowSum / windowDelivered * Double(windowCount) : 0
    }
}
