import Testing
import TwinConfig
import TwinModels
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

/// The MAC against closed forms and the standard's priority rules, through the whole
/// BAN simulation (traffic source, CSMA/CA, channel, gateway, uplink).
@Suite struct SimulationMACValidationTests {
    /// One UP7 device alone on a hub over a perfect link is an M/D/1 queue: Poisson
    /// alarms, and a service of exactly one contention slot (CW = 1 at UP7), the frame,
    /// pSIFS and the I-Ack. Its end-to-end latency (zero-delay uplink) is the M/D/1
    /// wait (Pollaczek–Khinchine, `QueueingOracle`) plus the slot and the frame.
    @Test func singleHubQueueMatchesMD1() throws {
        let payload = 64
        let rho = 0.3
        let mode = NarrowbandPHY.ism2400Fastest
        let frame = try NarrowbandTiming.frameAirtime(payloadBytes: payload, mode: mode)
        let ack = try NarrowbandTiming.frameAirtime(payloadBytes: 0, mode: mode)
        let slot = BaselineBANMacParameters.castaliaDefault.contentionSlotLength
        let service = slot + frame + NarrowbandTiming.sifs + ack
        let arrivalRate = rho / service.si
        let device = SimulationFixture.device(
            "alarm", placement: .chest, radio: SimulationFixture.narrowbandRadio(txPower: 0, wakeUp: .zero),
            priority: 7, payload: 0, interval: .zero, alarmRate: arrivalRate, alarmPayload: Double(payload))
        let config = SimulationFixture.config(devices: [device], horizon: .seconds(300), sampleInterval: .seconds(10))
        let outcome = try simulate(config: config, scenario: SimulationFixture.baseline, replication: 0,
                                   options: SimulationOptions(queueCapacity: 100_000))
        let result = try #require(outcome.device("alarm"))
        #expect(result.generated > 45_000)
        #expect(result.dropped.total == 0 && result.retransmissions == 0)
        let wait = try #require(QueueingOracle.md1MeanWait(arrivalRate: .hertz(arrivalRate), serviceTime: service))
        let expected = wait + slot + frame
        let measured = try #require(result.latency.mean)
        let error = abs(measured.seconds - expected.si) / expected.si
        #expect(error < 0.01, "mean latency \(measured) vs M/D/1 \(expected.si) s (\(error * 100) %)")
        // Every frame's access delay is the deterministic part: one slot and the frame.
        let access = try #require(result.accessDelay.mean)
        #expect(abs(access.seconds - (slot + frame).si) < 2e-9)
    }

    /// Under load, a higher user priority (smaller CWmin/CWmax) waits less for the
    /// channel than a lower one (IEEE 802.15.6 Table 19; Castalia BaselineBANMac).
    @Test func higherUserPriorityGetsLowerAccessDelay() throws {
        let radio = SimulationFixture.narrowbandRadio(txPower: 0, wakeUp: .zero)
        let placements: [Placement] = [.chest, .wristLeft, .upperArmLeft, .wristRight, .upperArmRight, .abdomen]
        let devices = placements.enumerated().map { index, placement in
            SimulationFixture.device("d\(index)", placement: placement, radio: radio, priority: index < 3 ? 6 : 1,
                                     payload: 0, interval: .zero, alarmRate: 110, alarmPayload: 64)
        }
        let config = SimulationFixture.config(devices: devices, horizon: .seconds(60), sampleInterval: .seconds(10))
        let outcome = try simulate(config: config, scenario: SimulationFixture.baseline, replication: 0,
                                   options: SimulationOptions(queueCapacity: 1000))
        func meanAccess(_ ids: [String]) -> Double {
            let delays = ids.compactMap { outcome.device($0)?.accessDelay.mean?.seconds }
            return delays.reduce(0, +) / Double(delays.count)
        }
        let high = meanAccess(["d0", "d1", "d2"]), low = meanAccess(["d3", "d4", "d5"])
        #expect(high < 0.8 * low, "UP6 mean access delay \(high) s, UP1 \(low) s")
        let utilisation = try #require(outcome.gateway("hub")).airtimeUtilisation
        #expect(utilisation > 0.5, "the channel must be loaded (\(utilisation))")
        #expect(try #require(outcome.gateway("hub")).collisions > 0)
        for device in outcome.devices { #expect(SimulationFixture.isBalanced(device)) }
    }
}
