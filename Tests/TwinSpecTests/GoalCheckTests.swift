import Testing
import TwinDiagnostics
import TwinUnits
@testable import TwinSpec
import TwinVocabulary

/// Goal rules that depend on the KPI, and contradictions between goals.
@Suite struct GoalCheckTests {
    static func threshold(_ text: String) throws -> Threshold {
        try Threshold.parse(text, defaultDimension: .count).get()
    }

    @Test(arguments: [
        ("p99 <= 100 ms", "p99 >= 200 ms", true),
        (">= 99.9 %", "<= 90 %", true),
        ("<= 100 ms", ">= 100 ms", false),
        ("< 100 ms", ">= 100 ms", true),
        ("<= 100 ms", "> 100 ms", true),
        ("== 5 s", "<= 4 s", true),
        ("== 5 s", "== 5 s", false),
        ("<= 100 ms", "<= 50 ms", false),
        (">= 30 d", ">= 60 d", false),
    ])
    func intervalsAreDisjointOnlyWhenNoValueMeetsBoth(_ a: String, _ b: String, _ disjoint: Bool) throws {
        #expect(Contradictions.disjoint(try Self.threshold(a), try Self.threshold(b)) == disjoint)
        #expect(Contradictions.disjoint(try Self.threshold(b), try Self.threshold(a)) == disjoint)
    }

    static let base = """
    twin: 1
    kind: intent
    name: t
    usecase: ward-demo
    horizon: 24 h
    objectives: [safety]
    goals:

    """

    static func codes(_ goals: String) -> [String] {
        Support.read(base + goals).codes
    }

    @Test func differentStatisticsFaultsOrScopesDoNotContradict() {
        let goals = """
          - {id: a, kpi: latency, target: p99 <= 100 ms, priority: high}
          - {id: b, kpi: latency, target: mean >= 200 ms, priority: low}
          - {id: c, kpi: latency, target: p99 >= 200 ms, faults: [gateway-failure], priority: low}
          - {id: d, kpi: latency, target: p99 >= 200 ms, scope: {devices: [x]}, priority: low}
          - {id: e, kpi: latency, target: p99 <= 50 ms, scope: {devices: [y]}, priority: low}
        """
        // d and a overlap (a is unscoped): the only contradiction.
        #expect(Self.codes(goals) == ["TS013"])
    }

    @Test func deliveryRatioContradiction() {
        let goals = """
          - {id: a, kpi: delivery-ratio, target: ">= 99.9 %", priority: high}
          - {id: b, kpi: delivery-ratio, target: "<= 90 %", priority: low}
        """
        let outcome = Support.read(Self.base + goals)
        #expect(outcome.codes == ["TS013"])
        #expect(outcome.errors.first?.message
                == "goal `b` (`<= 90 %`) contradicts goal `a` (`>= 99.9 %`): no `delivery-ratio` can meet both")
        #expect(outcome.errors.first?.notes.first?.range?.start.line == 8)
    }

    @Test(arguments: [
        ("{id: a, kpi: latency, priority: high}", ["TS006"]),
        ("{id: a, kpi: security-detect, within: 2 s, priority: high}", ["TS006"]),
        ("{id: a, kpi: security-detect, threats: [jamming], priority: high}", ["TS006"]),
        ("{id: a, kpi: security-protect, threats: [replay], priority: high}", ["TS006"]),
        ("{id: a, kpi: security-protect, threats: [replay], level: 2, within: 1 s, priority: high}", ["TS015"]),
        ("{id: a, kpi: recovery-time, target: p99 <= 5 s, priority: high}", ["TS006"]),
        ("{id: a, kpi: lifetime, target: '>= 30 d', within: 2 s, priority: high}", ["TS015"]),
        ("{id: a, kpi: lifetime, target: '>= 30 d', level: 1, priority: high}", ["TS015"]),
        ("{id: a, kpi: availability, target: '>= 120 %', priority: high}", ["TS009"]),
        ("{id: a, kpi: security-protect, threats: [replay], level: 3, priority: high}", ["TS009"]),
        ("{id: a, kpi: security-protect, threats: [replay], level: 2, target: max <= 4.0, priority: high}", []),
        ("{id: a, kpi: security-protect, threats: [replay], level: 2, target: max <= 4 ms, priority: high}", ["TS014"]),
        ("{id: a, kpi: throughput, target: '>= 8 Mbps', priority: high}", []),
        ("{id: a, kpi: energy, target: <= 50 J, priority: high}", []),
        ("{id: a, kpi: latency, target: P99 <= 1 s, priority: high}", ["TU005"]),
        ("{id: a, kpi: latency, target: p100 <= 1 s, priority: high}", ["TU005"]),
        ("{id: a, kpi: latency, target: p99 <= 250, priority: high}", ["TU004"]),
        ("{id: a, kpi: latency, target: p99 <= 250 parsecs, priority: high}", ["TU003"]),
        ("{id: a, kpi: latency, target: p99 <= 1 s, scope: {}, priority: high}", ["TS006"]),
    ])
    func kpiRules(_ goal: String, _ expected: [String]) {
        let outcome = Support.read(Self.base + "  - " + goal + "\n")
        #expect(outcome.codes == expected, "\(Support.describe(outcome.diagnostics))")
    }
}
