/// The pending-event set behind `Scheduler`: a 4-ary min-heap of 16-byte entries
/// ordered by (time, sequence), with each event's payload stored out of line in a slot
/// table.
///
/// Why this shape rather than swift-collections' `Heap` of whole events (what the
/// scheduler used before): the heap moves 16-byte keys only, whatever the model's event
/// type; the four children of a node fill one 64-byte cache line (the table is aligned
/// so that they do), so a sift touches one line per level and visits half the levels of
/// a binary heap; the earliest of four children is found with arithmetic rather than
/// branches (`PendingEvents+Heap.swift`). The memory is owned by this non-copyable
/// value, so no copy-on-write check or bounds check runs in the hot path; the heap's
/// correctness is what `Scheduler.checkInvariants()` verifies instead.
///
/// An entry packs its sequence number (40 bits) and its slot (24 bits) into one word,
/// sequence on top, so comparing the words compares the sequences (they are unique).
/// When the sequence numbers run out (after 2^40 ≈ 1.1 × 10^12 schedulings in one run)
/// the pending entries are renumbered in their order, which changes no order
/// (`renumberSequences`); at most 2^24 (16.7 million) events can be pending at once.
///
/// Slots: every pending entry names one slot holding its payload and a generation
/// counter. The generation is odd while the event is due to fire and even otherwise, so
/// cancelling is one increment and a stale entry is recognised when it reaches the top.
/// A slot is released (put on the free list, payload moved out or destroyed) when its
/// entry leaves the heap, so a slot is always named by at most one entry. Generations are
/// 64-bit: a handle could only be confused with a later event after 2^63 reuses of one
/// slot.
@usableFromInline
struct PendingEvents<Event>: ~Copyable {
    /// One heap entry: when, and (packed) in what order among simultaneous events and
    /// where the payload is.
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Int64
        /// sequence << `slotBits` | slot.
        @usableFromInline var order: UInt64

        @inlinable @inline(__always)
        init(time: Int64, sequence: UInt64, slot: UInt32) {
            self.time = time
            order = sequence << PendingEvents.slotBits | UInt64(slot)
        }

        @inlinable @inline(__always)
        init(time: Int64, order: UInt64) {
            self.time = time
            self.order = order
        }

        @inlinable @inline(__always)
        var sequence: UInt64 { order >> PendingEvents.slotBits }
        @inlinable @inline(__always)
        var slot: UInt32 { UInt32(truncatingIfNeeded: order & PendingEvents.slotMask) }

