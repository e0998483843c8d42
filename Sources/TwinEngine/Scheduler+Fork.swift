/// Forking a run: a copy of the pending events that goes on independently, and
/// sequence numbers set aside for events scheduled into a fork later.
///
/// Why: scenarios of one twin share everything up to their first event (the same
/// seed gives every scenario the same streams), so a runner can simulate that prefix
/// once and fork it for each scenario instead of simulating it once per scenario
/// (`BANSimulation`'s scenario branches). A fork is a copy of the model (a value) and
/// of this scheduler; the two then run apart.
///
/// For the fork to be the run it replaces event for event, an event scheduled into it
/// at the fork instant must keep the place it would have had, had it been scheduled
/// when the run started: events due at the same nanosecond fire by sequence number.
/// `reserveSequences` sets a block of numbers aside at that earlier point (later
/// events take numbers after the block, so their order among themselves is
/// unchanged), and `schedule(_:at:reserved:)` gives an event one of them.
extension Scheduler {
    /// A block of sequence numbers set aside by `reserveSequences`.
    public struct ReservedSequences: Sendable, Hashable {
        /// The first number of the block.
        public let base: UInt64
        /// Numbers in the block.
        public let count: Int
        /// The scheduler's renumbering count when the block was set aside: after a
        /// renumbering (every 2^40 events) the block no longer sits between the same
        /// events, and events scheduled into it fall back to the next free number.
        let renumbering: Int
    }

    /// Sets the next `count` sequence numbers aside: events scheduled from now on
    /// take numbers after them.
    public mutating func reserveSequences(_ count: Int) -> ReservedSequences {
        precondition(count >= 0, "a negative reservation")
        if nextSequence + UInt64(count) >= sequenceLimit { renumberSequences() }
        let block = ReservedSequences(base: nextSequence, count: count, renumbering: renumberings)
        nextSequence += UInt64(count)
        return block
    }

    /// Schedules `event` at `time` with the number `index` of `block`, i.e. in the
    /// place among simultaneous events it would have had if scheduled when the block
    /// was set aside. Each number must be used at most once.
    public mutating func schedule(_ event: Event, at time: SimTime, reserved block: ReservedSequences, index: Int) {
        precondition(index >= 0 && index < block.count, "sequence \(index) is outside the reserved block")
        guard block.renumbering == renumberings else {
            schedule(event, at: time)
            return
        }
        precondition(time.nanoseconds >= clock, "event scheduled in the past (\(time) < \(now))")
        settleRoot()
        let (slot, _) = pending.occupySlot(with: event)
        pending.insert(PendingEvents<Event>.Entry(time: time.nanoseconds, sequence: block.base + UInt64(index), slot: slot))
    }

    /// An independent copy: the same clock, pending events (their slots and
    /// generations, so the model's `EventHandle`s stay valid in the copy), sequence
    /// counter and dispatch count. Only between events (not from inside a handler).
    public func fork() -> Scheduler<Event> {
        precondition(!rootConsumed, "a scheduler is forked between events, not inside a handler")
        var copy = Scheduler<Event>()
        copy.clock = clock
        copy.dispatched = dispatched
        copy.nextSequence = nextSequence
        copy.sequenceLimit = sequenceLimit
        copy.renumberings = renumberings
        copy.pending = pending.copy()
        return copy
    }
}

extension PendingEvents {
    /// A deep copy: entries, payloads of the occupied slots, generations and the free
    /// list, each in the same place.
    func copy() -> PendingEvents<Event> {
        var copy = PendingEvents<Event>()
        Self.deallocateEntries(copy.entries)
        copy.entries = Self.allocateEntries(capacity: capacity)
        copy.entries.update(from: entries, count: count)
        copy.capacity = capacity
        copy.count = count
        copy.payloads.deallocate()
        copy.generations.deallocate()
        copy.freeSlots.deallocate()
        copy.payloads = .allocate(capacity: slotCapacity)
        copy.generations = .allocate(capacity: slotCapacity)
        copy.freeSlots = .allocate(capacity: slotCapacity)
        copy.slotCapacity = slotCapacity
        copy.slotCount = slotCount
        copy.freeCount = freeCount
        copy.generations.initialize(from: generations, count: slotCount)
        copy.freeSlots.initialize(from: freeSlots, count: freeCount)
        var free = [Bool](repeating: false, count: slotCount)
        for index in 0..<freeCount { free[Int(freeSlots[index])] = true }
        for slot in 0..<slotCount where !free[slot] { (copy.payloads + slot).initialize(to: payloads[slot]) }
        return copy
    }
}
