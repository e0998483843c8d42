import Testing
import TwinEngine
@testable import TwinRuntime

/// The gateway's busy time is the union of its intervals, also when a relay's forward
/// is booked ahead of the allocation it follows (`BusyTime.addAhead`).
@Suite struct BusyTimeTests {
    private func ms(_ value: Int64) -> SimTime { .milliseconds(value) }

    @Test func intervalsInOrderAreTheirUnion() {
        var busy = BusyTime()
        busy.add(from: ms(0), to: ms(5))
        busy.add(from: ms(3), to: ms(8))
        busy.add(from: ms(10), to: ms(12))
        #expect(busy.clipped(to: ms(100)) == ms(10).nanoseconds)
        #expect(busy.clipped(to: ms(11)) == ms(9).nanoseconds)
    }

    /// What a relayed scheduled burst books: the relay's forward at 10–12 ms, decided
    /// inside the burst, then the allocation 0–5 ms. Booked in that order with `add`,
    /// the allocation vanished (2 ms busy instead of 7).
    @Test func aForwardBookedAheadDoesNotHideTheAllocationBeforeIt() {
        var busy = BusyTime()
        busy.addAhead(from: ms(10), to: ms(12))
        busy.add(from: ms(0), to: ms(5))
        #expect(busy.clipped(to: ms(100)) == ms(7).nanoseconds)
        // A later interval overlapping the forward is counted once.
        busy.add(from: ms(11), to: ms(14))
        #expect(busy.clipped(to: ms(100)) == ms(9).nanoseconds)
        // Forwards still ahead at the end of the run count up to the horizon.
        busy.addAhead(from: ms(20), to: ms(22))
        busy.addAhead(from: ms(16), to: ms(18))
        #expect(busy.clipped(to: ms(100)) == ms(13).nanoseconds)
        #expect(busy.clipped(to: ms(21)) == ms(12).nanoseconds)
        #expect(busy.clipped(to: ms(15)) == ms(9).nanoseconds)
    }
}
