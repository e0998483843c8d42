import TwinEngine

/// Which value of each knob every point of a design takes, as indices into each knob's
/// value list. A plain function of the counts and the seed: the same sweep gives the
/// same points on every machine (the generator is Xoshiro256**, the draws are explicit
/// arithmetic, not the standard library's shuffle, whose algorithm may change).
enum DesignPoints {
    /// Every combination, the first knob varying slowest (nil: more than `limit` points).
    static func grid(_ counts: [Int], limit: Int) -> [[Int]]? {
        var total = 1
        for count in counts {
            let (product, overflow) = total.multipliedReportingOverflow(by: count)
            guard !overflow, product <= limit else { return nil }
            total = product
        }
        return (0..<total).map { flat in
            var rest = flat
            var indices = Array(repeating: 0, count: counts.count)
            for axis in counts.indices.reversed() {
                indices[axis] = rest % counts[axis]
                rest /= counts[axis]
            }
            return indices
        }
    }

    /// `points` points of a Latin hypercube over the knobs' value lists: each knob's
    /// unit interval is cut into `points` strata, each stratum used once, a uniform
    /// draw inside it picks a value (stratum k of n covers indices ⌊k·c/n⌋…); the
    /// strata are paired across knobs by an independent Fisher–Yates permutation per
    /// knob (McKay, Beckman & Conover 1979).
    static func latinHypercube(_ counts: [Int], points: Int, seed: UInt64) -> [[Int]] {
        var generator = Xoshiro256(seed: seed)
        var columns: [[Int]] = []
        for count in counts {
            var strata = Array(0..<points)
            for i in stride(from: points - 1, to: 0, by: -1) {
                let j = Int(bounded(generator.next(), by: UInt64(i + 1)))
                strata.swapAt(i, j)
            }
            columns.append(strata.map { stratum in
                let u = Double(generator.next() >> 11) * 0x1p-53
                let position = (Double(stratum) + u) / Double(points)
                return min(Int(position * Double(count)), count - 1)
            })
        }
        return (0..<points).map { point in columns.map { $0[point] } }
    }

    /// A value in 0..<bound from 64 random bits (Lemire's multiply-shift, without the
    /// rejection step: the bias is below 2⁻⁴⁰ for the sizes of a sweep).
    private static func bounded(_ bits: UInt64, by bound: UInt64) -> UInt64 {
        bits.multipliedFullWidth(by: bound).high
    }
}
