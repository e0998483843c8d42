import HeapModule

/// The pending-event set of a simulation and its clock.
///
/// Events are ordered by (time, sequence number): the sequence number is assigned at
/// scheduling, so events due at the same nanosecond fire in the order they were
/// scheduled (FIFO), which makes the run a pure function of the model and its seed.
/// The set is a binary min-max `Heap` (swift-collections): O(log n) insert and pop.
///
/// Events are stored by value (`Event` is the model's own type, typically a small
/// enum), so scheduling allocates nothing beyond the heap's amortised growth and
/// dispatch is a static call into the model — no existentials, no closures.
///
/// The event being handled stays at the root of the heap until the handler schedules
/// its first follow-up, which then replaces it in one sift (`replaceMin`) instead of a
/// pop plus a push: the common "timer reschedules itself" step costs one heap
/// operation, not two.
///
/// Cancellation is lazy. `scheduleCancellable` returns an `EventHandle` naming a slot
/// with a generation counter; `cancel` bumps the generation, and the stale entry is
/// dropped when it reaches the top of the heap. Slots are recycled when their event
/// fires or is cancelled, so memory is bounded by the number of events pending at
/// once, not by the length of the run. Plain `schedule` pays nothing for this.
///
/// Invariants (checked by `checkInvariants()`; debug builds assert the cheap ones on
/// every step, and a build with `-D TWIN_ENGINE_CHECKS` runs the full check after every
/// dispatched event, as swift-collections' `Heap` does under its internal-checks flag):
/// 1. Time never goes back: every pending entry is due at or after `now`, so events are
///    handed out in non-decreasing time.
/// 2. Equal times fire in scheduling order: sequence numbers are unique and increasing
///    in scheduling order (they never wrap within a run: 2^64 events).
/// 3. A cancellation slot is either free (in `freeSlots`, exactly once) or named by
///    exactly one live heap entry with its current generation.
/// 4. `rootConsumed` implies the heap's root is the event being handled.
public struct Scheduler<Event> {
    /// The current simulated time: the time of the event being handled, or the
    /// horizon once `run(_:until:)` has returned.
    @inlinable public var now: SimTime { SimTime(nanoseconds: clock) }
    /// Events handed to the model so far (cancelled events are not counted).
    @inlinable public var dispatchedCount: Int { dispatched }

    @usableFromInline var clock: Int64 = 0
    @usableFromInline var dispatched: Int = 0

    @usableFromInline var heap = Heap<ScheduledEvent<Event>>()
    @usableFromInline var nextSequence: UInt64 = 0
    /// Generation of each cancellation slot; a heap entry is live while it matches.
    @usableFromInline var slotGenerations: [UInt32] = []
    @usableFromInline var freeSlots: [UInt32] = []
    @usableFromInline var stopRequested = false
    /// The heap's root is the event being handled (already returned by `popNext`).
    @usableFromInline var rootConsumed = false

    public init() {}

    /// Entries waiting in the heap, including cancelled ones not yet dropped.
    public var pendingCount: Int { heap.count - (rootConsumed ? 1 : 0) }

    /// The time of the earliest live pending event, if any (drops cancelled entries
    /// at the top of the heap on the way, hence `mutating`).
    public mutating func nextEventTime() -> SimTime? {
        settleRoot()
        while let top = heap.min {
            if top.slot == ScheduledEvent<Event>.noSlot || slotGenerations[Int(top.slot)] == top.generation {
                return SimTime(nanoseconds: top.time)
            }
            heap.removeMin()
        }
        return nil
    }

    // MARK: Scheduling

    /// Schedules `event` at the absolute time `time`, which must not be in the past.
    @inlinable
    public mutating func schedule(_ event: Event, at time: SimTime) {
        precondition(time >= now, "event scheduled in the past (\(time) < \(now))")
        push(ScheduledEvent(time: time.nanoseconds, sequence: nextSequence,
                            slot: ScheduledEvent<Event>.noSlot, generation: 0, event: event))
        nextSequence &+= 1
    }

    /// Schedules `event` `delay` after now; `delay` must not be negative.
    @inlinable
    public mutating func schedule(_ event: Event, after delay: SimTime) {
        schedule(event, at: now.addingSaturating(delay))
    }

