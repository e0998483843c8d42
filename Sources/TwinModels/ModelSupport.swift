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
        guard let first = table.first, let last = table.last else { return .nan }
        if x <= first.x { return first.y }
        if x >= last.x { return last.y }
        for index in 1..<table.count where x <= table[index].x {
            let lower = table[index - 1], upper = table[index]
            let weight = (x - lower.x) / (upper.x - lower.x)
            return lower.y + weight * (upper.y - lower.y)
        }
        return last.y
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
