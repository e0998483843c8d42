import Foundation

/// The values one quantity may take, in its dimension's canonical unit (seconds, watts,
/// 0…1 for ratios, dBm for power levels, a plain number for counts), and why.
///
/// Every number a user writes, in YAML or in a hand-edited twin.json, is checked against
/// one of these before any stage computes with it, so no later conversion (a time to
/// Int64 nanoseconds, a cost to integer millionths, a rate to events) can trap or run
/// away. A range is closed and finite: `.inf`, `.nan` and numbers beyond a double's range
/// are never inside one. The ranges themselves are declared once, in `DeclaredRanges`.
public struct QuantityRange: Sendable, Hashable {
    public let dimension: Dimension
    public let lowerBound: Double
    public let upperBound: Double
    /// Why the bounds are where they are (physics, IEEE 802.15.6, the simulated-time
    /// range): the note under an out-of-range diagnostic.
    public let reason: String

    public init(_ dimension: Dimension, _ lowerBound: Double, _ upperBound: Double, reason: String) {
        precondition(lowerBound.isFinite && upperBound.isFinite && lowerBound <= upperBound,
                     "a declared range is finite and not empty")
        self.dimension = dimension
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.reason = reason
    }

    /// True for finite values within the bounds (NaN and ±∞ are never contained).
    public func contains(_ value: Double) -> Bool {
        value.isFinite && value >= lowerBound && value <= upperBound
    }

    /// `value` pulled into the range (NaN becomes the lower bound): for generated
    /// values that must stay admissible, never for user input.
    public func clamped(_ value: Double) -> Double {
        guard !value.isNaN else { return lowerBound }
        return Swift.min(Swift.max(value, lowerBound), upperBound)
    }

    /// "between 1 s and 10 y", with both bounds in the units a user would write.
    public var description: String {
        "between \(Self.format(lowerBound, dimension)) and \(Self.format(upperBound, dimension))"
    }

    /// A plain number as messages show it: six significant digits, or the shortest
    /// exponent form for the very large and very small (`1e+19`, not twenty digits).
    public static func number(_ value: Double) -> String {
        guard value.isFinite, value == 0 || (abs(value) < 1e6 && abs(value) >= 1e-3) else {
            return value.isFinite ? String(format: "%.6g", value) : "\(value)"
        }
        return significant(value, digits: 6)
    }

    /// A bound as a user would write it: `100 µs`, `10 y`, `-40 dBm`, `99.9 %`.
    public static func format(_ value: Double, _ dimension: Dimension) -> String {
        if dimension == .count { return number(value) }
        // Below a thousandth of the smallest unit the formatter knows, write a power of
        // ten in the base unit: `1e-6 bps`, not `0.000001 bps`.
        if value != 0, abs(value) < 1e-3,
           let base = UnitSymbol.all.first(where: { $0.dimension == dimension && $0.factor == 1 }),
           Quantity(value, dimension).formatted.hasPrefix("0.00") || Quantity(value, dimension).formatted.hasPrefix("-0.00") {
            let exponent = Int((log10(abs(value))).rounded(.down))
            let mantissa = value / pow(10, Double(exponent))
            return "\(significant(mantissa))e\(exponent) \(base.symbol)"
        }
        return Quantity(value, dimension).formatted
    }
}

/// A count or index the twin.json reader and the YAML readers bound the same way.
public struct CountRange: Sendable, Hashable {
    public let bounds: ClosedRange<Int>
    public let reason: String

    public init(_ bounds: ClosedRange<Int>, reason: String) {
        self.bounds = bounds
        self.reason = reason
    }

    /// The integer a double stands for, when it is a whole number within the bounds.
    public func integer(_ value: Double) -> Int? {
        guard value.isFinite, value == value.rounded(),
              value >= Double(bounds.lowerBound), value <= Double(bounds.upperBound) else { return nil }
        return Int(value)
    }
}
