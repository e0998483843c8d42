/// Sums of times that cannot trap. The declared ranges keep every configured time far
/// inside Int64 nanoseconds, but a random delay is unbounded: an exponential draw with a
/// mean of ten years exceeds the ±292-year range about once in 2·10¹³ draws, and a
/// Poisson source with a vanishing rate has an astronomical mean. A delay that would
/// land beyond `SimTime.max` lands on it: after any horizon, so the event never fires.
extension SimTime {
    @inlinable
    public func addingSaturating(_ other: SimTime) -> SimTime {
        let (sum, overflow) = nanoseconds.addingReportingOverflow(other.nanoseconds)
        guard overflow else { return SimTime(nanoseconds: sum) }
        return other.nanoseconds > 0 ? .max : SimTime(nanoseconds: .min)
    }
}
