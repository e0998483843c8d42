import Testing
@testable import TwinSweep

@Suite struct ParetoFrontTests {
    private func point(_ number: Int, delivery: Double?, lifetime: Double?) -> CollectedPoint {
        func goal(_ id: String, _ value: Double?) -> PointGoal {
            PointGoal(goal: id, kpi: "", estimate: value, lower: nil, upper: nil, unit: "", dimension: "", verdict: "met")
        }
        return CollectedPoint(point: number, twin: "t", knobs: [], seeds: [1], incomplete: 0,
                              goals: [goal("delivery", delivery), goal("lifetime", lifetime)])
    }

    @Test func theFrontHoldsExactlyThePointsNoOtherDominates() {
        var points = [
            point(0, delivery: 0.99, lifetime: 10),
            point(1, delivery: 0.95, lifetime: 30),
            point(2, delivery: 0.94, lifetime: 20),  // dominated by 1
            point(3, delivery: 0.99, lifetime: 10),  // equal to 0: neither dominates
            point(4, delivery: nil, lifetime: 50),   // no value: not ranked
            point(5, delivery: 0.999, lifetime: 5),
        ]
        markParetoFront(&points, axes: [ParetoAxis(goal: "delivery", maximise: true), ParetoAxis(goal: "lifetime", maximise: true)])
        #expect(points.filter(\.onFront).map(\.point) == [0, 1, 3, 5])
        // Minimising lifetime instead turns the front around.
        markParetoFront(&points, axes: [ParetoAxis(goal: "delivery", maximise: false), ParetoAxis(goal: "lifetime", maximise: false)])
        #expect(points.filter(\.onFront).map(\.point) == [0, 2, 3, 5])
    }

    @Test func theWorstSeedDecidesAPointsVerdict() {
        #expect(worstVerdict(["met", "inconclusive"]) == "inconclusive")
        #expect(worstVerdict(["met", "not-met", "inconclusive"]) == "not-met")
        #expect(worstVerdict([]) == "not-evaluated")
        #expect(arraySpec([0, 1, 2, 5, 7, 8]) == "0-2,5,7-8")
    }
}
