import Testing
@testable import TwinApplications

/// The energy recommendation and the optimiser search a device's knobs in full only
/// while the product of their values is small; beyond it, knob by knob. Fifteen extra
/// knobs on one device made the recommendation enumerate every combination (44 s and
/// 744 MB; a hundred: 112 s and 24 GB).
@Suite struct KnobProductSearchTests {
    /// The best point of a separable score: the sum of the chosen values.
    func search(_ lists: [[Double]], start: [Double]) -> (best: Double?, evaluations: Int) {
        var evaluations = 0
        let best = KnobProductSearch.best(lists, start: start, evaluate: { values -> Double? in
            evaluations += 1
            return values.reduce(0, +)
        }, isBetter: { $0 > $1 })
        return (best, evaluations)
    }

    @Test func smallProductsAreSearchedInFull() {
        let lists: [[Double]] = [[0, 1, 2], [0, 5], [3, 1]]
        let result = search(lists, start: [0, 0, 3])
        #expect(result.evaluations == 12)
        #expect(result.best == 10)
    }

    @Test func largeProductsAreSearchedKnobByKnob() {
        // 16 knobs of 32 values: 32^16 ≈ 1.2e24 points.
        let lists = Array(repeating: (0..<32).map(Double.init), count: 16)
        let result = search(lists, start: Array(repeating: 0, count: 16))
        #expect(result.best == Double(31 * 16), "a separable score is found knob by knob")
        #expect(result.evaluations <= 1 + KnobProductSearch.maximumPasses * 16 * 31)
    }

    @Test func infeasibleStartsAreLeftForFeasibleNeighbours() {
        let lists = Array(repeating: [0.0, 1, 2, 3], count: 12)
        var evaluations = 0
        let best = KnobProductSearch.best(lists, start: Array(repeating: 0, count: 12), evaluate: { values -> Double? in
            evaluations += 1
            return values.first == 0 ? nil : values.reduce(0, +)
        }, isBetter: { $0 > $1 })
        #expect(best == 36)
        #expect(evaluations < 1_000)
    }
}
