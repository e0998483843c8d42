import Foundation
import Testing
import TwinDiagnostics
@testable import TwinSweep

/// A sweep is refused at plan time, with a located diagnostic, when it names a knob,
/// value, intent, goal or scenario the twins do not have; a sound one expands into the
/// same content-addressed shards every time.
@Suite struct SweepPlanTests {
    @Test func aBadKnobNameIsRefusedAtItsValueWithTheNearestKnob() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let path = try fixture.sweep("""
            twins: [\(SweepFixture.demoTwin)]
            knobs:
              - knob: ecg.tx-powr
            """)
        let result = planSweep(file: path)
        #expect(result.plan == nil)
        let diagnostic = try #require(result.diagnostics.first { $0.code == SweepDiagnostics.unknownKnob })
        #expect(diagnostic.range?.start.line == 6)
        #expect(diagnostic.range?.start.column == 11)
        #expect(diagnostic.notes.contains { $0.message.contains("did you mean `ecg.tx-power`?") })
        #expect(result.exitStatus == .dataError)
    }

    @Test func aValueTheKnobDoesNotListIsRefusedAtTheValue() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let path = try fixture.sweep("""
            twins: [\(SweepFixture.demoTwin)]
            knobs:
              - knob: ecg.tx-power
                values: [-12, 5]
              - knob: pump.period
                from: 100
            """)
        let result = planSweep(file: path)
        #expect(result.plan == nil)
        let value = try #require(result.diagnostics.first { $0.code == SweepDiagnostics.valueOutOfRange && $0.message.contains("5") })
        #expect(value.range?.start.line == 7)
        #expect(value.range?.start.column == 19)
        #expect(value.notes.contains { $0.message.contains("-18, -12, -6, 0 dBm") })
        #expect(result.diagnostics.contains { $0.code == SweepDiagnostics.valueOutOfRange && $0.range?.start.line == 9 })
    }

    @Test func anUnknownIntentIsRefusedAtItsEntry() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let path = try fixture.sweep("""
            intents: [\(SweepFixture.repository.path)/Intents/icu-monitorin.yaml]
            knobs:
              - knob: ecg.tx-power
            """)
        let result = planSweep(file: path)
        #expect(result.plan == nil)
        let diagnostic = try #require(result.diagnostics.first { $0.code == SweepDiagnostics.unknownSource })
        #expect(diagnostic.range?.start.line == 4)
        #expect(diagnostic.notes.contains { $0.message.contains("icu-monitoring.yaml") })
    }

    @Test func unknownGoalsScenariosAndKeysAreAllReported() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let path = try fixture.sweep("""
            twins: [\(SweepFixture.demoTwin)]
            knobs:
              - knob: ecg.tx-power
            scenarios: [baselin]
            collect: [ecg-delivery, pump-lifetme]
            """)
        let result = planSweep(file: path)
        #expect(result.diagnostics.contains { $0.code == SweepDiagnostics.unknownScenario && $0.range?.start.line == 7 })
        #expect(result.diagnostics.contains { $0.code == SweepDiagnostics.unknownGoal && $0.range?.start.line == 8 })

        let typo = try fixture.sweep("twins: [x]\nknobs:\n  - knob: a\n    valeus: [1]\npoints: 3\n", name: "typo.yaml")
        let read = planSweep(file: typo)
        #expect(read.diagnostics.contains { $0.message.contains("unknown key `valeus`") && $0.range?.start.line == 7 })
        #expect(read.diagnostics.contains { $0.code == SweepDiagnostics.inconsistentDesign && $0.message.contains("`points`") })
    }

    @Test func planningTheSameSweepTwiceGivesTheSameShardIds() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let path = try fixture.smallSweep()
        let first = try #require(planSweep(file: path).plan)
        let second = try #require(planSweep(file: path).plan)
        #expect(first.shards.count == 4)
        #expect(first == second)
        #expect(Set(first.shards.map(\.id)).count == 4)
        #expect(first.pareto == [ParetoAxis(goal: "ecg-delivery", maximise: true), ParetoAxis(goal: "pump-lifetime", maximise: true)])
        // A different horizon is a different run: every id changes.
        let longer = try fixture.smallSweep(horizon: "2 min", name: "longer.yaml")
        let other = try #require(planSweep(file: longer).plan)
        #expect(Set(other.shards.map(\.id)).isDisjoint(with: first.shards.map(\.id)))
    }

    @Test func aLatinHypercubeUsesEveryStratumOfEachKnobOnce() {
        let points = DesignPoints.latinHypercube([4, 10], points: 10, seed: 7)
        #expect(points.count == 10)
        #expect(Set(points.map { $0[1] }) == Set(0..<10))
        for value in 0..<4 { #expect(points.filter { $0[0] == value }.count >= 2) }
        #expect(points == DesignPoints.latinHypercube([4, 10], points: 10, seed: 7))
        #expect(points != DesignPoints.latinHypercube([4, 10], points: 10, seed: 8))
        #expect(DesignPoints.grid([2, 3], limit: 100) == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
        #expect(DesignPoints.grid([1000, 1000], limit: 100_000) == nil)
    }
}
