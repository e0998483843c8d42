/// Measures the raw speed of the event engine, for `twinc bench`.
///
/// Three workloads, each an upper bound on what a real model reaches (the model does
/// no work of its own):
/// - `periodic`: what the BAN simulation does most — concurrent periodic timers
///   (sampling, beacons, slots) that each reschedule themselves with a small random
///   jitter (`next() & 0xFFFF` ns) — one heap step and one draw per event. Timer i is
///   first due at i ns with period 1 ms + (i × 1 023 457 mod 64 ms).
/// - `pending`: a steady state of many pending events (the "hold" model): each handled
///   event schedules one new event `next() & 0xFFFFF` ns (up to ~1 ms) later, so the
///   heap keeps its size and every step sifts through all its levels.
/// - `timeouts`: the periodic timers where every firing also arms a cancellable timeout
///   that is usually cancelled by the next firing (the ACK-timeout pattern), which
///   triples the heap traffic per handled event: the pessimistic figure.
///
/// The first two are also written against ns-3's Simulator API in
/// `Benchmarks/ns3/engine-workloads.cc`, with the same generator (xoshiro256** seeded
/// through SplitMix64 from `seed`), so both engines handle the same events in the same
/// order and end at the same simulated time (`Result.end`): the ratio compares engines,
/// not workloads.
public enum EngineBenchmark {
    public enum Workload: Sendable, Equatable {
        /// `timers` periodic timers; with `timeouts`, one cancellable timeout per firing.
        case periodic(timers: Int, timeouts: Bool)
        /// A heap holding `events` pending events throughout.
        case pending(events: Int)
    }

    public struct Result: Sendable {
        /// Events handed to the model (cancelled timeouts are not counted).
        public var events: Int
        /// Wall-clock seconds of the run loop alone.
        public var seconds: Double
        /// Simulated time of the last event handled (the cross-check against ns-3).
        public var end: SimTime
        public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
    }

    /// Runs `workload` until `events` events have been handled. Deterministic apart
    /// from the measured time.
    public static func run(_ workload: Workload, events: Int, seed: UInt64 = 1) -> Result {
        let budget = max(1, events)
        switch workload {
        case .periodic(let timers, let timeouts):
            var model = TimerWorkload(timers: max(1, timers), seed: seed, budget: budget, timeouts: timeouts)
            var scheduler = Scheduler<TimerWorkload.Event>()
            for timer in 0..<model.periods.count {
                scheduler.schedule(.fire(timer: Int32(timer)), at: SimTime(nanoseconds: Int64(timer)))
            }
            return timed(&model, &scheduler)
        case .pending(let pending):
            var model = HoldWorkload(seed: seed, budget: budget)
            var scheduler = Scheduler<HoldWorkload.Event>()
            for _ in 0..<max(1, pending) {
                scheduler.schedule(.hold, at: SimTime(nanoseconds: model.nextDelay()))
            }
            return timed(&model, &scheduler)
        }
    }

    /// Runs `events` events of `timers` periodic timers (the original entry point).
    public static func run(events: Int, timers: Int = 16, timeouts: Bool = false, seed: UInt64 = 1) -> Result {
        run(.periodic(timers: timers, timeouts: timeouts), events: events, seed: seed)
    }

    private static func timed<Model: SimulationModel>(
        _ model: inout Model, _ scheduler: inout Scheduler<Model.Event>
    ) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        scheduler.run(&model, until: .max)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Result(events: scheduler.dispatchedCount, seconds: seconds, end: scheduler.now)
    }
}

/// The periodic workload's model: timers with jitter, optionally with mostly-cancelled
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
        generator = Xoshiro256(seed: seed)
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

/// The pending workload's model: every event schedules one successor at a random delay.
struct HoldWorkload: SimulationModel {
    enum Event { case hold }

    var generator: Xoshiro256
    var budget: Int
    var handled = 0

    init(seed: UInt64, budget: Int) {
        generator = Xoshiro256(seed: seed)
        self.budget = budget
    }

    /// Up to ~1 ms (2^20 − 1 ns).
    mutating func nextDelay() -> Int64 { Int64(generator.next() & 0xF_FFFF) }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        handled += 1
        if handled >= budget { scheduler.stop() }
        scheduler.schedule(.hold, after: SimTime(nanoseconds: nextDelay()))
    }
}
