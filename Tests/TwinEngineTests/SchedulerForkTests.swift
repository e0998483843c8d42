import Testing
@testable import TwinEngine

/// A forked scheduler is an independent copy of the run, and an event scheduled into a
/// reserved sequence number fires where it would have, had it been scheduled when the
/// block was set aside (`Scheduler+Fork`).
@Suite struct SchedulerForkTests {
    typealias ChurnModel = SchedulerOrderTests.ChurnModel

    static func model(seed: UInt64, limit: Int) -> ChurnModel {
        ChurnModel(churn: SchedulerOrderTests.Churn(generator: Xoshiro256(seed: seed), nextID: 20), limit: limit)
    }

    static func scheduler() -> Scheduler<Int> {
        var scheduler = Scheduler<Int>()
        for id in 0..<20 { scheduler.schedule(id, at: SimTime(nanoseconds: Int64(id % 3) * 1_000)) }
        return scheduler
    }

    /// A run forked halfway and continued on both sides gives, on each side, the trace
    /// of the run never forked; cancellations of handles taken before the fork work in
    /// the copy.
    @Test func aForkContinuesExactlyAsTheRunItCopies() {
        var whole = Self.model(seed: 11, limit: 4_000)
        var wholeScheduler = Self.scheduler()
        wholeScheduler.run(&whole, until: .max)

        var model = Self.model(seed: 11, limit: 4_000)
        var scheduler = Self.scheduler()
        scheduler.run(&model, until: SimTime(nanoseconds: 200_000))
        var copy = model
        var forked = scheduler.fork()
        #expect(forked.pendingCount == scheduler.pendingCount)
        #expect(forked.dispatchedCount == scheduler.dispatchedCount)
        scheduler.run(&model, until: .max)
        forked.run(&copy, until: .max)
        forked.checkInvariants()
        #expect(whole.trace.count > 4_000, "the trace goes on past the limit with the events already pending")
        #expect(model.trace.map { $0.id } == whole.trace.map { $0.id })
        #expect(copy.trace.map { $0.id } == whole.trace.map { $0.id })
        #expect(copy.trace.map { $0.time } == whole.trace.map { $0.time })
        #expect(forked.dispatchedCount == wholeScheduler.dispatchedCount)
    }

    /// Ties at one instant: an event scheduled later into a reserved number fires before
    /// the events scheduled after the reservation and after those scheduled before it.
    @Test func aReservedNumberKeepsItsPlaceAmongSimultaneousEvents() {
        struct Recorder: SimulationModel {
            var fired: [Int] = []
            mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) { fired.append(event) }
        }
        let tie = SimTime(nanoseconds: 5_000)
        var scheduler = Scheduler<Int>()
        scheduler.schedule(1, at: tie)
        let block = scheduler.reserveSequences(2)
        scheduler.schedule(4, at: tie)
        scheduler.schedule(0, at: SimTime(nanoseconds: 10))
        var model = Recorder()
        scheduler.run(&model, until: SimTime(nanoseconds: 4_999))
        var forked = scheduler.fork()
        forked.schedule(3, at: tie, reserved: block, index: 1)
        forked.schedule(2, at: tie, reserved: block, index: 0)
        var copy = model
        forked.run(&copy, until: .max)
        scheduler.run(&model, until: .max)
        forked.checkInvariants()
        #expect(copy.fired == [0, 1, 2, 3, 4])
        #expect(model.fired == [0, 1, 4], "the original does not see what was scheduled into its fork")
    }

    /// After a renumbering the block no longer sits between the same events; a reserved
    /// event then simply takes the next number (it still fires).
    @Test func aReservationOutlivedByARenumberingFallsBackToTheNextNumber() {
        struct Recorder: SimulationModel {
            var fired: [Int] = []
            mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) { fired.append(event) }
        }
        var scheduler = Scheduler<Int>()
        let block = scheduler.reserveSequences(1)
        scheduler.schedule(1, at: SimTime(nanoseconds: 100))
        scheduler.renumberSequences()
        scheduler.schedule(2, at: SimTime(nanoseconds: 100), reserved: block, index: 0)
        var model = Recorder()
        scheduler.run(&model, until: .max)
        #expect(model.fired == [1, 2])
    }
}
