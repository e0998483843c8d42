import Foundation
import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

/// The aggregate representation of the demo's AR-glasses flow against the packet level
/// it replaces: the demo twin run both ways (ten simulated minutes, the scenario events
/// and their durations scaled to it), every goal's KPI and every device's average
/// current (its energy over the run) must fall within the packet-level run's 95 %
/// interval, and the flow's own counters within a few percent of the packet level's.
@Suite struct AggregateFlowValidationTests {
    private static let horizon = Time.seconds(600)

    /// The checked-in demo twin, shortened to `horizon`, with the AR flow as `representation`.
    private func demo(_ representation: FlowRepresentation) throws -> TwinConfig {
        let url = BundledDocuments.repositoryRoot.appendingPathComponent("Generated/icu-monitoring/twin.json")
        let read = TwinConfig.read(text: try String(contentsOf: url, encoding: .utf8), file: url.path)
        var config = try #require(read.config)
        #expect(config.network.devices.first { $0.id == "ar" }?.traffic.representation == .aggregate,
                "the compiler chose the aggregate representation for the AR glasses")
        let scale = Self.horizon.si / config.run.horizon.si
        config.run.horizon = Self.horizon
        for scenario in config.scenarios.indices {
            for event in config.scenarios[scenario].events.indices {
                config.scenarios[scenario].events[event].at = config.scenarios[scenario].events[event].at * scale
                config.scenarios[scenario].events[event].duration = config.scenarios[scenario].events[event].duration
                    .map { $0 * scale }
            }
        }
        for device in config.network.devices.indices where config.network.devices[device].id == "ar" {
            config.network.devices[device].traffic.representation = representation
        }
        return config
    }

    private func run(_ representation: FlowRepresentation) throws -> RunReport {
        let plan = RunPlan(RunRequest(config: try demo(representation), overrides: RunOverrides(replications: 5)))
        return try runTwin(plan, options: RunOptions(maximumConcurrency: 2))
    }

    private func within(_ value: Double?, _ interval: Estimate?, slack: Double = 1e-9) -> Bool {
        guard let value, let interval else { return value == nil && interval == nil }
        let lower = interval.lower ?? interval.point, upper = interval.upper ?? .infinity
        let tolerance = slack * Swift.max(1, abs(interval.point))
        return value >= lower - tolerance && value <= upper + tolerance
    }

    @Test func theDemoGivesTheSameAnswersWithTheARFlowInAggregate() throws {
        let packet = try run(.packet), aggregate = try run(.aggregate)
        for (exact, fast) in zip(packet.scenarios, aggregate.scenarios) {
            for (goal, fastGoal) in zip(exact.goals, fast.goals) {
                #expect(within(fastGoal.value?.point, goal.value),
                        "\(exact.id) \(goal.goalID): \(String(describing: fastGoal.value)) vs \(String(describing: goal.value))")
                #expect(fastGoal.verdict == goal.verdict, "\(exact.id) \(goal.goalID)")
            }
            for (device, fastDevice) in zip(exact.devices, fast.devices) {
                #expect(within(fastDevice.averageCurrent?.point, device.averageCurrent),
                        "\(exact.id) \(device.id) current: \(String(describing: fastDevice.averageCurrent)) vs \(String(describing: device.averageCurrent))")
            }
            let glasses = try #require(exact.devices.first { $0.id == "ar" })
            let fastGlasses = try #require(fast.devices.first { $0.id == "ar" })
            #expect(fastGlasses.generated == glasses.generated)
            #expect(abs(fastGlasses.energy.transmit.si / glasses.energy.transmit.si - 1) < 0.02,
                    "\(exact.id): transmit energy \(fastGlasses.energy.transmit) vs \(glasses.energy.transmit)")
            #expect(within(fastGlasses.deliveryRatio?.point, glasses.deliveryRatio, slack: 0.005),
                    "\(exact.id): AR delivery \(String(describing: fastGlasses.deliveryRatio)) vs \(String(describing: glasses.deliveryRatio))")
        }
    }
}
