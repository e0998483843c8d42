import Testing
@testable import TwinEngine

/// A model that records what it handled and can be told to schedule follow-ups.
struct RecordingModel: SimulationModel {
    enum Event: Equatable {
        case mark(Int)
        case spawn(Int, after: SimTime)
        case stopNow
    }

    var handled: [(time: SimTime, id: Int)] = []

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .mark(let id):
            handled.append((scheduler.now, id))
        case .spawn(let id, let delay):
            handled.append((scheduler.now, id))
            scheduler.schedule(.mark(id + 1), after: delay)
        case .stopNow:
            handled.append((scheduler.now, -1))
            scheduler.stop()
        }
    }

    var ids: [Int] { handled.map(\.id) }
}

@Suite struct SchedulerTests {
    @Test func eventsFireInTimeOrderAndSimultaneousOnesInSchedulingOrder() {
        var scheduler = Scheduler<RecordingModel.Event>()
        var model = RecordingModel()
        scheduler.schedule(.mark(3), at: .milliseconds(30))
        scheduler.schedule(.mark(1), at: .milliseconds(10))
        scheduler.schedule(.mark(20), at: .milliseconds(20))
        scheduler.schedule(.mark(21), at: .milliseconds(20))
        scheduler.schedule(.mark(22), at: .milliseconds(20))
        scheduler.schedule(.mark(0), at: .zero)
        let outcome = scheduler.run(&model, until: .seconds(1))
        #expect(model.ids == [0, 1, 20, 21, 22, 3])
        #expect(model.handled.map(\.time) == [.zero, .milliseconds(10), .milliseconds(20),
                                              .milliseconds(20), .milliseconds(20), .milliseconds(30)])
        #expect(outcome == .exhausted)
        #expect(scheduler.now == .seconds(1))
        #expect(scheduler.dispatchedCount == 6)
    }

    @Test func followUpsAreScheduledRelativeToNowIncludingZeroDelay() {
        var scheduler = Scheduler<RecordingModel.Event>()
        var model = RecordingModel()
        scheduler.schedule(.spawn(10, after: .microseconds(50)), at: .milliseconds(1))
        scheduler.schedule(.spawn(20, after: .zero), at: .milliseconds(1))
        scheduler.schedule(.mark(30), at: .milliseconds(1))
        scheduler.run(&model, until: .max)
        // A zero-delay follow-up runs after everything already due at the same time.
        #expect(model.ids == [10, 20, 30, 21, 11])
        #expect(model.handled.last?.time == .milliseconds(1) + .microseconds(50))
    }

    @Test func horizonIsInclusiveAndRunResumes() {
        var scheduler = Scheduler<RecordingModel.Event>()
        var model = RecordingModel()
        for i in 1...5 { scheduler.schedule(.mark(i), at: .seconds(Int64(i))) }
        let first = scheduler.run(&model, until: .seconds(2))
        #expect(first == .reachedHorizon)
        #expect(model.ids == [1, 2])
        #expect(scheduler.now == .seconds(2))
        #expect(scheduler.pendingCount == 3)
        let next = scheduler.nextEventTime()
        #expect(next == .seconds(3))
        let second = scheduler.run(&model, until: .seconds(10))
        #expect(second == .exhausted)
        #expect(model.ids == [1, 2, 3, 4, 5])
    }

    @Test func stopLeavesClockAtTheStoppingEventAndRestPending() {
        var scheduler = Scheduler<RecordingModel.Event>()
        var model = RecordingModel()
        scheduler.schedule(.mark(1), at: .seconds(1))
        scheduler.schedule(.stopNow, at: .seconds(2))
        scheduler.schedule(.mark(3), at: .seconds(3))
        let first = scheduler.run(&model, until: .seconds(10))
        #expect(first == .stopped)
        #expect(scheduler.now == .seconds(2))
        #expect(scheduler.pendingCount == 1)
        let second = scheduler.run(&model, until: .seconds(10))
        #expect(second == .exhausted)
        #expect(model.ids == [1, -1, 3])
    }

    @Test func stopConditionIsCheckedAfterEachEvent() {
        var scheduler = Scheduler<RecordingModel.Event>()
        var model = RecordingModel()
        for i in 0..<10 { scheduler.schedule(.mark(i), at: .milliseconds(Int64(i))) }
        let outcome = scheduler.run(&model, until: .max, stopWhen: { $0.handled.count == 4 })
        #expect(outcome == .stopped)
        #expect(model.ids == [0, 1, 2, 3])
        #expect(scheduler.now == .milliseconds(3))
    }

    @Test func cancelledEventsNeverFireAndStaleHandlesAreHarmless() {
        var scheduler = Scheduler<RecordingModel.Event>()
        var model = RecordingModel()
        let keep = scheduler.scheduleCancellable(.mark(1), at: .seconds(1))
        let drop = scheduler.scheduleCancellable(.mark(2), at: .seconds(2))
        scheduler.schedule(.mark(3), at: .seconds(3))
        let dropPending = scheduler.isPending(drop)
        #expect(dropPending)
        let cancelled = scheduler.cancel(drop)
        #expect(cancelled)
        let dropStillPending = scheduler.isPending(drop)
        #expect(!dropStillPending)
        let cancelledTwice = scheduler.cancel(drop)
        #expect(!cancelledTwice)
        // The cancelled entry is dropped when it reaches the top, which frees its slot;
        // the slot is reused, and the old handle must not cancel the new event.
        scheduler.run(&model, until: .seconds(2))
        #expect(model.ids == [1])
        let reuse = scheduler.scheduleCancellable(.mark(4), at: .seconds(4))
        #expect(reuse.slot == drop.slot)
        let staleCancel = scheduler.cancel(drop)
        #expect(!staleCancel)
        let reusePending = scheduler.isPending(reuse)
        #expect(reusePending)
        scheduler.run(&model, until: .seconds(10))
        #expect(model.ids == [1, 3, 4])
        let keepPending = scheduler.isPending(keep)
        #expect(!keepPending)
        let cancelFired = scheduler.cancel(keep)
        #expect(!cancelFired)
    }

    @Test func nextEventTimeSkipsCancelledEntries() {
        var scheduler = Scheduler<RecordingModel.Event>()
        let first = scheduler.scheduleCancellable(.mark(1), at: .seconds(1))
        scheduler.schedule(.mark(2), at: .seconds(2))
        scheduler.cancel(first)
        let next = scheduler.nextEventTime()
        #expect(next == .seconds(2))
        #expect(scheduler.pendingCount == 1)
    }

    /// A minute of eight timers with per-firing cancellable timeouts: the heap and the slot
    /// table stay at the number of concurrently pending events.
    @Test func memoryStaysFlatAsSimulatedTimeGrows() {
        var model = TimerWorkload(timers: 8, seed: 1, budget: .max, timeouts: true)
        var scheduler = Scheduler<TimerWorkload.Event>()
        for timer in 0..<8 { scheduler.schedule(.fire(timer: Int32(timer)), at: .zero) }
        var peakPending = 0
        for step in 1...6 {
            scheduler.run(&model, until: .seconds(10 * Int64(step)))
            peakPending = max(peakPending, scheduler.pendingCount)
        }
        #expect(scheduler.dispatchedCount > 100_000)
        #expect(model.timeoutsFired > 0)
        #expect(peakPending <= 8 * 4)
        #expect(scheduler.pending.slotCount <= 8 * 4)
    }

    /// The documented invariants hold after every event of a workload that schedules,
    /// cancels and reuses slots (the same check a `TWIN_ENGINE_CHECKS` build runs).
    @Test func invariantsHoldAfterEveryEventWithCancellations() {
        var model = TimerWorkload(timers: 8, seed: 3, budget: .max, timeouts: true)
        var scheduler = Scheduler<TimerWorkload.Event>()
        for timer in 0..<8 { scheduler.schedule(.fire(timer: Int32(timer)), at: .zero) }
        scheduler.checkInvariants()
        var last = SimTime.zero
        while let event = scheduler.popNext(notAfter: .seconds(2)) {
            #expect(scheduler.now >= last)
            last = scheduler.now
            model.handle(event, scheduler: &scheduler)
            scheduler.checkInvariants()
        }
        #expect(model.timeoutsFired > 0)
        #expect(last > .seconds(1))
    }

    @Test func benchmarkRunsTheRequestedNumberOfEvents() {
        let plain = EngineBenchmark.run(events: 10_000, timers: 4)
        #expect(plain.events == 10_000)
        let withTimeouts = EngineBenchmark.run(events: 10_000, timers: 16, timeouts: true)
        #expect(withTimeouts.events == 10_000)
        #expect(withTimeouts.seconds >= 0)
    }

    @Test func runsAreReproducible() {
        func trace(seed: UInt64) -> [Int64] {
            var model = RandomWalkers(generator: RandomStreams(seed: seed).generator("walkers"))
            var scheduler = Scheduler<Int>()
            for walker in 0..<5 { scheduler.schedule(walker, at: .zero) }
            scheduler.run(&model, until: .seconds(5))
            return model.trace
        }
        #expect(trace(seed: 1) == trace(seed: 1))
        #expect(trace(seed: 1) != trace(seed: 2))
    }
}

/// Walkers that reschedule themselves after a random delay, logging a fingerprint.
struct RandomWalkers: SimulationModel {
    var generator: Xoshiro256
    var trace: [Int64] = []

    mutating func handle(_ walker: Int, scheduler: inout Scheduler<Int>) {
        trace.append(scheduler.now.nanoseconds &* 8 &+ Int64(walker))
        scheduler.schedule(walker, after: generator.exponential(mean: .milliseconds(10)))
    }
}
