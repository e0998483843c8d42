import Testing
import TwinUnits
@testable import TwinModels

/// The allocation the compiler sizes stays inside what the runtime takes, whatever the
/// declared ranges let a use case ask for: the property test of issue 8 found a busy
/// device with a ten-year deadline sized to slots of days and periods of billions.
@Suite struct AllocationSizingLimitTests {
    @Test(arguments: [(1e3, 3600.0), (2e5, DeclaredRanges.longestTime), (1e6, DeclaredRanges.longestTime),
                      (1e11, DeclaredRanges.longestTime), (2e-3, DeclaredRanges.longestTime), (1e5, 1e-6)])
    func slotAndPeriodStayWithinTheRuntimesLimits(_ rate: Double, _ deadline: Double) {
        let sizing = ScheduledAllocationSizing(totalRate: .bitsPerSecond(rate), deadline: .seconds(deadline))
        #expect(sizing.slotLength.si > 0 && sizing.slotLength <= ScheduledAllocationSizing.longestSlot)
        #expect(DeclaredRanges.slots.bounds.contains(sizing.slots) && sizing.slots >= 1)
        #expect(DeclaredRanges.allocationPeriodSetting.bounds.contains(sizing.period))
        let interval = sizing.slotLength.si * Double(sizing.slots * sizing.period)
        #expect(interval <= max(deadline * ScheduledAllocationSizing.deadlineShare, sizing.slotLength.si * 32) + 1e-9,
                "the allocation interval stays within the deadline's share")
    }

    /// Ordinary traffic is sized exactly as before the limits: the demo ECG's 2.4 kbps
    /// with its 250 ms deadline gets what Generated/icu-monitoring/twin.json holds (2 ms
    /// slots, 32 a superframe, an allocation every 3).
    @Test func ordinaryTrafficIsUnchanged() {
        let sizing = ScheduledAllocationSizing(totalRate: .bitsPerSecond(2400), deadline: .milliseconds(250))
        #expect(sizing.slotLength == .milliseconds(2), "\(sizing)")
        #expect(sizing.slots == 32 && sizing.period == 3, "\(sizing)")
    }
}
