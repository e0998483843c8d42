import Testing
import TwinConfig
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Jammer modes (constant, random, reactive — Xu et al. MobiHoc 2005; Wilhelm et al.
/// WiSec 2011) and node capture, on a two-device BAN around one hub.
@Suite struct ThreatVariantTests {
    static let devices = [
        F.device("ecg", placement: .chest, interval: .milliseconds(100), security: 2),
        F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40, interval: .milliseconds(100),
                 security: 2, slotLength: .milliseconds(5), slots: 20, period: 1),
    ]

    static func run(_ events: [ScenarioEvent], devices: [DeviceConfig] = devices, horizon: Time = .seconds(60),
                    options: SimulationOptions = SimulationOptions()) throws -> ReplicationOutcome {
        try simulate(config: F.config(devices: devices, horizon: horizon), scenario: F.scenario(events), replication: 0,
                     options: options)
    }

    /// Share of the hub's attempts it could not decode.
    static func lossRatio(_ outcome: ReplicationOutcome) throws -> Double {
        let sent = outcome.devices.reduce(0) { $0 + $1.transmissions }
        let received = try #require(outcome.gateway("hub")).framesReceived
        return 1 - Double(received) / Double(Swift.max(1, sent))
    }

    @Test func reactiveJammerDestroysFramesAtAFractionOfTheConstantJammersAirtime() throws {
        let window: [String: Double] = ["power_dBm": -60]
        let reactive = try Self.run([F.event(.attack(.jamming), "hub", at: .seconds(10), duration: .seconds(50),
                                             window.merging(["reactive": 1]) { $1 })])
        let constant = try Self.run([F.event(.attack(.jamming), "hub", at: .seconds(10), duration: .seconds(50), window)])
        // 50 of 60 s jammed: most attempts at the hub are lost (every sensed frame is hit).
        let loss = try Self.lossRatio(reactive)
        #expect(loss > 0.7, "loss \(loss)")
        let temp = try #require(reactive.device("temp"))
        // (A sixth of its samples fall before the attack.)
        #expect(Double(temp.deliveredToEdge) < 0.4 * Double(temp.generated), "\(temp.deliveredToEdge)/\(temp.generated)")
        // The constant jammer is on for the whole 50 s; the reactive one only over frames.
        let reactiveAir = try #require(reactive.events.first).attackerAirtime
        let constantAir = try #require(constant.events.first).attackerAirtime
        #expect(constantAir == .seconds(50))
        #expect(reactiveAir > .zero && reactiveAir.seconds < 0.1 * constantAir.seconds,
                "reactive \(reactiveAir.seconds) s vs constant \(constantAir.seconds) s")
    }

    /// No noise-floor rise between frames, so the detector sees the reactive jammer as
    /// strong frames lost (Xu et al.'s PDR/signal-strength consistency check).
    @Test func detectorSeesTheReactiveJammerAsStrongFramesLost() throws {
        let outcome = try Self.run([F.event(.attack(.jamming), "hub", at: .seconds(30), duration: .seconds(20),
                                            ["power_dBm": -60, "reactive": 1])])
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .deliveryRatioDrop)
        #expect(try #require(detection.detectionDelay) <= .seconds(3))
        #expect(detection.falseAlarms == 0)
    }

    /// A reactive jammer that cannot hear the frames (threshold above their level) does nothing.
    @Test func reactiveJammerIgnoresFramesBelowItsThreshold() throws {
        let deaf = try Self.run([F.event(.attack(.jamming), "hub", at: .seconds(10), duration: .seconds(50),
                                         ["power_dBm": -60, "reactive": 1, "sense_dBm": -20])])
        #expect(try #require(deaf.events.first).attackerAirtime == .zero)
        #expect(try Self.lossRatio(deaf) < 0.05)
    }

    /// On/off 1 s / 1 s: the jammer is on half the time; scheduled access (no carrier
    /// sense, no retries — retries would cluster in the jamming periods) loses about
    /// half its frames.
    @Test func randomJammerKillsAboutHalfTheFrames() throws {
        let devices = [F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40,
                                interval: .milliseconds(100), security: 2, retries: 0,
                                slotLength: .milliseconds(5), slots: 20, period: 1)]
        let events = [F.event(.attack(.jamming), "hub", at: .zero, duration: .seconds(120),
                              ["power_dBm": -60, "random": 1, "on_s": 1, "off_s": 1])]
        let outcome = try Self.run(events, devices: devices, horizon: .seconds(120))
        let loss = try Self.lossRatio(outcome)
        #expect(loss > 0.35 && loss < 0.65, "loss \(loss)")
        let airtime = try #require(outcome.events.first).attackerAirtime.seconds
        #expect(airtime > 40 && airtime < 80, "on for \(airtime) s of 120")
        // Same seed, same jamming periods.
        #expect(try Self.run(events, devices: devices, horizon: .seconds(120)) == outcome)
    }

    /// The captured node's keys sign the forgeries: accepted at level 2, where a spoofer
    /// without keys is rejected; the device's frames are readable despite encryption.
    @Test func nodeCaptureDefeatsLevelTwo() throws {
        let capture = try Self.run([F.event(.attack(.nodeCapture), "ecg", at: .seconds(20), ["rate_per_s": 2])])
        let ecg = try #require(capture.device("ecg"))
        #expect(ecg.forgedAccepted > 60 && ecg.forgedRejected == 0)
        #expect(ecg.framesExposed > 300 && ecg.framesExposed == ecg.framesOverheard)
        #expect(try #require(capture.device("temp")).framesOverheard == 0, "the capture reads only its device")
        let spoof = try Self.run([F.event(.attack(.spoofing), "ecg", at: .seconds(20), ["rate_per_s": 2])])
        let spoofed = try #require(spoof.device("ecg"))
        #expect(spoofed.forgedAccepted == 0 && spoofed.forgedRejected > 60)
    }

    /// Invisible to the PDR check; the first forged frame collides with the genuine
    /// counter, which the detector sees at the device's next frame.
    @Test func nodeCaptureIsDetectedByCounterCollision() throws {
        let capture = try Self.run([F.event(.attack(.nodeCapture), "ecg", at: .seconds(20))])
        let detection = try #require(capture.attacks.first)
        #expect(detection.kind == .attack(.nodeCapture))
        #expect(detection.signal == .counterCollision)
        #expect(detection.falseAlarms == 0)
        // The first forgery comes after an exponential wait of mean 1 s; the collision
        // at the next genuine frame (100 ms later).
        #expect(try #require(detection.detectionDelay) <= .seconds(10))
        // Without authentication there is no counter to collide: undetected.
        let open = [F.device("ecg", placement: .chest, interval: .milliseconds(100), security: 0)]
        let unsecured = try Self.run([F.event(.attack(.nodeCapture), "ecg", at: .seconds(20))], devices: open)
        #expect(try #require(unsecured.device("ecg")).forgedAccepted > 10)
        #expect(unsecured.attacks.first?.detectedAt == nil)
    }
}
