import Testing
import TwinConfig
import TwinEngine
import TwinJSON
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

private typealias F = ViewFixture

/// The network view: topology, pooled figures, traces, snapshot, JSON and CSV.
@Suite struct ViewTests {
    @Test func topologyListsEveryDeviceGatewayEdgeAndLink() throws {
        let config = F.config()
        let view = NetworkView.build(config: config, outcomes: try F.outcomes(config))
        #expect(view.topology.devices.map(\.id) == ["ecg", "spo2", "watch"])
        #expect(view.topology.gateways.map(\.id) == ["phone", "bedside"])
        #expect(view.topology.edges.map(\.id) == ["edge"])
        // Two devices with a backup (2 body links each), one without, two uplinks.
        #expect(view.topology.links.filter { $0.kind == .body }.count == 5)
        #expect(view.topology.links.filter { $0.kind == .uplink }.map(\.from) == ["phone", "bedside"])
        let ecg = try #require(view.topology.device("ecg"))
        // Chest: 0.72 H = 1.26 m up, on the centre line (Winter 2009 proportions).
        #expect(abs(ecg.y.si - 1.26) < 1e-9)
        #expect(ecg.x.si == 0)
        let spo2 = try #require(view.topology.device("spo2"))
        #expect(spo2.x.si > 0, "the left wrist is on the wearer's left (positive x)")
        let bedside = try #require(view.topology.gateways.last)
        #expect(!bedside.onBody)
        #expect(abs(abs(bedside.x.si) - 1.5) < 1e-9, "an off-body hub is drawn at its distance")
        #expect(view.goals.map(\.id) == ["ecg-delivery"], "the network-view application's goals")
    }

    @Test func seriesHaveOneSamplePerIntervalAndBatteryOnlyFalls() throws {
        let config = F.config(horizon: .seconds(120), sampleInterval: .seconds(10))
        let view = NetworkView.build(config: config, outcomes: try F.outcomes(config))
        #expect(view.sampleInterval == .seconds(10))
        let trace = try #require(view.scenarios.first?.trace)
        #expect(trace.replication == 0)
        #expect(trace.times.count == 12)
        #expect(trace.times.first == .seconds(10))
        #expect(trace.times.last == .seconds(120))
        for device in trace.devices {
            for column in [device.deliveryRatio.count, device.rssi.count, device.queue.count, device.batteryLeft.count,
                           device.gateway.count, device.primaryGatewayUp.count, device.latencyMean.count] {
                #expect(column == 12, "\(device.id)")
            }
            let battery = device.batteryLeft.compactMap { $0 }
            #expect(battery.count == 12)
            #expect(zip(battery, battery.dropFirst()).allSatisfy { $0 >= $1 }, "\(device.id): \(battery)")
            #expect(battery.last! < 1 && battery.last! > 0.9)
            #expect(device.gateway.allSatisfy { $0 == "phone" })
        }
    }

    @Test func latencySeriesIsTheWindowMeanOfDeliveredPackets() throws {
        let config = F.config(horizon: .seconds(120), sampleInterval: .seconds(10))
        let outcomes = try F.outcomes(config)
        let view = NetworkView.build(config: config, outcomes: outcomes)
        let trace = try #require(view.scenarios.first?.trace)
        let run = try #require(outcomes.first?.first)
        for device in trace.devices {
            let outcome = try #require(run.devices.first { $0.id == device.id })
            let series = try #require(run.timeSeries?.first { $0.deviceID == device.id })
            let minimum = try #require(outcome.latency.minimum).time.si
            let maximum = try #require(outcome.latency.maximum).time.si
            // A value in every window that delivered a packet, nil in the others.
            for (sample, latency) in zip(series.samples, device.latencyMean) {
                #expect((sample.packetsDelivered > 0) == (latency != nil), "\(device.id) at \(sample.time.seconds) s")
            }
            let values = device.latencyMean.compactMap { $0?.si }
            #expect(!values.isEmpty, "\(device.id)")
            #expect(values.allSatisfy { $0 >= minimum - 1e-9 && $0 <= maximum + 1e-9 }, "\(device.id): \(values)")
        }
    }

    @Test func maximumSamplesStretchesTheIntervalAndTheViewSaysSo() throws {
        let config = F.config(horizon: .seconds(120), sampleInterval: .seconds(10))
        let view = NetworkView.build(config: config, outcomes: try F.outcomes(config, maximumSamples: 4))
        #expect(view.sampleInterval == .seconds(30))
        #expect(view.configuredSampleInterval == .seconds(10))
        #expect(view.scenarios.first?.trace?.times.count == 4)
        #expect(view.jsonValue()["sampleInterval_s"]?.numberValue == 30)
    }

