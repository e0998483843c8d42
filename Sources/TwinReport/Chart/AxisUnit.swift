/// The unit an axis shows its values in. Data stay in SI (as in the results JSON); the
/// axis divides by `divisor` so ticks read `0 … 250 ms` or `0 … 30 d` rather than
/// `0 … 0.25 s` or `0 … 2 592 000 s`.
struct AxisUnit: Equatable {
    let symbol: String
    let divisor: Double

    static let none = AxisUnit(symbol: "", divisor: 1)
    static let percent = AxisUnit(symbol: "%", divisor: 0.01)
    static let dBm = AxisUnit(symbol: "dBm", divisor: 1)
    static let joules = AxisUnit(symbol: "J", divisor: 1)

    /// A time unit in which `maximum` seconds reads between about 1 and 1000.
    static func time(maximum seconds: Double) -> AxisUnit {
        let m = abs(seconds)
        if m >= 2 * 86_400 { return AxisUnit(symbol: "d", divisor: 86_400) }
        if m >= 2 * 3600 { return AxisUnit(symbol: "h", divisor: 3600) }
        if m >= 120 { return AxisUnit(symbol: "min", divisor: 60) }
        if m >= 1 { return AxisUnit(symbol: "s", divisor: 1) }
        if m >= 1e-3 { return AxisUnit(symbol: "ms", divisor: 1e-3) }
        return AxisUnit(symbol: "µs", divisor: 1e-6)
    }

    /// An energy unit in which `maximum` joules reads between about 1 and 1000.
    static func energy(maximum joules: Double) -> AxisUnit {
        let m = abs(joules)
        if m >= 1e3 { return AxisUnit(symbol: "kJ", divisor: 1e3) }
        if m >= 1 { return .joules }
        return AxisUnit(symbol: "mJ", divisor: 1e-3)
    }

    func display(_ si: Double) -> Double { si / divisor }
    func si(_ display: Double) -> Double { display * divisor }
}

/// An axis of a chart: what it measures and the unit it is shown in.
struct AxisSpec {
    var label: String
    var unit: AxisUnit
    /// A fixed display range (e.g. 0…100 % for a CDF); nil fits the data.
    var range: ClosedRange<Double>? = nil
    /// What the quantity can take, in display units (0…100 % for a ratio): an axis
    /// fitted to the data never runs past it (no 110 % delivery).
    var limits: ClosedRange<Double>? = nil
    /// The narrowest span a fitted axis shows, in display units, so flat data (every
    /// sample at 100 %) gets a readable axis just below it rather than ±10 % around it.
    var minimumSpan: Double? = nil

    /// `Delivery ratio (%)`: the title under or beside the axis.
    var title: String { unit.symbol.isEmpty ? label : "\(label) (\(unit.symbol))" }

    /// The axis' scale for data from `minimum` to `maximum` (display units): the fixed
    /// range if there is one (exactly), else the data at nice numbers, widened to `minimumSpan`
    /// and kept within `limits`.
    func scale(minimum: Double, maximum: Double, ticks: Int = 5) -> NiceScale {
        // A fixed range is shown exactly (a window around a fault), ticks at nice steps inside it.
        if let range { return NiceScale(minimum: range.lowerBound, maximum: range.upperBound, ticks: ticks).clamped(to: range) }
        var low = min(minimum, maximum), high = max(minimum, maximum)
        if let minimumSpan, high - low < minimumSpan {
            let middle = (low + high) / 2
            low = middle - minimumSpan / 2
            high = middle + minimumSpan / 2
        }
        if let limits {
            // Slide a widened window back inside the limits rather than cutting it.
            if high > limits.upperBound { low -= high - limits.upperBound; high = limits.upperBound }
            if low < limits.lowerBound { high += limits.lowerBound - low; low = limits.lowerBound }
            high = min(high, limits.upperBound)
        }
        let scale = NiceScale(minimum: low, maximum: high, ticks: ticks)
        return limits.map { scale.clamped(to: $0) } ?? scale
    }
}
