import Foundation
import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Loss attribution adds up and names the right hop: every packet generated after the
/// warm-up is delivered on time, or attributed to exactly one cause on one hop, so per
/// device the causes sum to generated − delivered on time.
@Suite struct LossAttributionTests {
    /// A busy hub (six CSMA/CA devices, a tight budget for half of them) behind an
    /// uplink that is up 90 % of the time: collisions, fading, late packets and uplink
    /// outages all occur.
    static func lossyConfig() -> TwinConfig {
        let devices = (0..<6).map { index in
            F.device("d\(index)", placement: [Placement.chest, .wristLeft, .ankleRight][index % 3],
                     interval: .milliseconds(20), latency: index % 2 == 0 ? .milliseconds(5) : .milliseconds(250),
                     retries: 1)
        }
        var config = F.config(devices: devices, horizon: .seconds(20), latency: .milliseconds(3), availability: 0.9)
        config.goals = [GoalConfig(id: "delivery", kpi: .deliveryRatio, priority: .critical,
                                   threshold: RunFixture.threshold(">= 99.9 %", .ratio), devices: ["d1"], threats: [],
                                   faults: [], within: nil, securityLevel: nil)]
        config.scenarios = [ScenarioConfig(id: "baseline", kind: .baseline, description: "", goals: ["delivery"],
                                           events: [])]
        config.run.replications = 2
        return config
    }

    @Test func causesSumToGeneratedMinusOnTimeForEveryDevice() throws {
        let report = try runTwin(RunPlan(config: Self.lossyConfig()))
        let devices = try #require(report.scenarios.first?.devices)
        var causes = Set<LossCause>()
        for device in devices {
            let losses = device.losses
            let sum = losses.reduce(0) { $0 + $1.packets }
            #expect(abs(sum - (device.generated - device.onTime)) < 1e-9,
                    "\(device.id): causes \(sum) vs generated − on time \(device.generated - device.onTime)")
            #expect(losses.allSatisfy { $0.packets > 0 && $0.share > 0 && $0.share <= 1 })
            #expect(zip(losses, losses.dropFirst()).allSatisfy { $0.packets >= $1.packets }, "largest first")
            causes.formUnion(losses.map(\.cause))
        }
        #expect(causes.contains(.uplinkOutage) && causes.contains(.late))
        #expect(causes.contains(.collision) || causes.contains(.channelFade))
        #expect(!causes.contains(.gatewayDown), "an uplink outage is not a gateway down")
    }

    /// The demo's AR glasses run in aggregate (expected counts rounded to whole frames):
    /// their causes add up too. Before the carried fractions were settled at the flow's
    /// end, 2 simulated minutes left 1.5 frames a replication (3546.5 generated − on time
    /// against 3545 attributed).
    @Test func anAggregateFlowsCausesAddUpToo() throws {
        let url = BundledDocuments.repositoryRoot.appendingPathComponent("Generated/icu-monitoring/twin.json")
        let config = try #require(TwinConfig.read(text: try String(contentsOf: url, encoding: .utf8), file: url.path).config)
        #expect(config.network.devices.first { $0.id == "ar" }?.traffic.representation == .aggregate)
        let plan = RunPlan(RunRequest(config: config, overrides: RunOverrides(horizon: .seconds(120), replications: 2)))
        let report = try runTwin(plan, options: RunOptions(maximumConcurrency: 2))
        for scenario in report.scenarios {
            let glasses = try #require(scenario.devices.first { $0.id == "ar" })
            let sum = glasses.losses.reduce(0) { $0 + $1.packets }
            #expect(sum > 0 && abs(sum - (glasses.generated - glasses.onTime)) < 1e-9,
                    "\(scenario.id): causes \(sum) vs generated − on time \(glasses.generated - glasses.onTime)")
        }
    }

    @Test func anUnavailableUplinkIsTheLimitingHop() throws {
        var config = Self.lossyConfig()
        config.network.links = config.network.links.map { link in
            var lossy = link
            lossy.availability = .fraction(0.5)
            return lossy
        }
        config.network.devices = config.network.devices.map { device in
            var relaxed = device
            relaxed.traffic.interval = .milliseconds(500)
            relaxed.traffic.latencyBudget = .seconds(1)
            return relaxed
        }
        let report = try runTwin(RunPlan(config: config))
        let goal = try #require(report.scenarios.first?.goals.first)
        let loss = try #require(goal.limitingLoss)
        #expect(loss.device == "d1" && loss.cause == .uplinkOutage && loss.hop == .gatewayToEdge)
        #expect(loss.share > 0.5)
    }

    @Test func theUplinkCountsWhatItWasOfferedAndForwarded() throws {
        let config = Self.lossyConfig()
        let outcome = try simulate(config: config, scenario: F.baseline, replication: 0)
        let hub = try #require(outcome.gateway("hub"))
        #expect(hub.uplinkOffered > hub.framesForwarded && hub.framesForwarded > 0)
        let ratio = Double(hub.framesForwarded) / Double(hub.uplinkOffered)
        #expect(abs(ratio - 0.9) < 0.03, "availability 90 %: \(ratio)")
        #expect(hub.uplinkDelayMaximum >= SimTime(.milliseconds(3)))
        let mean = hub.uplinkDelayTotal.time.si / Double(hub.framesForwarded)
        #expect(mean >= 0.003 && mean < 0.004, "link latency 3 ms ± 10 % jitter: \(mean)")
    }

    @Test func aFailedLastAttemptIsLabelledByWhatFailedIt() {
        var packet = ComponentFixture.packet(at: .seconds(1))
        #expect(packet.retriesExhaustedReason == .channelFade)
        packet.lastAttemptCollided = true
        #expect(packet.retriesExhaustedReason == .collision)
        packet.lastAttemptGatewayDown = true
        #expect(packet.retriesExhaustedReason == .noGatewayReachable)
        #expect(LossCause(.noGatewayReachable).hop == .deviceToGateway)
        #expect(LossCause(.uplinkOutage).hop == .gatewayToEdge)
        #expect(LossCause.late.hop == .endToEnd)
    }
}
