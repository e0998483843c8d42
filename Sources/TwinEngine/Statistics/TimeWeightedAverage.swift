/// The time average of a piecewise-constant signal: queue length, number of busy
/// channels, radio power draw.
///
/// A sample-mean of queue lengths observed at events is biased toward busy periods
/// (more events happen then); the time average weights each value by how long it
/// held: (1/T) ∫ x(t) dt. The integral is accumulated in value·nanoseconds as a
/// Double, so memory is constant however long the run.
public struct TimeWeightedAverage: Hashable, Sendable {
    public private(set) var start: SimTime
    public private(set) var lastChange: SimTime
    public private(set) var value: Double
    /// ∫ x(t) dt from `start` to `lastChange`, in value × seconds.
    public private(set) var integral: Double = 0
    public private(set) var maximum: Double

    public init(start: SimTime = .zero, initialValue: Double = 0) {
        self.start = start
        self.lastChange = start
        self.value = initialValue
        self.maximum = initialValue
    }

    /// The signal takes `newValue` from `time` on (`time` must not go backwards).
    public mutating func update(to newValue: Double, at time: SimTime) {
        precondition(time >= lastChange, "time-weighted average updated backwards in time")
        integral += value * (time - lastChange).seconds
        lastChange = time
        value = newValue
        if newValue > maximum { maximum = newValue }
    }

    /// Adds `delta` to the current value at `time` (queue arrivals and departures).
    public mutating func add(_ delta: Double, at time: SimTime) {
        update(to: value + delta, at: time)
    }

    /// ∫ x(t) dt from `start` to `time` (≥ the last change), in value × seconds.
    public func integral(until time: SimTime) -> Double {
        integral + value * Swift.max(0, (time - lastChange).seconds)
    }

    /// The average from `start` to `time`; nil over an empty interval.
    public func average(until time: SimTime) -> Double? {
        let span = (time - start).seconds
        return span > 0 ? integral(until: time) / span : nil
    }
}

/// How long a state machine spent in each of its states: radio residency (TX, RX,
/// listen, idle, sleep) for the energy model, posture residency for the channel.
///
/// States are small integers (the model's enum raw values), so residency is an array
/// read in the model's own order — deterministic, no dictionary iteration.
public struct StateResidency: Hashable, Sendable {
    public private(set) var state: Int
    public private(set) var since: SimTime
    public private(set) var nanosecondsInState: [Int64]
    public private(set) var entries: [Int]

    public init(states: Int, initial: Int, at start: SimTime = .zero) {
        precondition(states > 0 && (0..<states).contains(initial), "initial state out of range")
        state = initial
        since = start
        nanosecondsInState = Array(repeating: 0, count: states)
        entries = Array(repeating: 0, count: states)
        entries[initial] = 1
    }

    public var stateCount: Int { nanosecondsInState.count }

    /// Moves to `newState` at `time` (re-entering the current state is a no-op).
    public mutating func transition(to newState: Int, at time: SimTime) {
        precondition((0..<stateCount).contains(newState), "state \(newState) out of range")
        precondition(time >= since, "state residency updated backwards in time")
        guard newState != state else { return }
        nanosecondsInState[state] += (time - since).nanoseconds
        state = newState
        since = time
        entries[newState] += 1
    }

    /// Time spent in `state` up to `time`, including the current stay.
    public func time(in state: Int, until time: SimTime) -> SimTime {
        var ns = nanosecondsInState[state]
        if state == self.state { ns += Swift.max(0, (time - since).nanoseconds) }
        return SimTime(nanoseconds: ns)
    }

    /// Share of the time from `start` to `time` spent in each state (sums to 1).
    public func fractions(from start: SimTime, until time: SimTime) -> [Double] {
        let total = Double((time - start).nanoseconds)
        guard total > 0 else { return Array(repeating: 0, count: stateCount) }
        return (0..<stateCount).map { Double(self.time(in: $0, until: time).nanoseconds) / total }
    }
}
