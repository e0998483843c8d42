import Foundation
import Testing
import TwinConfig
@testable import TwinGenerate
import TwinSpec
import TwinSynthesis
import TwinTestSupport
import TwinUnits
import TwinYAML

/// Every scenario happens in every run: the compiler writes derived event times as
/// shares of the horizon, explicit times only where the intent gave one (`at:`), and
/// refuses an explicit time at or after the intent's horizon (TS021).
@Suite struct ScenarioTimingTests {
    static func config(intentText: String, useCase pair: (String, String)) throws -> TwinConfig {
        let useCase = try BundledDocuments.documents(pair).1
        guard case .intent(let intent) = try BundledDocuments.parse(intentText, file: "intent.yaml") else {
            throw BundledDocuments.LoadError(description: "not an intent")
        }
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        return buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: .builtIn(),
                               defaults: RunDefaults(generator: "tests"))
    }

    static func icuIntent(_ edit: (String) -> String = { $0 }) throws -> String {
        let url = BundledDocuments.repositoryRoot.appendingPathComponent("Intents/icu-monitoring.yaml")
        return edit(try String(contentsOf: url, encoding: .utf8))
    }

    @Test(arguments: BundledDocuments.pairs)
    func derivedEventsStartAQuarterIntoAnyHorizon(_ pair: (String, String)) throws {
        let (intent, useCase) = try BundledDocuments.documents(pair)
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        let config = buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: .builtIn(),
                                     defaults: RunDefaults(generator: "tests"))
        let firsts = config.scenarios.compactMap(\.events.first)
        #expect(!firsts.isEmpty)
        for event in firsts {
            #expect(event.atFraction == 0.25, "\(event.kind)")
            #expect(event.at == config.run.horizon * 0.25)
        }
        // A detection goal's repeated onsets stay shares of the horizon, inside it.
        for event in config.scenarios.flatMap(\.events) {
            let start = try #require(event.atFraction, "\(event.kind)")
            #expect(start >= 0.25 && start + (event.durationFraction ?? 0) <= 0.75 + 1e-12 || event.durationFraction == nil)
        }
        // Security goals are judged only where their threat is active.
        let baseline = try #require(config.scenarios.first { $0.kind == .baseline })
        let security = config.goals.filter(\.kpi.isSecurity).map(\.id)
        #expect(Set(baseline.goals).isDisjoint(with: security))
    }

    @Test func anExplicitTimeInTheIntentIsKeptAsATime() throws {
        let text = try Self.icuIntent {
            $0.replacingOccurrences(of: "    faults: [gateway-failure]", with: "    faults: [gateway-failure]\n    at: 2 h")
        }
        let config = try Self.config(intentText: text, useCase: ("icu-monitoring", "proactive-qa"))
        let failure = try #require(config.scenarios.first { $0.kind == .fault(.gatewayFailure) }?.events.first)
        #expect(failure.atFraction == nil)
        #expect(failure.at == .hours(2))
        #expect(failure.hasExplicitStart)
        let jamming = try #require(config.scenarios.first { $0.kind == .attack(.jamming) }?.events.first)
        #expect(jamming.atFraction == 0.25, "other goals' events keep the share")
    }

    @Test func anExplicitTimeAtOrAfterTheHorizonIsRefused() throws {
        let text = try Self.icuIntent {
            $0.replacingOccurrences(of: "    faults: [gateway-failure]", with: "    faults: [gateway-failure]\n    at: 30 h")
        }
        let parsed = parseYAML(text: text, file: "intent.yaml")
        let document = try #require(parsed.document)
        let diagnostics = readDocument(document).1
        let refused = try #require(diagnostics.first { $0.code == SpecDiagnostics.eventAfterHorizon })
        #expect(refused.message.contains("not before the horizon (1 d)"), "\(refused.message)")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("at: 30 h") }.map { $0 + 1 }
        #expect(refused.range?.start.line == line)
    }

    /// The demo's "jammer detected within 2 s, ≥ 95 %" gets 15 onsets per replication (73
    /// trials for a clean detector to show 95 % at 95 %, over the first batch of 5), spread
    /// over the middle half of the horizon without overlapping; an explicit `at` keeps the
    /// single onset the user placed.
    @Test func aDetectionGoalsThreatStartsSeveralTimesPerReplication() throws {
        let config = try Self.config(intentText: try Self.icuIntent(), useCase: ("icu-monitoring", "proactive-qa"))
        let jamming = try #require(config.scenarios.first { $0.kind == .attack(.jamming) })
        #expect(jamming.events.count == 15)
        #expect(jamming.description.contains("15 detection trials per replication"), "\(jamming.description)")
        #expect(jamming.description.contains("each for 1/60 of the run"), "\(jamming.description)")
        let starts = jamming.events.compactMap(\.atFraction)
        let share: Double = 0.5 / 15
        let expectedStarts: [Double] = (0..<15).map { 0.25 + Double($0) * share }
        #expect(starts == expectedStarts)
        for (event, next) in zip(jamming.events, jamming.events.dropFirst()) {
            #expect(event.durationFraction == share / 2)
            #expect(event.at + (event.duration ?? .zero) < next.at, "onsets must not overlap")
        }
        // Protection goals need no trials: one spoofing attack, as before.
        #expect(config.scenarios.first { $0.kind == .attack(.spoofing) }?.events.count == 1)

        let placed = try Self.icuIntent {
            $0.replacingOccurrences(of: "    threats: [jamming]", with: "    threats: [jamming]\n    at: 2 h")
        }
        let explicit = try Self.config(intentText: placed, useCase: ("icu-monitoring", "proactive-qa"))
        let single = try #require(explicit.scenarios.first { $0.kind == .attack(.jamming) })
        #expect(single.events.count == 1)
        #expect(single.events.first?.at == .hours(2))
    }

    /// design.md's Scenarios table gives each event's length, and a repeated attack as one
    /// phrase (its 15 onsets made one unreadable cell).
    @Test func designDocumentSummarisesRepeatedAttacks() throws {
        let useCase = try BundledDocuments.documents(("icu-monitoring", "proactive-qa")).1
        guard case .intent(let intent) = try BundledDocuments.parse(try Self.icuIntent(), file: "intent.yaml") else {
            Issue.record("not an intent")
            return
        }
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        let config = buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: .builtIn(),
                                     defaults: RunDefaults(generator: "tests"))
        let design = try #require(renderDocuments(GenerationInput(useCase: useCase, intent: intent, plan: plan,
                                                                  config: config))["design.md"])
        #expect(design.contains("| jamming | jamming | 15 × jamming of phone for 24 min, every 48 min from 6 h (25 % of the "
                                + "horizon) to 17.2 h (71.6667 % of the horizon) | detect-jamming |"), "\(design)")
        #expect(design.contains("spoofing of pump at 6 h (25 % of the horizon) for 10 min"))
        #expect(design.contains("gateway-failure of phone at 6 h (25 % of the horizon) |"), "a failure for good has no length")
    }

    @Test(arguments: [(0.95, 15), (0.9, 7), (0.5, 1), (0.99, 20), (0.999, 20)])
    func onsetsGrowWithTheDetectionTarget(_ target: Double, _ onsets: Int) {
        let goal = GoalConfig(id: "detect", kpi: .securityDetect, priority: .critical,
                              threshold: Threshold(op: .greaterOrEqual, bound: Quantity(target, .ratio)),
                              devices: [], threats: [.jamming], faults: [], within: .seconds(2), securityLevel: nil)
        #expect(AttackOnsets.count(for: [goal]) == onsets)
        #expect(AttackOnsets.count(for: []) == 1)
    }
}

