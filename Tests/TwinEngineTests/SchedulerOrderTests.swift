import Testing
@testable import TwinEngine

/// The scheduler's order is exactly (time, sequence), whatever the heap does inside: a
/// model that schedules bursts of simultaneous events and cancels some is run once on
/// the scheduler and once on a naive reference queue (a list scanned for its minimum),
/// and the two must hand out the same events in the same order.
@Suite struct SchedulerOrderTests {
    /// What the churn model does, written once for both queues.
    struct Churn {
        var generator: Xoshiro256
        var nextID = 0
        var handles: [(id: Int, handle: Int)] = []

        /// The follow-ups of one event: (id, delay, cancellable), and which earlier
        /// cancellable events (by index into `handles`) to cancel.
        mutating func step() -> (spawn: [(id: Int, delay: Int64, cancellable: Bool)], cancel: Int?) {
            var spawn: [(Int, Int64, Bool)] = []
            // Mostly one follow-up, sometimes a burst, sometimes none: the heap breathes
            // between a few and a few hundred entries.
            let draw = generator.next()
            let count = draw & 3 == 0 ? Int(draw >> 2 & 7) : (draw & 3 == 1 ? 0 : 1)
            for _ in 0..<count {
                let r = generator.next()
                // Delays on a coarse grid (many ties), zero included.
                let delay = Int64(r & 15) * 1_000
                spawn.append((nextID, delay, r >> 8 & 1 == 1))
                nextID += 1
            }
            let r = generator.next()
            let cancel = r & 3 == 0 ? Int(r >> 2) : nil
            return (spawn, cancel)
        }
    }

    struct ChurnModel: SimulationModel {
        var churn: Churn
        var handles: [EventHandle] = []
        var trace: [(time: Int64, id: Int)] = []
        let limit: Int

        mutating func handle(_ id: Int, scheduler: inout Scheduler<Int>) {
            trace.append((scheduler.now.nanoseconds, id))
            guard trace.count < limit else { return }
            let (spawn, cancel) = churn.step()
            for (child, delay, cancellable) in spawn {
                if cancellable {
                    handles.append(scheduler.scheduleCancellable(child, after: SimTime(nanoseconds: delay)))
                } else {
                    scheduler.schedule(child, after: SimTime(nanoseconds: delay))
                }
            }
            if let cancel, !handles.isEmpty { scheduler.cancel(handles[cancel % handles.count]) }
        }
    }

    /// The same model on a list: pop the minimum (time, sequence) by a linear scan.
    func referenceTrace(seed: UInt64, seeds: Int, limit: Int) -> [(time: Int64, id: Int)] {
        var churn = Churn(generator: Xoshiro256(seed: seed), nextID: seeds)
        var queue: [(time: Int64, sequence: Int, id: Int, cancellable: Int?)] = []
        var cancelled: Set<Int> = []
        var handleCount = 0
        var sequence = 0
        for id in 0..<seeds {
            queue.append((Int64(id % 3) * 1_000, sequence, id, nil))
            sequence += 1
        }
        var trace: [(time: Int64, id: Int)] = []
        while !queue.isEmpty {
            var best = 0
            for index in queue.indices where (queue[index].time, queue[index].sequence) < (queue[best].time, queue[best].sequence) {
                best = index
            }
            let event = queue.remove(at: best)
            if let handle = event.cancellable, cancelled.contains(handle) { continue }
            if let handle = event.cancellable { cancelled.insert(handle) }  // fired: a later cancel is a no-op
            trace.append((event.time, event.id))
            guard trace.count < limit else { continue }
            let (spawn, cancel) = churn.step()
            for (child, delay, cancellable) in spawn {
                var handle: Int?
                if cancellable {
                    handle = handleCount
                    handleCount += 1
                }
                queue.append((event.time + delay, sequence, child, handle))
                sequence += 1
            }
            if let cancel, handleCount > 0 { cancelled.insert(cancel % handleCount) }
        }
        return trace
    }

