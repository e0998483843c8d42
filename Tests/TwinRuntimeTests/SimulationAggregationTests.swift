import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

/// Sample aggregation (`TrafficConfig.aggregation`): k samples per packet means a
/// k-th of the packets, each k samples long, and latency counted from the first sample
/// in the packet — `(k − 1)` sampling intervals more — for every access method.
@Suite struct SimulationAggregationTests {
    private let F = SimulationFixture.self
    private static let interval = Time.milliseconds(200)

    /// One device of `access` sampling 32 octets every 200 ms, with a 2 s budget (four
    /// samples still fit one frame, so packets and frames are counted alike).
    private func config(_ name: String, aggregation: Int) -> TwinConfig {
        var device: DeviceConfig
        let access = AccessMode(rawValue: name)!
        switch access {
        case .scheduled:
            device = F.device("s", access: access, payload: 32, interval: Self.interval, latency: .seconds(2),
                              slotLength: .milliseconds(2), slots: 32, period: 1)
        case .ble:
            device = F.device("s", radio: F.bleRadio(), access: access, payload: 32, interval: Self.interval, latency: .seconds(2),
                              connectionInterval: .milliseconds(50))
        case .wideband:
            device = F.device("s", radio: F.wlanRadio(), access: access, payload: 32, interval: Self.interval, latency: .seconds(2))
        case .csmaCA:
            device = F.device("s", access: access, payload: 32, interval: Self.interval, latency: .seconds(2))
        }
        device.traffic.aggregation = aggregation
        return F.config(devices: [device], horizon: .seconds(60))
    }

    private func run(_ config: TwinConfig) throws -> DeviceOutcome {
        try simulate(config: config, scenario: F.baseline, replication: 0).devices[0]
    }

    @Test func theSourceSendsEveryKthIntervalKSamplesLong() throws {
        let config = config("csma-ca", aggregation: 4)
        let parameters = try DeviceParameters.make(device: config.network.devices[0], index: 0, gateways: [0],
                                                   config: config, scheduledRanks: [0], useCastaliaMap: false)
        #expect(parameters.traffic.sampleInterval == SimTime(.milliseconds(800)))
        #expect(parameters.traffic.samplePayload == 4 * 32)
        #expect(parameters.traffic.aggregationLead == SimTime(.milliseconds(600)))
        let plain = self.config("csma-ca", aggregation: 1)
        let single = try DeviceParameters.make(device: plain.network.devices[0], index: 0, gateways: [0],
                                               config: plain, scheduledRanks: [0], useCastaliaMap: false)
        #expect(single.traffic.sampleInterval == SimTime(.milliseconds(200)))
        #expect(single.traffic.samplePayload == 32)
        #expect(single.traffic.aggregationLead == .zero)
    }

    @Test(arguments: ["csma-ca", "scheduled", "ble", "wideband"])
    func fourSamplesPerPacketQuarterThePacketsAndDelayTheFirstSample(_ access: String) throws {
        let single = try run(config(access, aggregation: 1))
        let four = try run(config(access, aggregation: 4))
        #expect(F.isBalanced(four))
        // 300 samples in 60 s: 300 packets, or 75 of four samples (± the phase).
        #expect(abs(single.generated - 300) <= 1, "\(single.generated)")
        #expect(abs(four.generated - 75) <= 1, "\(four.generated)")
        #expect((four.deliveryRatio ?? 0) > 0.95)
        // The first sample of a packet waits 3 × 200 ms for the fourth.
        let added = try #require(four.latency.mean).seconds - (try #require(single.latency.mean)).seconds
        #expect(abs(added - 0.6) < 0.05, "\(access): latency grew by \(added) s")
        // Four samples in one packet: each transmission carries three samples (96 octets)
        // more than a one-sample frame, at the radio's bit rate. (BLE's transmit time
        // also holds the empty replies of every connection event, so it is left out.)
        if access != "ble" {
            let perSingle = single.radioTime.transmit.seconds / Double(max(single.transmissions, 1))
            let perFour = four.radioTime.transmit.seconds / Double(max(four.transmissions, 1))
            let extra = 96 * 8 / config(access, aggregation: 4).network.devices[0].radio.bitRate.si
            #expect(abs((perFour - perSingle) / extra - 1) < 0.05, "\(access): \(perFour) s vs \(perSingle) s per transmission")
        }
        #expect(four.energy.total <= single.energy.total)
    }

    @Test(arguments: ["csma-ca", "scheduled"])
    func fewerPacketsCostLessEnergy(_ access: String) throws {
        let single = try run(config(access, aggregation: 1))
        let four = try run(config(access, aggregation: 4))
        // Wake-ups, backoffs, beacons and acknowledgements per packet, not per sample.
        #expect(four.energy.radio.si < 0.8 * single.energy.radio.si,
                "\(access): \(four.energy.radio.si) J vs \(single.energy.radio.si) J")
    }

    @Test func aggregationOutsideItsRangeIsRefused() {
        #expect(throws: SimulationError.self) { try run(config("csma-ca", aggregation: 0)) }
    }
}
