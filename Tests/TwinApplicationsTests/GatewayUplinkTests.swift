import Testing
import TwinConfig
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// The gateway → edge delay is one model (`GatewayUplink`) shared by the runtime, the
/// energy what-if's latency bound and the optimiser's device estimate.
@Suite struct GatewayUplinkTests {
    /// The apps fixture with an edge → cloud link of 50 ms listed *before* the hub's
    /// 5 ms ± 2 ms link to the edge, and 1 ms of edge processing.
    private func config(edgeLinkFirst: Bool = true) -> TwinConfig {
        var config = AppsFixture.config(devices: [AppsFixture.device("ecg")], scenarios: [AppsFixture.scenario("baseline", [])])
        let toEdge = LinkConfig(from: "hub", to: "edge", technology: .ethernet, latency: .milliseconds(5),
                                jitter: .milliseconds(2), rate: .zero, availability: .fraction(1))
        let toCloud = LinkConfig(from: "edge", to: "cloud", technology: .ethernet, latency: .milliseconds(50),
                                 jitter: .milliseconds(10), rate: .zero, availability: .fraction(1))
        config.network.links = edgeLinkFirst ? [toCloud, toEdge] : [toEdge, toCloud]
        config.network.edges = [EdgeConfig(id: "edge", tier: .extremeMEC, processingLatency: .milliseconds(1)),
                                EdgeConfig(id: "cloud", tier: .cloud, processingLatency: .milliseconds(20))]
        return config
    }

    @Test func theUplinkIsTheGatewaysLinkToItsEdge() throws {
        let config = config()
        let uplink = try #require(GatewayUplink(gatewayID: "hub", network: config.network))
        #expect(uplink.edgeID == "edge")
        #expect(abs(uplink.latency.si - 0.005) < 1e-15 && abs(uplink.jitter.si - 0.002) < 1e-15)
        #expect(abs(uplink.processing.si - 0.001) < 1e-15)
        #expect(GatewayUplink(gatewayID: "nowhere", network: config.network) == nil)
    }

    @Test func theOptimiserUsesTheGatewayToEdgeLatencyWhateverTheLinkOrder() throws {
        func estimate(_ config: TwinConfig) -> DeviceEstimate {
            DeviceEstimate(device: config.network.devices[0], config: config, postures: [(.standing, 1)],
                           useCastaliaMap: false)
        }
        let first = estimate(config(edgeLinkFirst: true)), last = estimate(config(edgeLinkFirst: false))
        let plain = estimate(AppsFixture.config(devices: [AppsFixture.device("ecg")],
                                                scenarios: [AppsFixture.scenario("baseline", [])]))
        #expect(first.fixedLatency == last.fixedLatency)
        // 5 ms of link and 1 ms of edge processing over the ideal fixture link, not the 50 ms to the cloud.
        #expect(abs((first.fixedLatency - plain.fixedLatency).si - 0.006) < 1e-12)
        #expect(first.jitter == .milliseconds(2))
        // The jitter widens the latency distribution both ways and leaves its mean.
        let mean = try #require(first.latency(.mean)), plainMean = try #require(plain.latency(.mean))
        #expect(abs((mean - plainMean).si - 0.006) < 1e-12)
        let minimum = try #require(first.latency(.min)), maximum = try #require(first.latency(.max))
        #expect(abs(minimum.si - (first.fixedLatency.si - 0.002)) < 1e-12)
        let plainMax = try #require(plain.latency(.max))
        #expect(maximum.si > plainMax.si + 0.006 && maximum.si < plainMax.si + 0.008 + 1e-6, "\(maximum.si - plainMax.si)")
        let median = try #require(first.latency(.percentile(50))), plainMedian = try #require(plain.latency(.percentile(50)))
        #expect(abs((median - plainMedian).si - 0.006) < 1e-6)
    }

    @Test func theLatencyBoundAddsTheWorstJitter() throws {
        let config = config()
        let check = OtherGoalCheck(config: config, report: OptimiserFixture.emptyReport(config))
        let ideal = AppsFixture.config(devices: [AppsFixture.device("ecg")], scenarios: [AppsFixture.scenario("baseline", [])])
        let idealCheck = OtherGoalCheck(config: ideal, report: OptimiserFixture.emptyReport(ideal))
        let bound = try #require(check.latencyBound(config.network.devices[0]))
        let idealBound = try #require(idealCheck.latencyBound(ideal.network.devices[0]))
        #expect(abs(bound - idealBound - 0.008) < 1e-12)
    }
}
