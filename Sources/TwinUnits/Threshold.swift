
/// A comparison operator in an intent goal.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case lessOrEqual = "<="
    case less = "<"
    case greaterOrEqual = ">="
    case greater = ">"
    case equal = "=="

    /// True when `value` satisfies `value <op> bound`.
    public func holds(_ value: Double, _ bound: Double) -> Bool {
        switch self {
        case .lessOrEqual: value <= bound
        case .less: value < bound
        case .greaterOrEqual: value >= bound
        case .greater: value > bound
        case .equal: value == bound
        }
    }

    /// Whether the operator bounds the value from above (`<`, `<=`).
    public var isUpperBound: Bool { self == .less || self == .lessOrEqual }
    public var isLowerBound: Bool { self == .greater || self == .greaterOrEqual }
}

/// Which statistic of a KPI a goal constrains: the mean, a percentile (`p99`), or the
/// extreme value over the horizon.
public enum Statistic: Hashable, Sendable, CustomStringConvertible {
    case mean
    case percentile(Double)
    case max
    case min

    public var description: String {
        switch self {
        case .mean: "mean"
        case .percentile(let p): p == p.rounded() ? "p\(Int(p))" : "p\(p)"
        case .max: "max"
        case .min: "min"
        }
    }
}

/// A parsed goal condition such as `">= 99.9 %"` or `"p99 <= 250 ms"`.
public struct Threshold: Hashable, Sendable, CustomStringConvertible {
    public var statistic: Statistic
    public var op: ComparisonOperator
    public var bound: Quantity

    public init(statistic: Statistic = .mean, op: ComparisonOperator, bound: Quantity) {
        self.statistic = statistic
        self.op = op
        self.bound = bound
    }

    public var description: String { "\(statistic) \(op.rawValue) \(bound)" }

    /// True when a measured value (in the bound's canonical unit) meets the threshold.
    public func isMet(by value: Double) -> Bool { op.holds(value, bound.value) }
}

/// Why a threshold text could not be parsed.
public enum ThresholdParseError: Error, Hashable, Sendable {
    case missingOperator
    case badStatistic(String)
    case badQuantity(QuantityParseError)
}

extension Threshold {
    /// Parses `[statistic] op quantity`, where statistic is `mean`, `max`, `min` or
    /// `pNN` (0 < NN < 100), op is one of `<= < >= > ==`.
    public static func parse(_ text: String, defaultDimension: Dimension? = nil) -> Result<Threshold, ThresholdParseError> {
        let trimmed = text.trimmingWhitespace()
        guard let opRange = ComparisonOperator.allCases
            .compactMap({ op in trimmed.range(of: op.rawValue).map { (op, $0) } })
            .min(by: { lhs, rhs in
                lhs.1.lowerBound != rhs.1.lowerBound
                    ? lhs.1.lowerBound < rhs.1.lowerBound
                    : lhs.0.rawValue.count > rhs.0.rawValue.count
            })
        else { return .failure(.missingOperator) }
        let (op, range) = opRange
        let statisticText = trimmed[..<range.lowerBound].trimmingWhitespace()
        let statistic: Statistic
        switch statisticText.lowercased() {
        case "", "mean", "avg", "average": statistic = .mean
        case "max": statistic = .max
        case "min": statistic = .min
        case let s where s.hasPrefix("p"):
            guard let p = Double(s.dropFirst()), p > 0, p < 100 else {
                return .failure(.badStatistic(statisticText))
            }
            statistic = .percentile(p)
        default: return .failure(.badStatistic(statisticText))
        }
        switch Quantity.parse(String(trimmed[range.upperBound...]), defaultDimension: defaultDimension) {
        case .success(let q): return .success(Threshold(statistic: statistic, op: op, bound: q))
        case .failure(let e): return .failure(.badQuantity(e))
        }
    }
}

extension Threshold {
    /// `p99 <= 250 ms`, `>= 99.9 %`: the target as an intent writes it.
    public var targetText: String {
        let prefix = statistic == .mean ? "" : "\(statistic) "
        return prefix + op.rawValue + " " + bound.formatted
    }
}
