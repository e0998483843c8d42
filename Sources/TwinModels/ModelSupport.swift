import Foundation

/// Why a model refused its input. Models are called with values that came from user
/// documents (payload sizes, slot indices, CVSS vectors), so an out-of-range value is
/// reported as a value the caller can turn into a coded diagnostic, never a trap.
public enum ModelDomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A numeric parameter outside the range the model (or the standard) defines.
    case outOfRange(parameter: String, value: Double, allowed: ClosedRange<Double>)
    /// A parameter that must be strictly positive (a rate, a capacity, a time).
    case notPositive(parameter: String, value: Double)
    /// A matrix that has no unique solution (a CTMC that is not irreducible).
    case singular(String)

    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            "\(parameter) = \(value) is outside \(allowed.lowerBound)…\(allowed.upperBound)"
        case let .notPositive(parameter, value):
            "\(parameter) = \(value) must be greater than zero"
        case let .singular(what):
            "\(what) has no unique solution"
        }
    }
}

/// Numerical helpers shared by the channel, error and reliability models.
public enum ModelMath {
    /// Standard normal CDF Φ(x) = ½·erfc(−x/√2). erfc keeps full relative accuracy in
    /// the lower tail, which is where outage probabilities live (Φ(−5) ≈ 2.9e-7).
    public static func standardNormalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Standard normal survival function Q(x) = 1 − Φ(x) = ½·erfc(x/√2).
    public static func standardNormalTail(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// Piecewise-linear interpolation in a table sorted by ascending `x`. Outside the
    /// table the nearest end value is returned (clamped): callers that must refuse
    /// extrapolation check the range first.
    public static func interpolate(_ table: [(x: Double, y: Double)], at x: Double) -> Double {
        interpolate(count: table.count, x: { table[$0].x }, y: { table[$0].y }, at: x)
    }

    /// The same over `count` points read in place by `pointX`/`pointY` (no table built:
    /// a caller in the runtime's per-second loop allocated one per call).
    @inline(__always)
    public static func interpolate(count: Int, x pointX: (Int) -> Double, y pointY: (Int) -> Double,
                                   at x: Double) -> Double {
        guard count > 0 else { return .nan }
        if x <= pointX(0) { return pointY(0) }
        if x >= pointX(count - 1) { return pointY(count - 1) }
        for index in 1..<count where x <= pointX(index) {
            let lowerX = pointX(index - 1), upperX = pointX(index)
            let lowerY = pointY(index - 1), upperY = pointY(index)
            let weight = (x - lowerX) / (upperX - lowerX)
            return lowerY + weight * (upperY - lowerY)
        }
        return pointY(count - 1)
    }

    /// ⌈x⌉ for a quantity computed in floating point that is mathematically an integer
    /// when exact (10000 bit/s × 0.3 s / 8 = 375 bytes): a relative slack of 1e-12
    /// keeps representation error from adding a whole byte or frame.
    public static func ceilTolerant(_ x: Double) -> Double {
        (x - Swift.max(abs(x), 1) * 1e-12).rounded(.up)
    }

    /// Checks that `value` lies in `allowed`, naming the parameter otherwise.
    static func require(_ value: Double, in allowed: ClosedRange<Double>, _ parameter: String) throws(ModelDomainError) {
        guard allowed.contains(value) else {
            throw .outOfRange(parameter: parameter, value: value, allowed: allowed)
        }
    }

    /// Checks that `value` is finite and strictly positive.
    static func requirePositive(_ value: Double, _ parameter: String) throws(ModelDomainError) {
        guard value > 0, value.isFinite else { throw .notPositive(parameter: parameter, value: value) }
    }
}
