import Foundation
import Testing
import TwinConfig
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

/// The bottleneck lines of the goals measured on faults and attacks, on the demo twin's
/// configuration with hand-made results: why a recovery takes hours (the backup
/// gateway's reach against the wearer's postures) and which attack onsets a detector
/// missed or caught late, and why.
@Suite struct BottleneckFaultTests {
    static func demo() throws -> TwinConfig {
        let url = BundledDocuments.repositoryRoot.appendingPathComponent("Generated/icu-monitoring/twin.json")
        return try #require(TwinConfig.read(text: try String(contentsOf: url, encoding: .utf8), file: url.path).config)
    }

    private func scenario(_ id: String, _ kind: ScenarioKind, _ result: GoalResult) -> ScenarioReport {
        ScenarioReport(id: id, kind: kind, description: "", goals: [result], devices: [], eventsHandled: 0, replications: 2)
    }

    private func recovery(_ config: TwinConfig) throws -> Bottleneck {
        let goal = try #require(config.goals.first { $0.id == "survive-gateway-loss" })
        // What the demo's 24 h run saw: `temp` back within 2 s in one replication, after
        // 2.2 h (its posture held) in the other.
        let result = GoalResult(goalID: goal.id, kpi: goal.kpi, priority: goal.priority, threshold: goal.threshold,
                                samples: [2.06, 7938], value: nil, verdict: .notMet, limitingDevice: "temp", note: nil)
        return try #require(BottleneckFinder.find(goal: goal, config: config,
                                                  scenario: scenario("gateway-failure-phone", .fault(.gatewayFailure), result)))
    }

    /// The temperature patch transmits at −12 dBm; 1.5 m off the body the bedside hub
    /// loses 59.2 dB on average and hears down to −87 dBm: 15.8 dB of margin, which the
    /// ward patient's lying bout (shadow 33 dB ± 7.5 dB, held 2.2 h on average; twin.json's
    /// activity) with the link's 4 dB shadowing and the 2 dB fade exceeds about 98 % of
    /// the time: Q((15.8 − 33)/√(7.5² + 4² + 2²)) = 0.98.
    @Test func aSlowRecoveryNamesTheBackupGatewaysReachAgainstThePosture() throws {
        let found = try recovery(try Self.demo())
        #expect(found.summary.contains("1 of 2 replications above 5 s): its other gateway `bedside-hub` is in reach by "
                                       + "15.8 dB on average (-12 dBm"), "\(found.summary)")
        #expect(found.summary.contains("lying adds 33 dB ± 7.5 dB for as long as the wearer holds the posture (2.198 h "
                                       + "on average, activity `ward-patient`; the shadow was measured on on-body links "
                                       + "(Smith et al. 2011) and twinc applies it to this off-body link too, a modelling "
                                       + "shortcut)"), "\(found.summary)")
        #expect(found.summary.contains("in about 98 % of that posture its frames miss `bedside-hub` until the posture "
                                       + "changes (a model effect, not a failover fault)"))
        #expect(found.summary.contains("`temp.tx-power`"))
    }

    /// At 0 dBm the margin is 27.8 dB: a wearer who never lies (the demo's activity
    /// without its lying bouts: sitting N(0, 5 dB) is the deepest still shadow) loses the
    /// link in under 1 % of sitting, so a slow recovery is not blamed on the posture.
    /// (Asleep, 27.8 dB still fails 73 % of the time.)
    @Test func aComfortableMarginBlamesNoPosture() throws {
        var config = try Self.demo()
        let index = try #require(config.network.devices.firstIndex { $0.id == "temp" })
        config.network.devices[index].radio.txPower = PowerLevel(dBm: 0)
        var activity = try #require(config.activity)
        activity.postures.removeAll { $0.posture == .lying }
        for i in activity.postures.indices {
            activity.postures[i].transitionsPerDay[.lying] = nil
            if activity.postures[i].posture == .sitting { activity.postures[i].share += 0.7327586206896552 }
        }
        config.activity = activity
        let found = try recovery(config)
        #expect(!found.summary.contains("posture"), "\(found.summary)")
        #expect(found.summary.hasSuffix("1 of 2 replications above 5 s)"))
    }

    private func detection(_ onsets: [OnsetDetection], config: TwinConfig) throws -> Bottleneck {
        let goal = try #require(config.goals.first { $0.id == "detect-jamming" })
        var result = GoalResult(goalID: goal.id, kpi: goal.kpi, priority: goal.priority, threshold: goal.threshold,
                                samples: [0.75, 1], value: nil, verdict: .notMet, limitingDevice: nil, note: nil)
        result.onsets = onsets
        return try #require(BottleneckFinder.find(goal: goal, config: config, scenario: scenario("jamming", .attack(.jamming), result)))
    }

    private func onset(_ index: Int, inTime: Int, late: Int, missed: Int, slowest: Double?, tick: Double = 1) -> OnsetDetection {
        OnsetDetection(eventIndex: index, kind: .attack(.jamming), target: "phone", at: .hours(6 + 1.5 * Double(index)),
                       started: inTime + late + missed, inTime: inTime, late: late, missed: missed,
                       slowest: slowest.map(Time.seconds), signals: ["noise-rise"], detectorTick: .seconds(tick))
    }

    /// Two replications of 8 onsets: onset 3 missed twice, onset 5 late once (the
    /// detector ticks every 1.5 s, so two ticks exceed `within` 2 s).
    @Test func anUnmetDetectionGoalNamesTheOnsetsMissedOrLateAndWhy() throws {
        let config = try Self.demo()
        var onsets = (0..<8).map { onset($0, inTime: 2, late: 0, missed: 0, slowest: 1.2, tick: 1.5) }
        onsets[2] = onset(2, inTime: 0, late: 0, missed: 2, slowest: nil, tick: 1.5)
        onsets[4] = onset(4, inTime: 1, late: 1, missed: 0, slowest: 2.9, tick: 1.5)
        let found = try detection(onsets, config: config)
        #expect(found.summary.hasPrefix("of the 16 attack onsets in `jamming`, 2 missed and 1 detected after within 2 s"),
                "\(found.summary)")
        #expect(found.parts.first?.hop == "onset 3 at 9 h (jamming at `phone`)" && found.parts.first?.cause == "missed")
        #expect(found.parts.map(\.amount).reduce(0, +) == 3)
        #expect(found.summary.contains("decides once every 1.5 s (the monitor tick), so a detection can take two ticks, 3 s"))
        // −77 dBm at the phone over a −104 dBm noise floor: a 27 dB rise, far above 6 dB.
        #expect(found.summary.contains("reaches `phone` at -77 dBm, a 27 dB rise over its receivers' noise floor (-104 dBm)"))
    }

    @Test func everyOnsetDetectedSaysTheVerdictWaitsOnMoreOnsets() throws {
        let found = try detection((0..<8).map { onset($0, inTime: 2, late: 0, missed: 0, slowest: 1.4) },
                                  config: try Self.demo())
        #expect(found.summary == "every one of the 16 attack onsets in `jamming` was detected within 2 s (slowest 1.4 s): "
                + "the verdict waits on more onsets, not on the detector")
    }
}
