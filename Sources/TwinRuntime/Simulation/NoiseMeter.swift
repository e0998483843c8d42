import TwinEngine

/// The detector's energy measurement at each gateway: the time average of the external
/// power on the channel (jammers, interferers; mW) over the monitoring window that just
/// ended.
///
/// Why a window: a real detector cannot know the noise floor at an instant, it averages
/// received-energy samples taken over an interval — Xu, Trappe, Zhang & Wood (ACM
/// MobiHoc 2005, §4) detect jamming from signal-strength statistics collected over a
/// window of samples. Reading the channel's power at the tick itself would let a jammer
/// that starts at that very instant be "measured" over no time at all (a detection
/// after 0 s). Here the power is a piecewise-constant signal, integrated exactly
/// (`TimeWeightedAverage`) and closed at each tick: a source contributes only for the
/// time it was actually on inside the window.
struct NoiseMeter: Sendable {
    private var windows: [TimeWeightedAverage]

    init(gateways: Int, at start: SimTime = .zero) {
        windows = Array(repeating: TimeWeightedAverage(start: start), count: gateways)
    }

    /// The external power at `gateway` is `milliwatts` from `time` on.
    mutating func powerChanged(at gateway: Int, to milliwatts: Double, at time: SimTime) {
        windows[gateway].update(to: milliwatts, at: time)
    }

    /// The average power (mW) at `gateway` since the previous close, and a new window
    /// from `time` on at the current power; nil when the window is empty (zero length).
    mutating func closeWindow(at gateway: Int, at time: SimTime) -> Double? {
        let window = windows[gateway]
        guard let average = window.average(until: time) else { return nil }
        windows[gateway] = TimeWeightedAverage(start: time, initialValue: window.value)
        return average
    }
}
