import Foundation
import Testing
import TwinConfig
import TwinModels
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// The wearer's activity and fading as the simulator runs them (issue 11 §3): the values
/// of twin.json's `activity`, a fade that moves while the wearer is still, links of one
/// body fading together, and a published on-body statistic reproduced through the
/// simulator, not only through the model.
@Suite struct ActivityFadingRuntimeTests {
    /// An activity of two postures that both fade like sleep (`ActivityFading.lying`),
    /// changing every `bout` on average: each change draws a new bout shadow, so one run
    /// samples many sleeping bouts.
    static func sleepOnly(bout: Time) -> ActivityConfig {
        let perDay = 86_400 / bout.si / 2
        let lying = ActivityFading.lying
        func entry(_ name: Posture, to other: Posture) -> PostureActivityConfig {
            PostureActivityConfig(posture: name, share: 0.5, transitionsPerDay: [other: perDay],
                                  shadowMean: lying.shadowMean, shadowSigma: lying.shadowSigma, fade: .lognormal,
                                  fadeSigma: Decibels(dB: 2), coherenceTime: lying.coherenceTime,
                                  bodyCorrelation: lying.bodyCorrelation)
        }
        return ActivityConfig(profile: "sleep-test", source: "test",
                              postures: [entry(.sitting, to: .lying), entry(.lying, to: .sitting)])
    }

    /// Smith, Hanlen, Miniutti et al., IEEE TAP 59(11):4388, 2011: a subject sleeping,
    /// 0 dBm TX and −100 dBm sensitivity, even the best on-body link of a star BAN is in
    /// outage more than 10 % of the time. Through the simulator: Castalia's best hub
    /// link (right hip → chest, 58 dB), one frame every 200 ms without retries, 40
    /// replications of 20 min with 5 s bouts (≈ 9,600 sleeping bouts, 240,000 frames).
    /// The noise floor is put at −120 dBm so a frame above the sensitivity is decoded
    /// (the statistic is about the level, not the bit errors near it).
    ///
    /// Expected: the model's outage of that link with the link's static CM3 σ
    /// (`ActivityFading.outageProbability(…, staticSigma:)`, drawn once per replication
    /// in the runtime) is 0.15. Tolerance ±0.035: the replications' static draws
    /// dominate the spread (σ of one replication's outage ≈ 0.1, so SE ≈ 0.016 over 40;
    /// ±0.035 is about 2 SE), and the bound > 0.10 is Smith et al.'s own.
    @Test func sleepingOutageThroughTheSimulator() throws {
        var radio = F.narrowbandRadio(txPower: 0)
        radio.sensitivity = PowerLevel(dBm: -100)
        radio.noiseFloor = PowerLevel(dBm: -120)
        let device = F.device("ecg", placement: .chest, radio: radio, interval: .milliseconds(200), retries: 0)
        let gateway = F.gateway("hub", placement: .hipRight)
        var config = F.config(devices: [device], gateways: [gateway], horizon: .seconds(1200),
                              models: ["castalia-pathloss-map", "posture-fading"])
        config.activity = Self.sleepOnly(bout: .seconds(5))
        var generated = 0, delivered = 0
        for replication in 0..<40 {
            let outcome = try #require(try simulate(config: config, scenario: F.baseline, replication: replication)
                .device("ecg"))
            generated += outcome.generated - outcome.pendingAtEnd
            delivered += outcome.deliveredToEdge
        }
        let outage = 1 - Double(delivered) / Double(generated)
        let link = BodyGeometry.link(device: device, gateway: gateway)
        #expect(abs(link.meanLoss - 58) < 0.5, "Castalia's R-hip → chest link")
        let expected = ActivityFading.lying.outageProbability(
            meanLoss: Decibels(dB: link.meanLoss), threshold: Decibels(dB: 100), staticSigma: Decibels(dB: link.sigma))
        #expect(outage > 0.10, "Smith et al. 2011: > 10 % while sleeping; simulated \(outage)")
        #expect(abs(outage - expected) < 0.035, "simulated \(outage), model \(expected)")
    }

    /// A still wearer's links fade too (small-scale fading, Nakagami-like at rest), so
    /// the level is no longer one value per posture bout.
    @Test func aStillWearerFadesSlowly() throws {
        let device = F.device("sensor", placement: .wristLeft, interval: .milliseconds(100), retries: 0)
        var config = F.config(devices: [device], gateways: [F.gateway("hub", placement: .chest)],
                              horizon: .seconds(60), models: [])
        config.activity = nil
        let still = [F.event(.fault(.postureChange), "standing", at: .zero, duration: .seconds(60))]
        let outcome = try #require(try simulate(config: config, scenario: F.scenario(still), replication: 0)
            .device("sensor"))
        let spread = outcome.rssi.maximum - outcome.rssi.minimum
        // Standing: lognormal σ 2 dB, τ 1 s, no bout shadow: 600 frames span several σ.
        #expect(spread > 4 && spread < 20, "spread \(spread) dB")
    }

    /// The runtime runs the chain twin.json gives: a wearer who only sits and lies never
    /// walks, so the walking fade (Castalia table, minima near −30 dB) never appears
    /// and the fading follows the written lying shadow.
    @Test func theChainComesFromTwinJSON() throws {
        let device = F.device("sensor", placement: .chest, interval: .seconds(1), retries: 0)
        var config = F.config(devices: [device], gateways: [F.gateway("hub", placement: .hipRight)],
                              horizon: .hours(2), models: ["posture-fading"])
        var activity = Self.sleepOnly(bout: .seconds(600))
        for index in activity.postures.indices { activity.postures[index].shadowMean = Decibels(dB: 0) }
        config.activity = activity
        let mild = try #require(try simulate(config: config, scenario: F.baseline, replication: 0).device("sensor"))
        for index in activity.postures.indices { activity.postures[index].shadowMean = Decibels(dB: 20) }
        config.activity = activity
        let shadowed = try #require(try simulate(config: config, scenario: F.baseline, replication: 0).device("sensor"))
        // Same draws, the written shadow mean 20 dB higher: the mean level drops by it
        // (on the frames that still arrive, so at least by most of it).
        #expect(mild.rssi.mean - shadowed.rssi.mean > 15, "\(mild.rssi.mean) vs \(shadowed.rssi.mean)")
        #expect(BodyActivity(config: config).chain.meanDwell[.walking] == nil)
    }
}
