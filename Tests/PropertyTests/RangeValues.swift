import Foundation
import TwinEngine
import TwinUnits

/// Values drawn from a declared range and written as YAML would hold them. The generator
/// of the property test takes every bound from `DeclaredRanges`, so a range changed
/// there is exercised here at once, extremes included.
struct RangeValues {
    var random: SplitMix64
    /// Chance that a drawn value is a bound of its range rather than inside it.
    var extremeShare = 0.3
    /// Which bound an extreme takes: nil at random, false the lower, true the upper.
    var extremeSide: Bool?
    /// Values drawn, and how many of them were a range's bound.
    private(set) var draws = 0
    private(set) var extremes = 0
    /// The declared ranges drawn from, and which of their bounds were drawn
    /// (`"<range> lower"`, `"<range> upper"`).
    private(set) var rangesDrawn: Set<String> = []
    private(set) var boundsDrawn: Set<String> = []

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { uniform() < p }
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }
    mutating func pick<T>(_ values: [T]) -> T { values[integer(0...(values.count - 1))] }
    /// Each value with probability ½, in order; at least `minimum` (the first ones left out
    /// are added back).
    mutating func subset<T>(_ values: [T], atLeast minimum: Int = 1) -> [T] {
        var keep = values.map { _ in chance(0.5) }
        for index in keep.indices where keep.filter({ $0 }).count < min(minimum, values.count) { keep[index] = true }
        return zip(values, keep).filter(\.1).map(\.0)
    }

    /// A value of `range` (narrowed to `within` when given): a bound with probability
    /// `extremeShare`, else drawn from `typical` (within the range; the whole range when
    /// nil), log-uniform between positive bounds and uniform otherwise. A document made
    /// of bounds alone is refused by design checks (a 1 µAh battery meets no lifetime
    /// goal), so most numbers come from where real designs live.
    mutating func value(_ range: QuantityRange, within: ClosedRange<Double>? = nil,
                        typical: ClosedRange<Double>? = nil) -> Double {
        let low = max(range.lowerBound, within?.lowerBound ?? -.infinity)
        let high = min(range.upperBound, within?.upperBound ?? .infinity)
        draws += 1
        rangesDrawn.insert(range.description)
        if chance(extremeShare) {
            extremes += 1
            let upper = extremeSide ?? chance(0.5)
            let bound = upper ? high : low
            if bound == (upper ? range.upperBound : range.lowerBound) {
                boundsDrawn.insert("\(range.description) \(upper ? "upper" : "lower")")
            }
            return bound
        }
        let from = max(low, typical?.lowerBound ?? low), to = max(from, min(high, typical?.upperBound ?? high))
        let inside = from > 0 && to / from > 100 ? exp(log(from) + uniform() * (log(to) - log(from)))
            : from + uniform() * (to - from)
        return min(max(inside, low), high)
    }

    /// `value` as YAML text in the dimension's base unit (`3600 s`, `1e-06 bps`): the
    /// base unit's factor is 1, so the number reads back exactly and a bound stays
    /// inside its range. Ratios are written in percent, which reads back exactly too.
    static func text(_ value: Double, _ dimension: TwinUnits.Dimension) -> String {
        switch dimension {
        case .ratio: return "\(value * 100) %"
        case .count: return "\(value)"
        default:
            let unit = UnitSymbol.all.first { $0.dimension == dimension && $0.factor == 1 }!
            return "\(value) \(unit.symbol)"
        }
    }

    mutating func quantity(_ range: QuantityRange, within: ClosedRange<Double>? = nil,
                           typical: ClosedRange<Double>? = nil) -> String {
        Self.text(value(range, within: within, typical: typical), range.dimension)
    }
}