    @Test func pooledFiguresAreConsistentWithTheOutcomes() throws {
        let config = F.config(horizon: .seconds(60), sampleInterval: .seconds(5), replications: 2)
        let outcomes = try F.outcomes(config)
        let view = NetworkView.build(config: config, outcomes: outcomes)
        let scenario = try #require(view.scenarios.first)
        #expect(scenario.replications == 2)
        let ecg = try #require(scenario.device("ecg"))
        let generated = outcomes[0].reduce(0) { $0 + ($1.device("ecg")?.generated ?? 0) }
        #expect(ecg.generated == generated && generated > 1000)
        #expect(try #require(ecg.deliveryRatio) > 0.95)
        let p50 = try #require(ecg.latencyP50), p99 = try #require(ecg.latencyP99)
        #expect(p50 <= p99 && p50.si > 0 && p99.si < 0.25)
        #expect(try #require(ecg.energyLeftRatio) < 1)
        let full = try #require(view.topology.device("ecg")).batteryEnergy
        #expect(abs(try #require(ecg.energyLeft).si - full.si * ecg.energyLeftRatio!) < 1e-9)
        // The primary link carried everything; path loss = TX power − mean RSSI.
        let primary = try #require(scenario.link(device: "ecg", gateway: "phone"))
        let backup = try #require(scenario.link(device: "ecg", gateway: "bedside"))
        #expect(primary.framesSent >= generated && backup.framesSent == 0 && backup.pdr == nil)
        let rssi = try #require(primary.rssi), loss = try #require(primary.pathLoss)
        #expect(abs(loss.dB - (0 - rssi.dBm)) < 1e-9)
        #expect(loss.dB > 30 && loss.dB < 90, "an on-body link at 2.4 GHz: \(loss.dB) dB")
        #expect(try #require(primary.pdr) > 0.9)
        let cdf = try #require(scenario.latencyCDF.first { $0.device == "ecg" })
        #expect(cdf.points.first?.fraction == 0 && cdf.points.last?.fraction == 1)
        #expect(zip(cdf.points, cdf.points.dropFirst()).allSatisfy { $0.latency <= $1.latency })
        #expect(try #require(ecg.meanQueue) >= 0)
    }

    @Test func pdrOfADeviceOnTheFailedGatewayDropsAfterTheFailure() throws {
        let failure = Time.seconds(60)
        let config = F.config(horizon: .seconds(120), sampleInterval: .seconds(5),
                              scenarios: [F.baseline, F.gatewayFailure(at: failure)])
        let view = NetworkView.build(config: config, outcomes: try F.outcomes(config))
        let trace = try #require(view.scenario("phone-down")?.trace)
        let watch = try #require(trace.device("watch"))  // on the phone, no backup
        let before = trace.times.indices.filter { trace.times[$0] <= SimTime(failure) }
        let after = trace.times.indices.filter { trace.times[$0] > SimTime(failure) + .seconds(5) }
        let pdrBefore = before.compactMap { watch.deliveryRatio[$0] }
        #expect(pdrBefore.count == before.count && pdrBefore.allSatisfy { $0 > 0.9 }, "\(pdrBefore)")
        #expect(after.allSatisfy { (watch.deliveryRatio[$0] ?? 0) < 0.5 }, "\(after.map { watch.deliveryRatio[$0] })")
        #expect(after.allSatisfy { watch.primaryGatewayUp[$0] == false && watch.gateway[$0] == nil })
        // A device with a backup fails over to it and keeps delivering.
        let ecg = try #require(trace.device("ecg"))
        #expect(after.allSatisfy { ecg.gateway[$0] == "bedside" && (ecg.deliveryRatio[$0] ?? 0) > 0.5 })
        let scenario = try #require(view.scenario("phone-down"))
        #expect(try #require(scenario.link(device: "ecg", gateway: "bedside")).framesSent > 0)
        // Nothing of the sort in the baseline.
        let baseline = try #require(view.scenario("baseline")?.trace?.device("watch"))
        #expect(after.allSatisfy { (baseline.deliveryRatio[$0] ?? 0) > 0.9 })
    }

    @Test func withoutTimeSeriesTheViewKeepsWhatTheOutcomesKnow() throws {
        let config = F.config(horizon: .seconds(30))
        let outcomes = try simulateScenarios(RunPlan(config: config))
        let view = NetworkView.build(config: config, outcomes: outcomes)
        #expect(view.sampleInterval == config.run.sampleInterval)
        let scenario = try #require(view.scenarios.first)
        #expect(scenario.trace == nil)
        let primary = try #require(scenario.link(device: "ecg", gateway: "phone"))
        #expect(primary.rssi != nil && primary.pdr == nil, "RSSI from the outcome; no frame counts without samples")
        #expect(scenario.device("ecg")?.meanQueue == nil && scenario.device("ecg")?.deliveryRatio != nil)
        #expect(view.locateSnapshot(at: .seconds(10), scenario: nil) == .failure(.noTimeSeries(scenario: "baseline")))
        #expect(view.jsonValue()["scenarios"]?.arrayValue?.first?["series"] == .null)
    }
}
