import Foundation

/// How an axis maps values to pixels and where its ticks go: linear at nice numbers
/// (`NiceScale`) or logarithmic at decades (`LogScale`).
protocol ScaleMapping {
    var ticks: [Double] { get }
    func label(_ value: Double) -> String
    func position(_ value: Double, from: Double, to: Double) -> Double
}

extension NiceScale: ScaleMapping {}

/// A logarithmic axis with a tick at each power of ten, for values that span orders of
/// magnitude (device lifetimes from hours to years). Values at or below zero sit at the
/// axis start.
struct LogScale: ScaleMapping, Equatable {
    let lowerExponent: Int
    let upperExponent: Int

    /// Decades covering `minimum…maximum` (positive values; others are ignored).
    init(minimum: Double, maximum: Double) {
        let low = minimum > 0 && minimum.isFinite ? minimum : 1
        let high = maximum > 0 && maximum.isFinite ? max(maximum, low) : low
        lowerExponent = Int(floor(log10(low) + 1e-9))
        upperExponent = max(Int(ceil(log10(high) - 1e-9)), lowerExponent + 1)
    }

    var lower: Double { pow(10, Double(lowerExponent)) }

    var ticks: [Double] { (lowerExponent...upperExponent).map { pow(10, Double($0)) } }

    func label(_ value: Double) -> String {
        let exponent = Int((log10(value)).rounded())
        return NumberText.fixed(value, decimals: max(0, -exponent))
    }

    func position(_ value: Double, from: Double, to: Double) -> Double {
        guard value > 0 else { return from }
        let t = (log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
        return from + t * (to - from)
    }
}
