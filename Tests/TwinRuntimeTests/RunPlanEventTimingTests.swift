import Testing
import TwinConfig
import TwinRuntime
import TwinTestSupport
import TwinUnits

/// `RunPlan` places events given as shares of the horizon into the horizon actually run
/// and lists explicit times that run does not reach (the driver refuses them, TR006).
@Suite struct RunPlanEventTimingTests {
    static func config(_ events: [ScenarioEvent]) -> TwinConfig {
        RunFixture.config(scenarios: [ScenarioConfig(id: "faults", kind: .fault(.gatewayFailure), description: "",
                                                     goals: [], events: events)],
                          horizon: .hours(24))
    }

    static let quarter = ScenarioEvent(at: .hours(6), kind: .fault(.gatewayFailure), target: "hub", duration: nil,
                                       parameters: [:], atFraction: 0.25)
    static let walk = ScenarioEvent(at: .hours(6), kind: .fault(.postureChange), target: "walking", duration: .hours(6),
                                    parameters: [:], atFraction: 0.25, durationFraction: 0.25)
    static let explicit = ScenarioEvent(at: .hours(2), kind: .fault(.gatewayFailure), target: "hub", duration: nil,
                                        parameters: [:])

    @Test func sharesOfTheHorizonFollowAnOverriddenHorizon() {
        let plan = RunPlan(config: Self.config([Self.quarter, Self.walk]), overrides: RunOverrides(horizon: .hours(1)))
        let events = plan.config.scenarios[0].events
        #expect(events[0].at == .seconds(900))
        #expect(events[1].at == .seconds(900))
        #expect(events[1].duration == .seconds(900))
        #expect(plan.eventsOutsideRun.isEmpty)
        let full = RunPlan(config: Self.config([Self.quarter]))
        #expect(full.config.scenarios[0].events[0].at == .hours(6))
    }

    @Test func explicitTimesStayAndAreListedWhenTheRunIsTooShort() {
        let long = RunPlan(config: Self.config([Self.quarter, Self.explicit]))
        #expect(long.eventsOutsideRun.isEmpty)
        let short = RunPlan(config: Self.config([Self.quarter, Self.explicit]), overrides: RunOverrides(horizon: .hours(1)))
        #expect(short.config.scenarios[0].events[1].at == .hours(2), "an explicit time does not move")
        #expect(short.eventsOutsideRun.map(\.eventIndex) == [1])
        #expect(short.eventsOutsideRun.first?.scenarioID == "faults")
    }

    @Test func twinJSONKeepsTheShareAndReadsItBack() throws {
        let config = Self.config([Self.quarter, Self.walk, Self.explicit])
        let text = config.canonicalJSON()
        #expect(text.contains("\"at_fraction\": 0.25") && text.contains("\"duration_fraction\": 0.25"))
        #expect(text.contains("\"at_s\": 7200"))
        #expect(!text.contains("\"at_s\": 21600"), "a share is written once, as a share")
        let read = TwinConfig.read(text: text, file: "twin.json")
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        #expect(read.config == config)
    }

    @Test func bothFormsOfOneTimeAreRefused() throws {
        let text = Self.config([Self.quarter]).canonicalJSON()
            .replacingOccurrences(of: "\"at_fraction\": 0.25", with: "\"at_fraction\": 0.25, \"at_s\": 60")
        let read = TwinConfig.read(text: text, file: "twin.json")
        #expect(read.config == nil)
        #expect(read.diagnostics.contains { $0.message.contains("at_s` or") && $0.message.contains("not both") }, "\(read.diagnostics.map(\.message))")
        let late = Self.config([Self.quarter]).canonicalJSON()
            .replacingOccurrences(of: "\"at_fraction\": 0.25", with: "\"at_fraction\": 1.5")
        #expect(TwinConfig.read(text: late, file: "twin.json").config == nil)
    }
}