    /// Schedules `event` at `time` and returns a handle that can cancel it.
    @inlinable
    public mutating func scheduleCancellable(_ event: Event, at time: SimTime) -> EventHandle {
        precondition(time >= now, "event scheduled in the past (\(time) < \(now))")
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
        } else {
            slot = UInt32(slotGenerations.count)
            slotGenerations.append(0)
        }
        let generation = slotGenerations[Int(slot)]
        push(ScheduledEvent(time: time.nanoseconds, sequence: nextSequence,
                            slot: slot, generation: generation, event: event))
        nextSequence &+= 1
        return EventHandle(slot: slot, generation: generation)
    }

    /// Schedules `event` `delay` after now and returns a handle that can cancel it.
    @inlinable
    public mutating func scheduleCancellable(_ event: Event, after delay: SimTime) -> EventHandle {
        scheduleCancellable(event, at: now.addingSaturating(delay))
    }

    /// Cancels the event behind `handle`. Returns false when it already fired or was
    /// already cancelled (so a timeout handler can cancel without bookkeeping).
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        retire(slot: handle.slot)
        return true
    }

    /// Whether the event behind `handle` is still due to fire.
    public func isPending(_ handle: EventHandle) -> Bool {
        Int(handle.slot) < slotGenerations.count
            && slotGenerations[Int(handle.slot)] == handle.generation
    }

    /// Asks `run` to return after the event being handled; the rest stay pending, so a
    /// later `run` resumes where this one stopped.
    public mutating func stop() { stopRequested = true }

    // MARK: Dispatch

    /// Removes and returns the earliest live event due at or before `horizon`, and
    /// advances `now` to its time; nil when there is none (cancelled entries on the
    /// way are dropped). For custom loops; `run(_:until:)` is the usual entry point.
    @inlinable
    public mutating func popNext(notAfter horizon: SimTime) -> Event? {
        settleRoot()
        while let top = heap.min, top.time <= horizon.nanoseconds {
            if top.slot != ScheduledEvent<Event>.noSlot {
                guard slotGenerations[Int(top.slot)] == top.generation else {
                    heap.removeMin()
                    continue
                }
                retire(slot: top.slot)
            }
            assert(top.time >= clock, "time went back: \(top.time) < \(clock) ns")
            clock = top.time
            rootConsumed = true
            return top.event
        }
        return nil
    }

    /// Adds an entry, reusing the consumed root's place when there is one.
    @inlinable
    mutating func push(_ entry: ScheduledEvent<Event>) {
        if rootConsumed {
            rootConsumed = false
            heap.replaceMin(with: entry)
        } else {
            heap.insert(entry)
        }
    }

    /// Removes the consumed root, if the handler did not replace it.
    @inlinable
    mutating func settleRoot() {
        if rootConsumed {
            rootConsumed = false
            heap.removeMin()
        }
    }

    /// Invalidates every outstanding handle to `slot` and makes it reusable.
    @usableFromInline
    mutating func retire(slot: UInt32) {
        slotGenerations[Int(slot)] &+= 1
        freeSlots.append(slot)
    }
}

extension Scheduler: Sendable where Event: Sendable {}

extension Scheduler {
    /// Checks every invariant of the type's documentation (O(pending)); traps with the
    /// broken one. For tests and `TWIN_ENGINE_CHECKS` builds, not for production loops.
    public func checkInvariants() {
        let entries = heap.unordered
        var sequences = Set<UInt64>()
        var liveSlots = Set<UInt32>()
        for (offset, entry) in entries.enumerated() {
            precondition(entry.time >= clock, "entry \(offset) is due before now (\(entry.time) < \(clock) ns)")
            precondition(entry.sequence < nextSequence, "entry \(offset) has a sequence not yet assigned")
            precondition(sequences.insert(entry.sequence).inserted, "sequence \(entry.sequence) appears twice")
            // The handled root's slot was retired when it fired: its generation is stale.
            guard entry.slot != ScheduledEvent<Event>.noSlot else { continue }
            precondition(Int(entry.slot) < slotGenerations.count, "entry \(offset) names slot \(entry.slot), which does not exist")
            if slotGenerations[Int(entry.slot)] == entry.generation {
                precondition(liveSlots.insert(entry.slot).inserted, "slot \(entry.slot) is named by two live entries")
            }
        }
        let free = Set(freeSlots)
        precondition(free.count == freeSlots.count, "a slot is free twice")
        precondition(free.isDisjoint(with: liveSlots), "a free slot is named by a live entry")
        precondition(freeSlots.allSatisfy { Int($0) < slotGenerations.count }, "a free slot does not exist")
        precondition(!rootConsumed || !heap.isEmpty, "the consumed root is missing")
    }
}

/// Names one cancellable scheduled event. Stale handles (fired or cancelled) are
/// harmless: `cancel` returns false and `isPending` is false.
public struct EventHandle: Hashable, Sendable {
    public let slot: UInt32
    public let generation: UInt32

    @usableFromInline
    init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}

/// One heap entry. Ordered by (time, sequence) only; the payload does not take part.
@usableFromInline
struct ScheduledEvent<Event>: Comparable {
    @usableFromInline static var noSlot: UInt32 { .max }

    @usableFromInline var time: Int64
    @usableFromInline var sequence: UInt64
    @usableFromInline var slot: UInt32
    @usableFromInline var generation: UInt32
    @usableFromInline var event: Event

    @inlinable
    init(time: Int64, sequence: UInt64, slot: UInt32, generation: UInt32, event: Event) {
        self.time = time
        self.sequence = sequence
        self.slot = slot
        self.generation = generation
        self.event = event
    }

    @inlinable
    static func < (a: ScheduledEvent, b: ScheduledEvent) -> Bool {
        a.time != b.time ? a.time < b.time : a.sequence < b.sequence
    }

    @inlinable
    static func == (a: ScheduledEvent, b: ScheduledEvent) -> Bool {
        a.time == b.time && a.sequence == b.sequence
    }
}

extension ScheduledEvent: Sendable where Event: Sendable {}
