import TwinEngine

/// Extra network-view sample instants around the scenario's events (a fault or an
/// attack starting or ending), so a short outage shows in the time series.
///
/// Why: a sample averages its whole interval. A gateway failure whose failover takes
/// 1.9 s is 3 % of a 60 s window, a dip too shallow to see, and the resilience plot is
/// there to show exactly that outage. Around each event time the series is therefore cut
/// every `step` (a 1-2-5 value near a hundredth of the sample interval, at least 500 ms
/// so a window still holds a few frames of a 6 Hz sensor), from `before` steps ahead of
/// it to `after` steps past it (at 60 s sampling: 0.5 s samples from 10 s before to 30 s
/// after). The regular samples stay where they were; the one after a finer stretch
/// covers only what that stretch left, so the windows still partition the run.
///
/// The instants are closed lazily, when the next event of the simulation is handled
/// (nothing changes a window between two events), so the scheduler's events, their
/// order and every outcome counter are the same with or without them.
struct EventSampleClock: Sendable, Equatable {
    static let before: Int64 = 20
    static let after: Int64 = 60
    static let minimumStep = SimTime.milliseconds(500)

    /// The spacing of the finer samples (nil: none, the regular interval is fine enough).
    let step: SimTime?
    /// Sorted, distinct, inside (0, horizon), none on a regular sample instant.
    let instants: [SimTime]
    private var next = 0

    /// The instants around `eventTimes` for regular samples every `sampleInterval` in a
    /// run of `horizon`, at most `maximumSamples` of them (the series' memory bound).
    init(eventTimes: [SimTime], sampleInterval: SimTime, horizon: SimTime, maximumSamples: Int) {
        guard let step = Self.step(for: sampleInterval), !eventTimes.isEmpty else {
            self.step = nil
            instants = []
            return
        }
        var set = Set<SimTime>()
        for event in eventTimes where event > .zero && event < horizon {
            // On the step grid, so the instants of two close events coincide.
            let first = event / step - Self.before, last = event / step + Self.after
            for k in Swift.max(first, 1)...Swift.max(last, 1) {
                let time = step * k
                guard time < horizon else { break }
                if time % sampleInterval != .zero { set.insert(time) }
            }
        }
        self.step = set.isEmpty ? nil : step
        instants = Array(set.sorted().prefix(Swift.max(0, maximumSamples)))
    }

    /// The instants around a scenario's `events` (their starts and ends) when `options`
    /// records time series sampled around events; none otherwise.
    init(events: [InjectedEvent], options: SimulationOptions, sampleInterval: SimTime, horizon: SimTime) {
        let eventTimes = options.recordTimeSeries && options.samplesAroundEvents
            ? events.flatMap { [$0.at] + ($0.end.map { [$0] } ?? []) } : []
        self.init(eventTimes: eventTimes, sampleInterval: sampleInterval, horizon: horizon,
                  maximumSamples: options.maximumSamples)
    }

    /// The spacing for a regular `sampleInterval`: the largest 1-2-5 value of at most a
    /// hundredth of it, at least `minimumStep`; nil when that is not at least four times
    /// finer than the interval itself.
    static func step(for sampleInterval: SimTime) -> SimTime? {
        let target = sampleInterval.nanoseconds / 100
        var best = minimumStep.nanoseconds
        var decade: Int64 = 100_000_000  // 0.1 s
        while decade <= target {
            for factor: Int64 in [1, 2, 5] where decade * factor <= target { best = Swift.max(best, decade * factor) }
            decade *= 10
        }
        return best * 4 <= sampleInterval.nanoseconds ? .nanoseconds(best) : nil
    }

    /// The next instant strictly before `time`, taken off the list (nil: none is due).
    mutating func pop(before time: SimTime) -> SimTime? {
        guard next < instants.count, instants[next] < time else { return nil }
        next += 1
        return instants[next - 1]
    }
}
