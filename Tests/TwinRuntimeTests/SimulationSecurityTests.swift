import Testing
import TwinConfig
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Attacks against the 802.15.6 security levels, and the twin's detector.
@Suite struct SimulationSecurityTests {

    static func run(security: Int, events: [ScenarioEvent], horizon: Time = .seconds(60)) throws -> ReplicationOutcome {
        let devices = [
            F.device("ecg", placement: .chest, interval: .milliseconds(100), security: security),
            F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40, interval: .seconds(1),
                     security: security, slotLength: .milliseconds(5), slots: 32, period: 2),
        ]
        return try simulate(config: F.config(devices: devices, horizon: horizon), scenario: F.scenario(events),
                            replication: 0)
    }

    @Test func spoofedFramesAreAcceptedOnlyWithoutAuthentication() throws {
        let spoof = [F.event(.attack(.spoofing), "ecg", at: .seconds(20), duration: .seconds(20), ["rate_per_s": 2])]
        let open = try Self.run(security: 0, events: spoof)
        let ecgOpen = try #require(open.device("ecg"))
        #expect(ecgOpen.forgedAccepted > 20 && ecgOpen.forgedRejected == 0)
        let secured = try Self.run(security: 1, events: spoof)
        let ecgSecured = try #require(secured.device("ecg"))
        #expect(ecgSecured.forgedRejected > 20 && ecgSecured.forgedAccepted == 0)
        // MIC failures give the attack away within a tick; undetectable at level 0.
        let detection = try #require(secured.attacks.first)
        #expect(detection.signal == .forgedFrames)
        #expect(try #require(detection.detectionDelay) <= .seconds(1))
        #expect(detection.falseAlarms == 0)
        #expect(open.attacks.first?.signal != .forgedFrames)
    }

    @Test func replayedFramesFailTheFrameCounter() throws {
        let replay = [F.event(.attack(.replay), "temp", at: .seconds(10), duration: .seconds(10))]
        let open = try Self.run(security: 0, events: replay)
        #expect(try #require(open.device("temp")).forgedAccepted > 0)
        let secured = try Self.run(security: 2, events: replay)
        let temp = try #require(secured.device("temp"))
        #expect(temp.forgedAccepted == 0 && temp.forgedRejected > 0)
    }

    @Test func eavesdropperReadsOnlyUnencryptedFrames() throws {
        let listen = [F.event(.attack(.eavesdropping), "body", at: .seconds(10), duration: .seconds(30), ["distance_m": 3])]
        let open = try Self.run(security: 1, events: listen)
        let ecg = try #require(open.device("ecg"))
        #expect(ecg.framesOverheard > 250 && ecg.framesExposed == ecg.framesOverheard)
        let encrypted = try Self.run(security: 2, events: listen)
        let safe = try #require(encrypted.device("ecg"))
        #expect(safe.framesOverheard > 250 && safe.framesExposed == 0)
        // Too far away to hear a −0 dBm body radio at all.
        let far = [F.event(.attack(.eavesdropping), "body", at: .seconds(10), duration: .seconds(30), ["distance_m": 100])]
        #expect(try #require(Self.run(security: 0, events: far).device("ecg")).framesOverheard == 0)
    }

    @Test func jammerIsDetectedAndBlocksTheChannel() throws {
        let jam = [F.event(.attack(.jamming), "hub", at: .seconds(20), duration: .seconds(15), ["power_dBm": -60])]
        let outcome = try Self.run(security: 2, events: jam)
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .noiseFloorRise)
        #expect(try #require(detection.detectionDelay) <= .seconds(1))
        #expect(detection.falseAlarms == 0)
        let ecg = try #require(outcome.device("ecg"))
        // Carrier sense holds CSMA/CA back: the queue overflows, nothing crosses until the end.
        #expect(ecg.dropped[.queueOverflow] > 50)
        let recovery = try #require(outcome.events.first?.device("ecg")?.recoveryTime)
        #expect(recovery >= .seconds(15) && recovery <= .milliseconds(15_500))
        // Scheduled access does not sense the channel; its frames drown in the jammer.
        let temp = try #require(outcome.device("temp"))
        #expect(temp.retransmissions > 0)
        #expect(SimulationFixture.isBalanced(ecg) && SimulationFixture.isBalanced(temp))
    }

    @Test func associationFloodIsDetected() throws {
        let flood = [F.event(.attack(.denialOfService), "hub", at: .seconds(20), duration: .seconds(10), ["rate_per_s": 200])]
        let outcome = try Self.run(security: 2, events: flood)
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .forgedFrames)
        #expect(try #require(detection.detectionDelay) <= .seconds(1))
        // The requests occupy the hub's channel (200/s of ≈ 0.4 ms for a sixth of the run).
        let quiet = try Self.run(security: 2, events: [])
        let busy = try #require(outcome.gateway("hub")).airtimeUtilisation
        let normal = try #require(quiet.gateway("hub")).airtimeUtilisation
        #expect(busy - normal > 0.01, "\(busy) vs \(normal)")
    }

    /// With the noise signal out of reach, the jammer still shows as strong frames lost.
    @Test func jammerShowsAsStrongFramesLost() throws {
        let devices = [F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40,
                                interval: .milliseconds(100), slotLength: .milliseconds(5), slots: 20, period: 1)]
        let jam = [F.event(.attack(.jamming), "hub", at: .seconds(30), duration: .seconds(10), ["power_dBm": -55])]
        let options = SimulationOptions(detectorNoiseRise: Decibels(dB: 100))
        let outcome = try simulate(config: F.config(devices: devices), scenario: F.scenario(jam), replication: 0,
                                   options: options)
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .deliveryRatioDrop)
        #expect(try #require(detection.detectionDelay) <= .seconds(2))
        #expect(detection.falseAlarms == 0)
    }

    /// Losses while the wearer walks or runs come with a weak signal: fading, not an
    /// attack, so the PDR/signal-strength check stays quiet.
    @Test func postureFadingIsNotMistakenForJamming() throws {
        let devices = [
            F.device("ecg", placement: .chest, radio: F.narrowbandRadio(txPower: -12), interval: .milliseconds(500)),
            F.device("spo2", placement: .wristLeft, radio: F.narrowbandRadio(txPower: -12), interval: .seconds(1)),
        ]
        let late = [F.event(.attack(.jamming), "hub", at: .seconds(7199), duration: .seconds(1), ["power_dBm": -60])]
        let config = F.config(devices: devices, horizon: .hours(2), models: ["posture-fading"])
        let outcome = try simulate(config: config, scenario: F.scenario(late), replication: 0)
        let ecg = try #require(outcome.device("ecg"))
        #expect(ecg.rssi.maximum - ecg.rssi.minimum > 20, "the wearer must have moved")
        #expect(ecg.dropped.exhaustedRetries > 0)
        #expect(outcome.attacks.first?.falseAlarms == 0)
    }

    @Test func quietRunRaisesNoAlarm() throws {
        let late = [F.event(.attack(.jamming), "hub", at: .seconds(55), duration: .seconds(1), ["power_dBm": -60])]
        let outcome = try Self.run(security: 2, events: late, horizon: .seconds(60))
        #expect(outcome.attacks.first?.falseAlarms == 0)
    }
}
