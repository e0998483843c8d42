/// The bound on one device's knob search, shared by the energy recommendation and the
/// optimiser's coordinate descent: the product of a device's knob value counts is
/// searched in full while it stays within `fullProductLimit` (every twin the compiler
/// writes: at most eight knobs with a handful of values each, a few thousand points),
/// and knob by knob beyond it. twin.json may carry up to 16 knobs of 32 values on a
/// device (`TwinLimits`), a product of 2⁸⁰; searching it in full took minutes and
/// gigabytes for 15 extra knobs.
enum KnobProductSearch {
    static let fullProductLimit = 65_536
    /// Coordinate-descent passes over the knobs (each pass tries every value of every
    /// knob once, the others held): the optimiser's `maximumPasses` default.
    static let maximumPasses = 4

    /// The number of points in the product of `lists`, as a Double (it overflows Int).
    static func size(_ lists: [[Double]]) -> Double {
        lists.reduce(1.0) { $0 * Double(Swift.max(1, $1.count)) }
    }

    /// The best point of the product of `lists` by `isBetter` (an evaluation that
    /// returns nil is infeasible). Small products are enumerated, first list varying
    /// slowest, the first of equals winning; large ones are searched by coordinate
    /// descent from `start`, one knob at a time, until a pass changes nothing.
    static func best<T>(_ lists: [[Double]], start: [Double], evaluate: ([Double]) -> T?,
                        isBetter: (T, T) -> Bool) -> T? {
        var best: T?
        func consider(_ values: [Double]) -> Bool {
            guard let candidate = evaluate(values) else { return false }
            if let current = best, !isBetter(candidate, current) { return false }
            best = candidate
            return true
        }
        if size(lists) <= Double(fullProductLimit) {
            for values in combinations(lists) { _ = consider(values) }
            return best
        }
        var current = start
        _ = consider(current)
        for _ in 0..<maximumPasses {
            var changed = false
            for (knob, values) in lists.enumerated() {
                for value in values where value != current[knob] {
                    var next = current
                    next[knob] = value
                    if consider(next) {
                        current = next
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        return best
    }

    /// Every combination of one value per list, the first list varying slowest.
    static func combinations(_ lists: [[Double]]) -> [[Double]] {
        lists.reduce([[]]) { partial, values in partial.flatMap { prefix in values.map { prefix + [$0] } } }
    }
}

extension CandidateSpace {
    /// The points around `base` that vary the knobs of `group`: every combination while
    /// their product is within `KnobProductSearch.fullProductLimit`, else each knob on
    /// its own (the others at `base`), so a device with many knobs costs the sum of
    /// their values, not the product.
    func boundedNeighbourhood(of base: Candidate, varying group: [Int]) -> [Candidate] {
        let lists = group.map { knobs[$0].values }
        if KnobProductSearch.size(lists) <= Double(KnobProductSearch.fullProductLimit) {
            return neighbourhood(of: base, varying: group)
        }
        var result = [base]
        for knob in group {
            for value in knobs[knob].values.indices where value != base.indices[knob] {
                var next = base
                next.indices[knob] = value
                result.append(next)
            }
        }
        return result
    }
}
