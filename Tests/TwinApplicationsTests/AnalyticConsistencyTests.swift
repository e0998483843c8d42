import Testing
import TwinConfig
import TwinModels
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// The energy application and the optimiser price a link and a packet with one model
/// each: the posture-averaged outage of `LinkEstimate` and the fragmented packet air
/// time of `AnalyticEnergyModel.packetAirtime`.
@Suite struct AnalyticConsistencyTests {
    @Test func theWhatIfOutageAveragesOverThePostureMix() throws {
        let posture = ModelChoice(id: "posture-fading", family: .channel, method: "markov", applications: [],
                                  parameters: [:], source: "test")
        let device = AppsFixture.device("ecg", placement: .wristLeft)
        let faded = AppsFixture.config(devices: [device], scenarios: [AppsFixture.scenario("baseline", [])],
                                       models: [posture])
        let still = AppsFixture.config(devices: [device], scenarios: [AppsFixture.scenario("baseline", [])])
        func outage(_ config: TwinConfig) throws -> Double {
            try #require(OtherGoalCheck(config: config, report: OptimiserFixture.emptyReport(config)).outage(device))
        }
        let mix = postureMix(config: faded)
        #expect(mix.count > 1)
        let link = LinkEstimate(device: device, gateway: faded.network.gateways[0], useCastaliaMap: false)
        let expected = link.outage(transmit: device.radio.txPower, sensitivity: device.radio.sensitivity, postures: mix)
        #expect(try outage(faded) == expected)
        // Without posture fading the link has only its static shadowing (no mix), and the
        // wearer's fading (bout shadows, fades) only adds outage.
        let standing = link.outage(transmit: device.radio.txPower, sensitivity: device.radio.sensitivity,
                                   postures: [])
        #expect(try outage(still) == standing)
        #expect(try outage(faded) > standing)
    }

    @Test func anAggregatedPacketIsPricedAsAllItsFrames() throws {
        var device = AppsFixture.device("ecg", payload: 200)
        device.traffic.aggregation = 4
        let air = try #require(DeviceAirInterface(device: device))
        let frames = air.framePayloads(packetBytes: 800)
        #expect(frames.count > 1)
        let timing = AccessTiming(device: device, air: air)
        let sum = frames.reduce(0.0) { $0 + air.frameAirtime(payloadBytes: $1).si }
        #expect(abs(timing.packetAirtime.si - sum) < 1e-15)
        #expect(timing.packetAirtime.si > air.frameAirtime(payloadBytes: 800).si * 1.5)
    }
}
