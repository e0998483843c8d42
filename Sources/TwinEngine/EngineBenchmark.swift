/// Measures the raw speed of the event engine, for `twinc bench`.
///
/// The core workload is what the BAN simulation does most: concurrent periodic timers
/// (sampling, beacons, slots) that each reschedule themselves with a small random
/// jitter drawn from a xoshiro stream — one heap step and one draw per event. With
/// `timeouts: true` every firing also arms a cancellable timeout that is usually
/// cancelled by the next firing (the ACK-timeout pattern), which triples the heap
/// traffic per handled event; that figure is the pessimistic one. Either is an upper
/// bound on what a real model reaches, since the model does no work of its own.
public enum EngineBenchmark {
    public struct Result: Sendable {
        /// Events handed to the model (cancelled timeouts are not counted).
        public var events: Int
        /// Wall-clock seconds of the run loop alone.
        public var seconds: Double
        public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
    }

    /// Runs until `events` events have been handled with `timers` concurrent timers
    /// (and, if `timeouts`, one cancellable timeout per timer). Deterministic apart
    /// from the measured time.
    public static func run(events: Int, timers: Int = 16, timeouts: Bool = false,
                           seed: UInt64 = 1) -> Result {
        var model = TimerWorkload(timers: max(1, timers), seed: seed, budget: max(1, events),
                                  timeouts: timeouts)
        var scheduler = Scheduler<TimerWorkload.Event>()
        for timer in 0..<model.periods.count {
            scheduler.schedule(.fire(timer: Int32(timer)), at: SimTime(nanoseconds: Int64(timer)))
        }
        let clock = ContinuousClock()
        let start = clock.now
        scheduler.run(&model, until: .max)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) * 1e-18
        return Result(events: scheduler.dispatchedCount, seconds: seconds)
    }
}

/// The benchmark's model: periodic timers with jitter, optionally with mostly-cancelled
/// timeouts.
struct TimerWorkload: SimulationModel {
    enum Event {
        case fire(timer: Int32)
        case timeout(timer: Int32)
    }

    var periods: [Int64]
    var pendingTimeouts: [EventHandle?]
    var generator: Xoshiro256
    var budget: Int
    var timeouts: Bool
    var handled = 0
    var timeoutsFired = 0

    init(timers: Int, seed: UInt64, budget: Int, timeouts: Bool) {
        self.timeouts = timeouts
        // Periods from 1 ms to ~65 ms, like sampling intervals of a BAN.
        periods = (0..<timers).map { Int64(1_000_000 + ($0 * 1_023_457) % 64_000_000) }
        pendingTimeouts = Array(repeating: nil, count: timers)
        generator = RandomStreams(seed: seed).generator("engine-benchmark")
        self.budget = budget
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        handled += 1
        if handled >= budget { scheduler.stop() }
        switch event {
        case .fire(let timer):
            let index = Int(timer)
            let jitter = Int64(generator.next() & 0xFFFF)
            scheduler.schedule(.fire(timer: timer), after: SimTime(nanoseconds: periods[index] + jitter))
            guard timeouts else { return }
            if let pending = pendingTimeouts[index] { scheduler.cancel(pending) }
            // One firing in eight leaves its timeout to expire.
            let timeout = (generator.next() & 7) == 0
                ? periods[index] / 2 : periods[index] * 2
            pendingTimeouts[index] = scheduler.scheduleCancellable(
                .timeout(timer: timer), after: SimTime(nanoseconds: timeout))
        case .timeout(let timer):
            timeoutsFired += 1
            pendingTimeouts[Int(timer)] = nil
        }
    }
}
