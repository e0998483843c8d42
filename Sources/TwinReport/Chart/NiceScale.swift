import Foundation

/// Axis ticks at "nice" numbers (1, 2, 5 × 10ⁿ), after P. S. Heckbert, "Nice numbers
/// for graph labels", Graphics Gems (1990): the range is widened to whole steps so the
/// first and last tick frame the data.
struct NiceScale: Equatable {
    let lower: Double
    let upper: Double
    let step: Double

    /// A scale covering `minimum…maximum` with about `ticks` ticks. An empty or
    /// degenerate range is widened around its value so an axis can always be drawn.
    init(minimum: Double, maximum: Double, ticks: Int = 5) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let range = Self.nice(high - low, round: false)
        let step = Self.nice(range / Double(max(ticks - 1, 1)), round: true)
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
    }

    private init(lower: Double, upper: Double, step: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    /// The scale with its ends cut to `limits` (0 and 100 are whole steps of every nice
    /// step up to 100, so the ticks stay on round numbers).
    func clamped(to limits: ClosedRange<Double>) -> NiceScale {
        let low = Swift.max(lower, limits.lowerBound), high = Swift.min(upper, limits.upperBound)
        guard high > low else { return self }
        return NiceScale(lower: low, upper: high, step: step)
    }

    /// The tick values: the whole steps from `lower` to `upper` (computed by index, so
    /// no drift; a clamped scale's end between steps gets no tick).
    var ticks: [Double] {
        let first = (lower / step - 1e-9).rounded(.up)
        let count = Int(((upper / step + 1e-9).rounded(.down) - first).rounded()) + 1
        return (0..<min(max(count, 0), 50)).map { (first + Double($0)) * step }
    }

    /// Decimal places that show a tick value exactly.
    var decimals: Int { max(0, -Int(floor(log10(step) + 1e-9))) }

    /// A tick's label.
    func label(_ value: Double) -> String { NumberText.fixed(value, decimals: decimals) }

    /// Where `value` falls between `from` (at `lower`) and `to` (at `upper`), in pixels.
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - lower) / (upper - lower) * (to - from)
    }

    /// The nice number near `x`: the next one up, or the nearest when `round`.
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exponent = floor(log10(x))
        let fraction = x / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }
}
