import TwinDiagnostics
import TwinSpec
import TwinUnits
import TwinVocabulary

/// What a goal asks of a device's timing or battery, read once from its threshold:
/// a latency goal bounds its statistic from above; a `delivery-ratio` goal with
/// `within` bounds the latency percentile equal to its ratio (≥ 99.9 % within 250 ms
/// means the 99.9th percentile arrives within 250 ms, before any loss); a lifetime or
/// throughput goal bounds the value from below.
public struct LatencyDemand: Sendable {
    public var goal: Goal
    public var target: Time
    public var statistic: Statistic
    public var op: ComparisonOperator
    /// Where the diagnostics point: the goal's target.
    public var range: SourceRange
    /// How the goal states it (`p99 <= 250 ms`, `>= 99.9 % within 250 ms`).
    public var wording: String

    public init?(_ goal: Goal) {
        guard let threshold = goal.target else { return nil }
        self.goal = goal
        range = threshold.range
        switch goal.kpi.value {
        case .latency:
            guard let target = Time(threshold.value.bound), threshold.value.op.isUpperBound else { return nil }
            self.target = target
            statistic = threshold.value.statistic
            op = threshold.value.op
            wording = "\(threshold.value.statistic) \(threshold.value.op.rawValue) \(target.quantity.formatted)"
        case .deliveryRatio:
            guard let within = goal.within?.value, threshold.value.op.isLowerBound,
                  let ratio = Ratio(threshold.value.bound), ratio.si > 0 else { return nil }
            target = within
            statistic = ratio.si >= 1 ? .max : .percentile(ratio.si * 100)
            op = .lessOrEqual
            wording = "\(threshold.value.op.rawValue) \(ratio.quantity.formatted) within \(within.quantity.formatted)"
        default:
            return nil
        }
    }

    public func isMet(by latency: Time) -> Bool { op.holds(latency.si, target.si) }
}

/// A lower bound on a value (lifetime, throughput) a goal sets.
struct FloorDemand<D: PhysicalDimension>: Sendable {
    var goal: Goal
    var target: Measure<D>
    var op: ComparisonOperator
    var range: SourceRange

    init?(_ goal: Goal, kpi: KPI) {
        guard goal.kpi.value == kpi, let threshold = goal.target, threshold.value.op.isLowerBound || threshold.value.op == .equal,
              let target = Measure<D>(threshold.value.bound) else { return nil }
        self.goal = goal
        self.target = target
        op = threshold.value.op == .equal ? .greaterOrEqual : threshold.value.op
        range = threshold.range
    }

    var wording: String { "\(op.rawValue) \(target.quantity.formatted)" }
    func isMet(by value: Measure<D>) -> Bool { op.holds(value.si, target.si) }
}
