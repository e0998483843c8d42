import TwinUnits

/// Fixed number formatting for the page: no locale, no platform-dependent printing, so
/// the same JSON gives the same bytes. Coordinates use `fixed`; values shown to a
/// person use TwinUnits' `significant` and `Quantity.formatted` (the rules of the text
/// report, so the page and `twinc run` agree digit for digit).
enum NumberText {
    /// A 95 % interval cut to what the KPI can take. Every goal KPI of a twin (ratios,
    /// latencies, lifetimes, energies, recovery times, throughputs) is non-negative and
    /// a ratio is at most 1, but a Student-t interval from two or three replications
    /// can spill past those bounds; the page shows only the feasible part.
    static func feasibleInterval(_ lower: Double, _ upper: Double, isRatio: Bool) -> (lower: Double, upper: Double) {
        (Swift.max(lower, 0), isRatio ? Swift.min(upper, 1) : upper)
    }

    /// `value` rounded to `decimals` places, trailing zeros dropped (`12.5`, `3`, `-0.25`).
    static func fixed(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return String(Int64(value.rounded())) }
        let integer = Int64(scaled)
        let negative = integer < 0
        let magnitude = negative ? -integer : integer
        let whole = magnitude / Int64(scale)
        var fraction = String(magnitude % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = negative && (whole != 0 || !fraction.isEmpty) ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// A value of a dimension as a person reads it (`250 ms`, `30.5 d`, `99.93 %`).
    static func quantity(_ value: Double, _ dimension: Dimension) -> String {
        Quantity(value, dimension).formatted
    }

    /// A value in the canonical unit `unit` of the results JSON (`s`, `1`, `J`, …),
    /// formatted with the dimension it names when the unit is known.
    static func value(_ value: Double, unit: String?, dimension: String? = nil) -> String {
        if let dimension, let known = Dimension(rawValue: dimension) {
            return known == .ratio ? percent(value, digits: 5) : quantity(value, known)
        }
        if let unit, let known = Dimension.allCases.first(where: { $0.canonicalUnit == unit && $0 != .count }) {
            return known == .ratio ? percent(value, digits: 5) : quantity(value, known)
        }
        let number = significant(value)
        guard let unit, !unit.isEmpty, unit != "1" else { return number }
        return "\(number) \(unit)"
    }

    /// A ratio as a percentage with up to `digits` significant digits (`99.93 %`).
    static func percent(_ ratio: Double, digits: Int = 4) -> String {
        "\(significant(ratio * 100, digits: digits)) %"
    }
}
