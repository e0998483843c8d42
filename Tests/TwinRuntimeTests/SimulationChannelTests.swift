import Foundation
import Testing
import TwinConfig
import TwinModels
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// The channel the frames see: which path-loss model serves a link, posture fading,
/// and the PHY's sensitivity.
@Suite struct SimulationChannelTests {
    static func levels(models: [String], events: [ScenarioEvent] = [], placement: Placement = .wristLeft,
                       txPower: Double = 0) throws -> DeviceOutcome {
        let device = F.device("sensor", placement: placement, radio: F.narrowbandRadio(txPower: txPower),
                              interval: .milliseconds(100), retries: 0)
        let config = F.config(devices: [device], gateways: [F.gateway("hub", placement: .chest)],
                              horizon: .seconds(60), models: models)
        return try #require(try simulate(config: config, scenario: F.scenario(events), replication: 0).device("sensor"))
    }

    /// Both ends at NICTA map positions: Castalia's measured 61 dB (left wrist → chest)
    /// when the plan chose the map, CM3 at the placement distance otherwise — with the
    /// same shadowing draw, so the levels differ by exactly the two mean losses.
    @Test func castaliaMapReplacesCM3WhenChosen() throws {
        let cm3 = try Self.levels(models: [])
        let map = try Self.levels(models: ["castalia-pathloss-map"])
        let distance = try #require(BodyGeometry.distance(.wristLeft, .chest))
        let cm3Loss = OnBodyCM3.hospital2400MHz.meanLoss(at: distance).dB
        let mapLoss = try #require(CastaliaPathLossMap.averageLoss(.leftWrist, .chest)).dB
        #expect(abs((map.rssi.mean - cm3.rssi.mean) - (cm3Loss - mapLoss)) < 1e-9)
        // No posture model: the level is static.
        #expect(cm3.rssi.minimum == cm3.rssi.maximum)
    }

    /// Running fades the link with Castalia's NICTA distribution (mean −4.03 dB in dB,
    /// from −31.7 dB at the 0.5 % quantile to +13 dB) at a 50 ms coherence time
    /// (`ActivityFading.running`), so 600 frames 100 ms apart span over 20 dB around a
    /// mean about 4 dB below the still level.
    @Test func runningPostureFadesTheLink() throws {
        let still = try Self.levels(models: [])
        let running = try Self.levels(models: [], events: [F.event(.fault(.postureChange), "running", at: .zero,
                                                                    duration: .seconds(60))])
        let drop = still.rssi.mean - running.rssi.mean
        #expect(drop > 2.5 && drop < 6, "mean extra loss \(drop) dB")
        #expect(running.rssi.maximum - running.rssi.minimum > 20)
        #expect(still.dropped.exhaustedRetries == 0)
    }

    /// The posture chain (when chosen) moves the wearer: the level is no longer static.
    @Test func postureChainVariesTheLevel() throws {
        let device = F.device("sensor", placement: .wristLeft, interval: .seconds(1))
        let config = F.config(devices: [device], horizon: .hours(6), models: ["posture-fading"],
                              sampleInterval: .seconds(60))
        let outcome = try simulate(config: config, scenario: F.baseline, replication: 0)
        let rssi = try #require(outcome.device("sensor")).rssi
        #expect(rssi.maximum - rssi.minimum > 10)
    }

    /// Link degradation adds its loss for its duration only.
    @Test func linkDegradationIsTemporary() throws {
        let fade = [F.event(.fault(.linkDegradation), "sensor", at: .seconds(20), duration: .seconds(10), ["extra_loss_dB": 40])]
        let result = try Self.levels(models: [], events: fade)
        let clean = try Self.levels(models: [])
        #expect(abs((clean.rssi.maximum - result.rssi.minimum) - 40) < 1e-9)
        // A hundred samples fall in the fade; nothing else is lost.
        #expect(result.dropped.exhaustedRetries == 100)
        #expect(result.deliveredToEdge == clean.deliveredToEdge - 100)
    }

    /// A bursty interferer on half the time corrupts about half the frames it overlaps.
    @Test func burstyInterferenceCostsRetries() throws {
        let burst = [F.event(.fault(.interference), "hub", at: .zero, duration: .seconds(60),
                             ["power_dBm": -50, "duty_cycle": 0.5])]
        let result = try Self.levels(models: [], events: burst)
        let lost = Double(result.dropped.exhaustedRetries) / Double(result.generated)
        #expect(abs(lost - 0.5) < 0.06, "lost \(lost)")
    }

    /// Below the sensitivity nothing is decoded, however clean the channel.
    @Test func sensitivityBoundsReception() throws {
        let weak = try Self.levels(models: [], placement: .ankleLeft, txPower: -60)
        #expect(weak.deliveredToEdge == 0 && weak.rssi.maximum < -87)
    }
}
