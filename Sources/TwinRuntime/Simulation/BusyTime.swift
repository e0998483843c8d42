import TwinEngine

/// The union of a gateway's busy intervals (its airtime utilisation).
///
/// Intervals come in increasing start order (the union is then one running end, no list
/// of intervals for a day's millions of frames), with one exception, booked with
/// `addAhead`: a relay's forward (`RelayPath`) is decided when the frame it carries
/// ends, for a time still ahead (after the direct frame's ACK window and the relay's
/// earlier forwards), and the scheduled allocation or CSMA exchange that frame belongs
/// to is booked after it, from an earlier start. Added at once, the forward moved the
/// running end ahead and the allocation's interval was then cut or dropped; instead it
/// waits, sorted by start, until an interval starting at or after it is booked (or the
/// run is clipped), so the union is still taken in start order and nothing is lost or
/// counted twice.
struct BusyTime: Sendable {
    private struct Interval: Sendable {
        var start: SimTime
        var end: SimTime
    }

    /// Nanoseconds busy in the intervals taken into the union so far.
    private(set) var total: Int64 = 0
    private var until: SimTime = .zero
    /// Intervals booked ahead, by start.
    private var ahead: [Interval] = []

    /// Books `start…end`, starting no earlier than the intervals booked before it with `add`.
    mutating func add(from start: SimTime, to end: SimTime) {
        guard end > start else { return }
        while let first = ahead.first, first.start <= start {
            ahead.removeFirst()
            union(first.start, first.end)
        }
        union(start, end)
    }

    /// Books `start…end`, which may start after intervals still to be booked with `add`.
    mutating func addAhead(from start: SimTime, to end: SimTime) {
        guard end > start else { return }
        let index = ahead.firstIndex { $0.start > start } ?? ahead.count
        ahead.insert(Interval(start: start, end: end), at: index)
    }

    private mutating func union(_ start: SimTime, _ end: SimTime) {
        if start >= until {
            total += (end - start).nanoseconds
            until = end
        } else if end > until {
            total += (end - until).nanoseconds
            until = end
        }
    }

    /// Busy time of frames on a channel of their own (wideband flows), counted without
    /// the union: no other medium's frames are assumed to overlap them.
    mutating func addDisjoint(_ nanoseconds: Int64) { total += nanoseconds }

    /// Busy time within 0…horizon, the intervals still ahead included.
    func clipped(to horizon: SimTime) -> Int64 {
        var settled = self
        for interval in ahead where interval.start < horizon {
            settled.union(interval.start, interval.end)
        }
        return settled.until > horizon ? Swift.max(0, settled.total - (settled.until - horizon).nanoseconds)
            : settled.total
    }
}
