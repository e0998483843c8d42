extension Scheduler {
    /// Checks every invariant of the type's documentation (O(pending)); traps with the
    /// broken one. For tests and `TWIN_ENGINE_CHECKS` builds, not for production loops.
    public func checkInvariants() {
        let count = pending.count
        let slotCount = pending.slotCount
        precondition(count <= pending.capacity && slotCount <= pending.slotCapacity, "a table overflows its memory")
        precondition(!rootConsumed || count > 0, "the consumed root is missing")
        // Which slots are free; each at most once.
        var free = [Bool](repeating: false, count: slotCount)
        for index in 0..<pending.freeCount {
            let slot = Int(pending.freeSlots[index])
            precondition(slot < slotCount, "free slot \(slot) does not exist")
            precondition(!free[slot], "slot \(slot) is free twice")
            free[slot] = true
        }
        var named = [Bool](repeating: false, count: slotCount)
        var sequences = Set<UInt64>()
        for offset in 0..<count {
            let entry = pending.entries[offset]
            precondition(entry.time >= clock, "entry \(offset) is due before now (\(entry.time) < \(clock) ns)")
            precondition(entry.sequence < nextSequence, "entry \(offset) has a sequence not yet assigned")
            precondition(sequences.insert(entry.sequence).inserted, "sequence \(entry.sequence) appears twice")
            if offset > 0 {
                let parent = pending.entries[(offset - 1) / 4]
                precondition(!entry.precedes(parent), "entry \(offset) is due before its parent in the heap")
            }
            let slot = Int(entry.slot)
            precondition(slot < slotCount, "entry \(offset) names slot \(slot), which does not exist")
            // The handled root's slot was freed when it fired (and may not be reused yet).
            if offset == 0 && rootConsumed {
                precondition(free[slot], "the handled root's slot \(slot) is not free")
                continue
            }
            precondition(!free[slot], "entry \(offset) names free slot \(slot)")
            precondition(!named[slot], "slot \(slot) is named by two entries")
            named[slot] = true
        }
        for place in count..<(pending.capacity + PendingEvents<Event>.sentinelCount) {
            let entry = pending.entries[place]
            let sentinel = PendingEvents<Event>.sentinel
            precondition(entry.time == sentinel.time && entry.order == sentinel.order,
                         "place \(place), past the last entry, does not hold the sentinel")
        }
        for slot in 0..<slotCount {
            precondition(free[slot] || named[slot], "slot \(slot) is neither free nor pending")
            if free[slot] {
                precondition(pending.generations[slot] & 1 == 0, "free slot \(slot) has a live generation")
            }
        }
    }
}