        /// The scheduler's total order: time, then scheduling order. Where the standard
        /// library has `UInt128` on every supported OS version, one 128-bit unsigned
        /// comparison (a compare and a subtract-with-borrow, no branch, ~10 % faster
        /// sifts); it equals the lexicographic one because times are never negative
        /// (nothing is scheduled before `now`, which starts at 0). Elsewhere the same
        /// order written out.
        @inlinable @inline(__always)
        func precedes(_ other: Entry) -> Bool {
            #if canImport(Darwin)
            time != other.time ? time < other.time : order < other.order
            #else
            (UInt128(UInt64(bitPattern: time)) << 64 | UInt128(order))
                < (UInt128(UInt64(bitPattern: other.time)) << 64 | UInt128(other.order))
            #endif
        }
    }

    @usableFromInline static var slotBits: UInt64 { 24 }
    @usableFromInline static var slotMask: UInt64 { 1 << slotBits - 1 }
    /// Most slots, hence events pending at once (2^24).
    @usableFromInline static var slotLimit: Int { Int(slotMask) + 1 }
    /// Sequence numbers available before `renumberSequences` must run.
    @usableFromInline static var sequenceLimit: UInt64 { 1 << (64 - slotBits) }

    /// The heap, `entries[0]` its root. Entry 1 starts a cache line, so every group of
    /// four siblings (4i + 1 … 4i + 4) shares one. Every place from `count` on (up to
    /// `capacity` + `sentinelCount`) holds `sentinel`, so the last group is always full.
    @usableFromInline var entries: UnsafeMutablePointer<Entry>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    /// Payload of each slot; initialised exactly while the slot is not free.
    @usableFromInline var payloads: UnsafeMutablePointer<Event>
    /// Generation of each slot: odd while its event is due to fire.
    @usableFromInline var generations: UnsafeMutablePointer<UInt64>
    /// Released slots, reused last-in first-out (the hot ones stay in cache).
    @usableFromInline var freeSlots: UnsafeMutablePointer<UInt32>
    @usableFromInline var freeCount = 0
    /// Slots ever used (the slot table's length) and allocated.
    @usableFromInline var slotCount = 0
    @usableFromInline var slotCapacity: Int

    @usableFromInline
    init() {
        capacity = 64 - Self.entryOffset
        slotCapacity = 64
        entries = Self.allocateEntries(capacity: capacity)
        payloads = .allocate(capacity: slotCapacity)
        generations = .allocate(capacity: slotCapacity)
        freeSlots = .allocate(capacity: slotCapacity)
    }

    @inlinable
    deinit {
        if !_isPOD(Event.self) {
            var free = [Bool](repeating: false, count: slotCount)
            for index in 0..<freeCount { free[Int(freeSlots[index])] = true }
            for slot in 0..<slotCount where !free[slot] { (payloads + slot).deinitialize(count: 1) }
        }
        Self.deallocateEntries(entries)
        payloads.deallocate()
        generations.deallocate()
        freeSlots.deallocate()
    }

    // MARK: Slots

    /// Takes a free slot for `event` and marks it due to fire; returns the slot and its
    /// (odd) generation.
    @inlinable @inline(__always)
    mutating func occupySlot(with event: Event) -> (slot: UInt32, generation: UInt64) {
        let slot: UInt32
        if freeCount > 0 {
            freeCount &-= 1
            slot = freeSlots[freeCount]
        } else {
            if slotCount == slotCapacity { growSlots() }
            slot = UInt32(truncatingIfNeeded: slotCount)
            generations[slotCount] = 0
            slotCount &+= 1
        }
        let index = Int(slot)
        (payloads + index).initialize(to: event)
        let generation = generations[index] &+ 1
        generations[index] = generation
        return (slot, generation)
    }

    /// Whether the event in `slot` is still due to fire (not cancelled).
    @inlinable @inline(__always)
    func isLive(_ slot: UInt32) -> Bool { generations[Int(slot)] & 1 == 1 }

    /// Marks the event in `slot` as not due to fire; its entry is dropped when it
    /// reaches the top. Only for a live slot.
    @inlinable @inline(__always)
    mutating func cancel(_ slot: UInt32) { generations[Int(slot)] &+= 1 }

    /// Moves the payload of the live `slot` out, marks the slot fired and frees it.
    @inlinable @inline(__always)
    mutating func takePayload(_ slot: UInt32) -> Event {
        let index = Int(slot)
        generations[index] &+= 1
        freeSlots[freeCount] = slot
        freeCount &+= 1
        return (payloads + index).move()
    }

    /// Destroys the payload of the cancelled `slot` and frees it.
    @inlinable
    mutating func discardPayload(_ slot: UInt32) {
        (payloads + Int(slot)).deinitialize(count: 1)
        freeSlots[freeCount] = slot
        freeCount &+= 1
    }

    /// Doubles the slot table. Only called with no free slot, so every slot below
    /// `slotCount` holds a payload and the table moves as one block.
    @usableFromInline @inline(never)
    mutating func growSlots() {
        precondition(slotCount < Self.slotLimit, "more than \(Self.slotLimit) events pending at once")
        let newCapacity = Swift.min(slotCapacity * 2, Self.slotLimit)
        let newPayloads = UnsafeMutablePointer<Event>.allocate(capacity: newCapacity)
        newPayloads.moveInitialize(from: payloads, count: slotCount)
        payloads.deallocate()
        payloads = newPayloads
        let newGenerations = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newGenerations.moveInitialize(from: generations, count: slotCount)
        generations.deallocate()
        generations = newGenerations
        let newFree = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        newFree.moveInitialize(from: freeSlots, count: freeCount)
        freeSlots.deallocate()
        freeSlots = newFree
        slotCapacity = newCapacity
    }

    // MARK: Entry table memory

    /// Entries before entry 0 in the allocation: 48 bytes, so entry 1 is 64-aligned.
    @usableFromInline static var entryOffset: Int { 3 }

    /// Sentinels after the last usable entry: a sift always compares four children.
    @usableFromInline static var sentinelCount: Int { 3 }

    /// Due after every real entry (a real entry at `Int64.max` still has a smaller order).
    @usableFromInline static var sentinel: Entry { Entry(time: .max, order: .max) }

    /// A table for `capacity` entries plus the sentinels, every place a sentinel.
    @usableFromInline
    static func allocateEntries(capacity: Int) -> UnsafeMutablePointer<Entry> {
        let places = entryOffset + capacity + sentinelCount
        let raw = UnsafeMutableRawPointer.allocate(byteCount: places * MemoryLayout<Entry>.stride, alignment: 64)
        let entries = raw.bindMemory(to: Entry.self, capacity: places) + entryOffset
        entries.initialize(repeating: sentinel, count: capacity + sentinelCount)
        return entries
    }

    @usableFromInline
    static func deallocateEntries(_ entries: UnsafeMutablePointer<Entry>) {
        UnsafeMutableRawPointer(entries - entryOffset).deallocate()
    }

    @usableFromInline @inline(never)
    mutating func growEntries() {
        let newCapacity = (capacity + Self.entryOffset) * 2 - Self.entryOffset
        let grown = Self.allocateEntries(capacity: newCapacity)
        grown.update(from: entries, count: count)
        Self.deallocateEntries(entries)
        entries = grown
        capacity = newCapacity
    }
}