    /// Runs the churn model on the scheduler; with `sequenceLimit`, sequence numbers run
    /// out (and pending entries are renumbered) every that many schedulings.
    func schedulerTrace(seed: UInt64, seeds: Int, limit: Int, sequenceLimit: UInt64? = nil,
                        checked: Bool = false) -> (trace: [(time: Int64, id: Int)], peak: Int, renumberings: Int) {
        var model = ChurnModel(churn: Churn(generator: Xoshiro256(seed: seed), nextID: seeds), limit: limit)
        var scheduler = Scheduler<Int>()
        if let sequenceLimit { scheduler.sequenceLimit = sequenceLimit }
        for id in 0..<seeds { scheduler.schedule(id, at: SimTime(nanoseconds: Int64(id % 3) * 1_000)) }
        var peak = 0, renumberings = 0
        while let id = scheduler.popNext(notAfter: .max) {
            let before = scheduler.nextSequence
            model.handle(id, scheduler: &scheduler)
            if scheduler.nextSequence < before { renumberings += 1 }
            peak = max(peak, scheduler.pendingCount)
            if checked { scheduler.checkInvariants() }
        }
        return (model.trace, peak, renumberings)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func dispatchOrderEqualsAReferenceQueue(seed: UInt64) {
        let seeds = 200, limit = 6_000
        let (trace, peak, _) = schedulerTrace(seed: seed, seeds: seeds, limit: limit)
        let expected = referenceTrace(seed: seed, seeds: seeds, limit: limit)
        #expect(trace.count == expected.count)
        #expect(trace.map(\.id) == expected.map(\.id))
        #expect(trace.map(\.time) == expected.map(\.time))
        #expect(peak > 64, "the heap should outgrow its first table (peak \(peak))")
    }

    /// Sequence numbers running out (at 1,000 here instead of 2^40) renumber the pending
    /// entries without changing any order, and every invariant holds.
    @Test func renumberingSequencesKeepsTheOrder() {
        let seeds = 200, limit = 4_000
        let (trace, _, renumberings) = schedulerTrace(seed: 4, seeds: seeds, limit: limit, sequenceLimit: 1_000,
                                                      checked: true)
        #expect(renumberings >= 3)
        let expected = referenceTrace(seed: 4, seeds: seeds, limit: limit)
        #expect(trace.count == expected.count)
        #expect(trace.map(\.id) == expected.map(\.id))
        #expect(trace.map(\.time) == expected.map(\.time))
    }

    @Test func manyEventsComeOutSortedByTimeThenSchedulingOrder() {
        var generator = Xoshiro256(seed: 9)
        var scheduler = Scheduler<Int>()
        var keys: [(time: Int64, id: Int)] = []
        for id in 0..<10_000 {
            let time = Int64(generator.next() % 5_000)  // about two events per tick
            keys.append((time, id))
            scheduler.schedule(id, at: SimTime(nanoseconds: time))
        }
        var order: [Int] = []
        while let id = scheduler.popNext(notAfter: .max) { order.append(id) }
        // A stable sort by time keeps scheduling order among equal times.
        let expected = keys.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element.id)
        #expect(order == expected)
    }

    /// The 1,000-pending workload keeps its heap at 1,000 entries and every invariant
    /// after every event.
    @Test func pendingWorkloadKeepsItsSizeAndInvariants() {
        var model = HoldWorkload(seed: 5, budget: .max)
        var scheduler = Scheduler<HoldWorkload.Event>()
        for _ in 0..<1_000 { scheduler.schedule(.hold, at: SimTime(nanoseconds: model.nextDelay())) }
        scheduler.checkInvariants()
        var last = SimTime.zero
        for _ in 0..<3_000 {
            guard let event = scheduler.popNext(notAfter: .max) else { break }
            #expect(scheduler.now >= last)
            last = scheduler.now
            model.handle(event, scheduler: &scheduler)
            scheduler.checkInvariants()
            #expect(scheduler.pendingCount == 1_000)
        }
        let result = EngineBenchmark.run(.pending(events: 1_000), events: 20_000)
        #expect(result.events == 20_000)
        #expect(result.end > .zero)
    }

    /// Payloads that own memory are released exactly once: when they fire, when a
    /// cancelled entry is dropped, or when the scheduler goes away with events pending.
    @Test func payloadsAreReleasedExactlyOnce() {
        final class Ledger: @unchecked Sendable { var created = 0; var released = 0 }
        final class Token {
            let ledger: Ledger
            init(_ ledger: Ledger) { self.ledger = ledger; ledger.created += 1 }
            deinit { ledger.released += 1 }
        }
        struct Holder: SimulationModel {
            var fired = 0
            mutating func handle(_ event: Token, scheduler: inout Scheduler<Token>) { fired += 1 }
        }
        let ledger = Ledger()
        var fired = 0
        do {
            var scheduler = Scheduler<Token>()
            var handles: [EventHandle] = []
            for index in 0..<300 {
                let handle = scheduler.scheduleCancellable(Token(ledger), at: SimTime(nanoseconds: Int64(index)))
                if index % 3 == 0 { handles.append(handle) }
            }
            for handle in handles { scheduler.cancel(handle) }
            var model = Holder()
            scheduler.run(&model, until: SimTime(nanoseconds: 150))
            fired = model.fired
            scheduler.checkInvariants()
        }
        #expect(fired == 100)
        #expect(ledger.created == 300)
        #expect(ledger.released == 300)
    }
}
