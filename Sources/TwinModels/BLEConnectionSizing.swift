import TwinUnits

/// The BLE connection interval twinc gives a device from its deadline: the longest
/// interval on the 1.25 ms grid (7.5 ms … 4 s, Bluetooth Core v5.x Vol 6 Part B §4.5.1)
/// that is at most half the deadline, so a sample waits at most one interval plus a
/// retry. One definition for the compiler's MAC configuration and the feasibility
/// check's lifetime bound, so the bound prices the interval the twin will run.
public enum BLEConnectionSizing {
    public static func interval(deadline: Time) -> Time {
        let step = 0.00125
        let half = deadline.si / 2
        let steps = min(3200, max(6, Int(half / step)))
        return .seconds(Double(steps) * step)
    }
}
