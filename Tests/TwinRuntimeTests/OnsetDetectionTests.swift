import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// What a `security-detect` goal's onsets did over the replications (`OnsetDetection`).
@Suite struct OnsetDetectionTests {
    private func outcome(_ replication: Int, _ attacks: [AttackDetection]) -> ReplicationOutcome {
        ReplicationOutcome(scenarioID: "jamming", replication: replication, seed: 1, horizon: .seconds(3600), warmup: .zero,
                           devices: [], gateways: [], events: [], attacks: attacks, timeSeries: nil, eventsHandled: 0)
    }

    private func attack(_ index: Int, at start: Int64, detectedAfter delay: Int64?, kind: ScenarioEventKind = .attack(.jamming)) -> AttackDetection {
        AttackDetection(eventIndex: index, kind: kind, target: "hub", startedAt: .seconds(start),
                        detectedAt: delay.map { .seconds(start + $0) }, signal: delay == nil ? nil : .noiseFloorRise,
                        falseAlarms: 0)
    }

    /// Onset 1 caught in 1 s twice; onset 2 caught after 3 s once (late against 2 s) and
    /// missed once; the spoofing attack is not the goal's threat and is left out.
    @Test func onsetsCountInTimeLateAndMissedPerEvent() {
        let config = F.config(devices: [F.device("d")])
        let goal = GoalConfig(id: "detect", kpi: .securityDetect, priority: .critical,
                              threshold: RunFixture.threshold(">= 95 %", .ratio), devices: [], threats: [.jamming],
                              faults: [], within: .seconds(2), securityLevel: nil)
        let measurer = GoalMeasurer(goal: goal, kpi: .securityDetect, threshold: goal.threshold, config: config)
        let outcomes = [
            outcome(0, [attack(0, at: 100, detectedAfter: 1), attack(1, at: 200, detectedAfter: 3),
                        attack(2, at: 300, detectedAfter: nil, kind: .attack(.spoofing))]),
            outcome(1, [attack(0, at: 100, detectedAfter: 1), attack(1, at: 200, detectedAfter: nil)]),
        ]
        let onsets = OnsetDetection.summarise(outcomes, measurer: measurer, sampleInterval: .seconds(1),
                                              runHorizon: .seconds(1000))
        #expect(onsets.map(\.eventIndex) == [0, 1])
        #expect(onsets[0].started == 2 && onsets[0].inTime == 2 && onsets[0].late == 0 && onsets[0].missed == 0)
        #expect(onsets[1].started == 2 && onsets[1].inTime == 0 && onsets[1].late == 1 && onsets[1].missed == 1)
        #expect(onsets[1].slowest == .seconds(3) && onsets[1].signals == ["noise-rise"])
        #expect(onsets[1].at == .seconds(200) && onsets[1].detectorTick == .seconds(1))
        // The tick is the run's (a week: 604800 s / 100000), also for replications that
        // report a stop where their goals settled as their horizon.
        let week = OnsetDetection.summarise(outcomes, measurer: measurer, sampleInterval: .seconds(1),
                                            runHorizon: .seconds(604_800))
        #expect(week.allSatisfy { abs($0.detectorTick.si - 6.048) < 1e-9 })
    }
}
