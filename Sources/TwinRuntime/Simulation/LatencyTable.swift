import TwinEngine

/// The latencies an aggregate flow's frames can have while its backlog, uplink and
/// expected attempts stay the same: one access delay per (frame position, attempt) and
/// one end-to-end latency per jitter point on it, with what each attempt contributes
/// on time and in sum (per frame of an arrival). Rebuilt only when its `Key` changes, so
/// a batch of an aggregate flow (`ExpectedCounts`) does O(attempts) work.
struct LatencyTable: Sendable {
    /// What the values depend on. The expected attempts are kept to 1/1024 so a fading
    /// link does not rebuild the table every batch (they shift the later frames of a
    /// multi-frame arrival by at most 1/1024 of a frame's air time each).
    struct Key: Sendable, Equatable {
        var frames = 0
        var fullAirtime: Int64 = 0
        var lastAirtime: Int64 = 0
        var fullDelay: Int64 = 0
        var lastDelay: Int64 = 0
        var jitter = 0.0
        var lead: Int64 = 0
        var wait: Int64 = 0
        var attempts = 0
        var budget: Int64 = 0
        var availability = 0.0
        var expectedAttempts1024 = 0

        init() {}

        init(shape: FlowShape, path: FlowPath, wait: Int64, isAlarm: Bool, meanAttempts: Double) {
            frames = shape.frames
            fullAirtime = shape.fullAirtime
            lastAirtime = shape.lastAirtime
            fullDelay = shape.fullDelay
            lastDelay = shape.lastDelay
            jitter = path.jitter
            lead = isAlarm ? 0 : path.aggregationLead
            self.wait = wait
            attempts = path.maximumAttempts
            budget = path.budget
            availability = path.availability
            expectedAttempts1024 = Int((meanAttempts * 1024).rounded())
        }
    }

    /// Jitter quantile points (as fractions of the jitter), each a quarter of the weight.
    static let jitterPoints: [Double] = [-0.75, -0.25, 0.25, 0.75]

    let key: Key
    /// Access delay per (position, attempt), position-major.
    let access: [Int64]
    /// Latency per (position, attempt, jitter point).
    let latency: [Int64]
    /// Per attempt: frames of one arrival on time (jitter points weighted), and the sum
    /// of their latencies (ns), both before the uplink's availability.
    let onTimeFrames: [Double]
    let latencySums: [Double]
    let longest: Int64
    var lead: Int64 { key.lead }
    var attempts: Int { key.attempts }
    var availability: Double { key.availability }

    init(_ key: Key = Key()) {
        self.key = key
        var access: [Int64] = [], latency: [Int64] = []
        var onTime = [Double](repeating: 0, count: key.attempts), sums = [Double](repeating: 0, count: key.attempts)
        let meanAttempts = Double(key.expectedAttempts1024) / 1024
        let pointShare = 1 / Double(Self.jitterPoints.count)
        for position in 0..<key.frames {
            let last = position == key.frames - 1
            let airtime = last ? key.lastAirtime : key.fullAirtime
            let delay = last ? key.lastDelay : key.fullDelay
            let before = key.wait + Int64((Double(position) * Double(key.fullAirtime) * meanAttempts).rounded())
            for attempt in 0..<key.attempts {
                let value = before + Int64(attempt + 1) * airtime
                access.append(value)
                for point in Self.jitterPoints {
                    let total = value + Swift.max(0, delay + Int64(point * key.jitter)) + key.lead
                    latency.append(total)
                    if total <= key.budget { onTime[attempt] += pointShare }
                    sums[attempt] += pointShare * Double(total)
                }
            }
        }
        self.access = access
        self.latency = latency
        onTimeFrames = onTime
        latencySums = sums
        longest = latency.max() ?? 0
    }
}
