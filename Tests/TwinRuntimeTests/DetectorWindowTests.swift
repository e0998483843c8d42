import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// The detector's noise-floor signal is measured over the monitoring window that just
/// ended (1 s ticks here), never at the instant a jammer appears.
@Suite struct DetectorWindowTests {
    /// One scheduled sensor (no carrier sense, so the channel never goes quiet) at a hub
    /// whose receivers' noise floor is −104 dBm.
    static func run(_ events: [ScenarioEvent], options: SimulationOptions = SimulationOptions()) throws
        -> ReplicationOutcome {
        let devices = [F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40,
                                interval: .milliseconds(100), slotLength: .milliseconds(5), slots: 20, period: 1)]
        return try simulate(config: F.config(devices: devices, horizon: .seconds(40)), scenario: F.scenario(events),
                            replication: 0, options: options)
    }

    static func jammer(at start: Time, dBm: Double) -> ScenarioEvent {
        F.event(.attack(.jamming), "hub", at: start, duration: .seconds(10), ["power_dBm": dBm])
    }

    /// The jammer starts on a tick: that tick's window holds none of it, the next one all.
    @Test func constantJammerStartingOnATickIsDetectedOneTickLater() throws {
        let outcome = try Self.run([Self.jammer(at: .seconds(20), dBm: -60)])
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .noiseFloorRise)
        #expect(detection.detectedAt == SimTime(.seconds(21)))
        #expect(detection.detectionDelay == SimTime(.seconds(1)))
        #expect(detection.falseAlarms == 0)
    }

    /// Half a window of a −60 dBm jammer averages 41 dB over the floor: the tick ending
    /// that window sees it, half a second after it started.
    @Test func strongJammerStartingMidWindowIsDetectedAtTheEndOfThatWindow() throws {
        let outcome = try Self.run([Self.jammer(at: .seconds(20.5), dBm: -60)])
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .noiseFloorRise)
        #expect(detection.detectedAt == SimTime(.seconds(21)))
        #expect(detection.detectionDelay == SimTime(.milliseconds(500)))
        #expect(detection.falseAlarms == 0)
    }

    /// A −90 dBm jammer is 14 dB over the floor when on for a whole window, but only
    /// 5.4 dB (below the 6 dB threshold) averaged over a window it covers a tenth of.
    @Test func jammerWithASmallShareOfTheWindowWaitsForTheNextTick() throws {
        let outcome = try Self.run([Self.jammer(at: .seconds(20.9), dBm: -90)])
        let detection = try #require(outcome.attacks.first)
        #expect(detection.signal == .noiseFloorRise)
        #expect(detection.detectedAt == SimTime(.seconds(22)))
        let delay = try #require(detection.detectionDelay)
        #expect(delay > .seconds(1) && delay <= .seconds(2), "delay \(delay.seconds) s")
    }

    /// −110 dBm over a −104 dBm floor raises the noise by 1 dB: never an alarm.
    @Test func jammerBelowTheThresholdIsNeverDetected() throws {
        let outcome = try Self.run([Self.jammer(at: .seconds(20), dBm: -110)])
        let detection = try #require(outcome.attacks.first)
        #expect(detection.detectedAt == nil)
        #expect(detection.falseAlarms == 0)
        // The same jammer is caught once the threshold is below its rise.
        let sensitive = try Self.run([Self.jammer(at: .seconds(20), dBm: -110)],
                                     options: SimulationOptions(detectorNoiseRise: Decibels(dB: 0.5)))
        #expect(try #require(sensitive.attacks.first).detectionDelay == SimTime(.seconds(1)))
    }

    /// A random jammer is measured by the time it is actually on within each window; the
    /// run stays deterministic.
    @Test func randomJammerIsMeasuredOverTheWindowAndDeterministic() throws {
        let random = F.event(.attack(.jamming), "hub", at: .seconds(20), duration: .seconds(10),
                             ["power_dBm": -60, "random": 1, "on_s": 1, "off_s": 1])
        let outcome = try Self.run([random])
        let detection = try #require(outcome.attacks.first)
        let delay = try #require(detection.detectionDelay)
        #expect(delay > .zero && delay <= .seconds(1), "delay \(delay.seconds) s")
        #expect(try Self.run([random]) == outcome)
    }
}
