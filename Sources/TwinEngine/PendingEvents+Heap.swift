/// The heap operations of `PendingEvents`: a 4-ary min-heap in `entries[0..<count]`,
/// children of i at 4i + 1 … 4i + 4.
///
/// A sift moves a hole, not the entry: when the root is replaced (the handled event's
/// follow-up) or removed, the hole first runs down to a leaf along the earliest
/// children, then the new entry rises from there (Wegener's bottom-up heapsort, 1993).
/// That costs three comparisons per level instead of four, and a follow-up is usually
/// later than most pending events, so it rises little (measured: ~7 % faster than a
/// top-down sift with an early exit on both engine workloads). Which child is earliest
/// is a coin toss a branch predictor would lose, so it is selected with conditional
/// moves, keys included, so the next level waits for one load only.
extension PendingEvents {
    /// Adds `entry` at the bottom and lets it rise.
    @inlinable @inline(__always)
    mutating func insert(_ entry: Entry) {
        if count == capacity { growEntries() }
        let hole = count
        count &+= 1
        rise(entry, from: hole)
    }

    /// Replaces the root with `entry` (the handled event's follow-up).
    @inlinable @inline(__always)
    mutating func replaceRoot(with entry: Entry) {
        sink(entry, from: 0)
    }

    /// Removes the root. The heap must not be empty.
    @inlinable @inline(__always)
    mutating func removeRoot() {
        count &-= 1
        let last = entries[count]
        entries[count] = Self.sentinel
        if count > 0 { sink(last, from: 0) }
    }

    /// Puts `entry` into the hole at `start`, moving it up past later parents, but not
    /// above `top`.
    @inlinable @inline(__always)
    mutating func rise(_ entry: Entry, from start: Int, notAbove top: Int = 0) {
        var hole = start
        while hole > top {
            let parent = (hole &- 1) >> 2
            guard entry.precedes(entries[parent]) else { break }
            entries[hole] = entries[parent]
            hole = parent
        }
        entries[hole] = entry
    }

    /// Fills the hole at `start` with `entry`: the hole first runs down to a leaf along
    /// the earliest children, then `entry` rises from there (never above `start`).
    /// Places past `count` hold sentinels, so every group of four children is compared
    /// whole, without a loop over a partial last group.
    @inlinable @inline(__always)
    mutating func sink(_ entry: Entry, from start: Int) {
        let n = count
        var hole = start
        var first = hole &* 4 &+ 1
        while first < n {
            // Two pairs, then their winners; the winners' keys are selected, not loaded
            // again, so each level waits for one load only.
            let a = entries[first], b = entries[first &+ 1]
            let c = entries[first &+ 2], d = entries[first &+ 3]
            let bFirst = b.precedes(a), dFirst = d.precedes(c)
            let left = Entry(time: bFirst ? b.time : a.time, order: bFirst ? b.order : a.order)
            let right = Entry(time: dFirst ? d.time : c.time, order: dFirst ? d.order : c.order)
            let rightFirst = right.precedes(left)
            entries[hole] = Entry(time: rightFirst ? right.time : left.time,
                                  order: rightFirst ? right.order : left.order)
            hole = first &+ (rightFirst ? 2 &+ Self.bit(dFirst) : Self.bit(bFirst))
            first = hole &* 4 &+ 1
        }
        rise(entry, from: hole, notAbove: start)
    }

    /// 1 for true, 0 for false.
    @inlinable @inline(__always)
    static func bit(_ value: Bool) -> Int { value ? 1 : 0 }

    /// Gives the pending entries the sequence numbers 0, 1, 2, … in their (time,
    /// sequence) order and returns the next free number. The relative order of every
    /// pending event is unchanged, and events scheduled afterwards get larger numbers,
    /// as they would have without the renumbering. A sorted table is a valid heap.
    @usableFromInline @inline(never)
    mutating func renumberSequences() -> UInt64 {
        var table = UnsafeMutableBufferPointer(start: entries, count: count)
        table.sort { $0.precedes($1) }
        for index in 0..<count {
            table[index] = Entry(time: table[index].time, sequence: UInt64(index), slot: table[index].slot)
        }
        return UInt64(count)
    }
}
