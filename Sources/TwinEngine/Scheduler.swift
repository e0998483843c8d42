/// The pending-event set of a simulation and its clock.
///
/// Events are ordered by (time, sequence number): the sequence number is assigned at
/// scheduling, so events due at the same nanosecond fire in the order they were
/// scheduled (FIFO), which makes the run a pure function of the model and its seed.
/// Because no two pending events share a (time, sequence) key, the order in which they
/// are handed out does not depend on how the set is stored.
///
/// The set is `PendingEvents`: a 4-ary heap of 16-byte (time, sequence, slot) entries,
/// with the payloads (`Event` is the model's own type, typically a small enum) in a slot
/// table beside it. O(log n) insert and pop, nothing allocated per event beyond the
/// amortised growth of the two tables, and dispatch is a static call into the model —
/// no existentials, no closures. The scheduler owns that memory, so it is non-copyable:
/// it is created once per run and passed `inout` to the model.
///
/// The event being handled stays at the root of the heap until the handler schedules
/// its first follow-up, which then replaces it in one sift instead of a pop plus a
/// push: the common "timer reschedules itself" step costs one heap operation, not two.
///
/// Cancellation is lazy. `scheduleCancellable` returns an `EventHandle` naming the
/// event's slot and its generation; `cancel` bumps the generation, and the stale entry
/// is dropped when it reaches the top of the heap, which frees its slot. Slots are
/// recycled, so memory is bounded by the number of events pending at once, not by the
/// length of the run. Plain `schedule` uses the same slots and pays nothing more.
///
/// Invariants (checked by `checkInvariants()`; debug builds assert the cheap ones on
/// every step, and a build with `-D TWIN_ENGINE_CHECKS` runs the full check after every
/// dispatched event):
/// 1. Time never goes back: every pending entry is due at or after `now`, so events are
///    handed out in non-decreasing time.
/// 2. Equal times fire in scheduling order: the sequence numbers of pending entries are
///    unique and increasing in scheduling order (when the 40-bit numbers run out, the
///    pending entries are renumbered in their order, which keeps it), and every entry is
///    due no earlier than its parent in the heap, by (time, sequence).
/// 3. A slot is either free (on the free list, exactly once) or named by exactly one
///    pending heap entry; its generation is odd exactly while that event is due to fire
///    (a handle is live while it matches).
/// 4. `rootConsumed` implies the heap's root is the event being handled (its slot
///    already freed).
public struct Scheduler<Event>: ~Copyable {
    /// The current simulated time: the time of the event being handled, or the
    /// horizon once `run(_:until:)` has returned.
    @inlinable public var now: SimTime { SimTime(nanoseconds: clock) }
    /// Events handed to the model so far (cancelled events are not counted).
    @inlinable public var dispatchedCount: Int { dispatched }

    @usableFromInline var clock: Int64 = 0
    @usableFromInline var dispatched: Int = 0

    @usableFromInline var pending = PendingEvents<Event>()
    @usableFromInline var nextSequence: UInt64 = 0
    /// When `nextSequence` reaches it, pending entries are renumbered from 0 (a
    /// variable only so tests can reach it in a few events).
    @usableFromInline var sequenceLimit = PendingEvents<Event>.sequenceLimit
    /// How often the sequence numbers were renumbered (`ReservedSequences` checks it).
    @usableFromInline var renumberings = 0
    @usableFromInline var stopRequested = false
    /// The heap's root is the event being handled (already returned by `popNext`).
    @usableFromInline var rootConsumed = false

    public init() {}

    /// Entries waiting in the heap, including cancelled ones not yet dropped.
    public var pendingCount: Int { pending.count - (rootConsumed ? 1 : 0) }

    /// The time of the earliest live pending event, if any (drops cancelled entries
    /// at the top of the heap on the way, hence `mutating`).
    public mutating func nextEventTime() -> SimTime? {
        settleRoot()
        while pending.count > 0 {
            let top = pending.entries[0]
            if pending.isLive(top.slot) { return SimTime(nanoseconds: top.time) }
            dropRoot(slot: top.slot)
        }
        return nil
    }

    // MARK: Scheduling

    /// Schedules `event` at the absolute time `time`, which must not be in the past.
    @inlinable
    public mutating func schedule(_ event: Event, at time: SimTime) {
        _ = scheduleCancellable(event, at: time)
    }

    /// Schedules `event` `delay` after now; `delay` must not be negative.
    @inlinable
    public mutating func schedule(_ event: Event, after delay: SimTime) {
        schedule(event, at: now.addingSaturating(delay))
    }

    /// Schedules `event` at `time` and returns a handle that can cancel it.
    @inlinable
    @discardableResult
    public mutating func scheduleCancellable(_ event: Event, at time: SimTime) -> EventHandle {
        precondition(time.nanoseconds >= clock, "event scheduled in the past (\(time) < \(now))")
        if nextSequence >= sequenceLimit { renumberSequences() }
        let (slot, generation) = pending.occupySlot(with: event)
        let entry = PendingEvents<Event>.Entry(time: time.nanoseconds, sequence: nextSequence, slot: slot)
        nextSequence &+= 1
        if rootConsumed {
            rootConsumed = false
            pending.replaceRoot(with: entry)
        } else {
            pending.insert(entry)
        }
        return EventHandle(slot: slot, generation: generation)
    }

    /// Schedules `event` `delay` after now and returns a handle that can cancel it.
    @inlinable
    @discardableResult
    public mutating func scheduleCancellable(_ event: Event, after delay: SimTime) -> EventHandle {
        scheduleCancellable(event, at: now.addingSaturating(delay))
    }

    /// Cancels the event behind `handle`. Returns false when it already fired or was
    /// already cancelled (so a timeout handler can cancel without bookkeeping).
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        pending.cancel(handle.slot)
        return true
    }

    /// Whether the event behind `handle` is still due to fire.
    public func isPending(_ handle: EventHandle) -> Bool {
        Int(handle.slot) < pending.slotCount && pending.generations[Int(handle.slot)] == handle.generation
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
        while pending.count > 0 {
            let top = pending.entries[0]
            guard top.time <= horizon.nanoseconds else { return nil }
            guard pending.isLive(top.slot) else {
                dropRoot(slot: top.slot)
                continue
            }
            assert(top.time >= clock, "time went back: \(top.time) < \(clock) ns")
            clock = top.time
            rootConsumed = true
            return pending.takePayload(top.slot)
        }
        return nil
    }

    /// Removes the consumed root, if the handler did not replace it.
    @inlinable @inline(__always)
    mutating func settleRoot() {
        if rootConsumed {
            rootConsumed = false
            pending.removeRoot()
        }
    }

    /// Renumbers the pending entries 0, 1, 2, … in their order (the handled root, if
    /// still there, leaves first), so sequence numbers never run out.
    @usableFromInline @inline(never)
    mutating func renumberSequences() {
        settleRoot()
        nextSequence = pending.renumberSequences()
        renumberings += 1
    }

    /// Removes a cancelled root entry and frees its slot.
    @usableFromInline
    mutating func dropRoot(slot: UInt32) {
        pending.discardPayload(slot)
        pending.removeRoot()
    }
}

extension Scheduler: @unchecked Sendable where Event: Sendable {}

/// Names one cancellable scheduled event. Stale handles (fired or cancelled) are
/// harmless: `cancel` returns false and `isPending` is false.
public struct EventHandle: Hashable, Sendable {
    public let slot: UInt32
    public let generation: UInt64

    @usableFromInline
    init(slot: UInt32, generation: UInt64) {
        self.slot = slot
        self.generation = generation
    }
}
