import Testing
import TwinConfig
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Same config and seed → the same outcome, value for value; randomness is per device
/// and purpose, so adding a device does not move another device's traffic.
@Suite struct SimulationDeterminismTests {

    static func network(extra: [DeviceConfig] = []) -> [DeviceConfig] {
        [
            F.device("ecg", placement: .chest, interval: .milliseconds(100), alarmRate: 0.5, backup: "bedside"),
            F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40, interval: .seconds(1),
                     alarmRate: 0.2, backup: "bedside", slotLength: .milliseconds(5), slots: 32, period: 2),
            F.device("watch", placement: .wristRight, radio: F.bleRadio(), access: .ble, payload: 20,
                     interval: .milliseconds(160), alarmRate: 0.1, connectionInterval: .milliseconds(50)),
            F.device("ar", placement: .head, radio: F.wlanRadio(), access: .wideband, payload: 1400,
                     interval: .milliseconds(20), gateway: "bedside"),
        ] + extra
    }

    static let gateways = [F.gateway("hub"), F.gateway("bedside", placement: .offBody, distance: .meters(1.5)),
                           F.gateway("hub2", placement: .hipLeft)]

    /// A scenario that exercises faults and attacks as well as the posture chain.
    static let eventful = F.scenario([
        F.event(.attack(.jamming), "hub", at: .seconds(10), duration: .seconds(3), ["power_dBm": -70]),
        F.event(.fault(.gatewayFailure), "hub", at: .seconds(20), duration: .seconds(10)),
        F.event(.attack(.spoofing), "ecg", at: .seconds(5), duration: .seconds(20), ["rate_per_s": 2]),
    ])

    @Test func sameSeedGivesTheSameOutcome() throws {
        let config = F.config(devices: Self.network(), gateways: Self.gateways, horizon: .seconds(40),
                              models: ["posture-fading"])
        let options = SimulationOptions(recordTimeSeries: true)
        let first = try simulate(config: config, scenario: Self.eventful, replication: 0, options: options)
        let second = try simulate(config: config, scenario: Self.eventful, replication: 0, options: options)
        #expect(first == second)
        #expect(first.eventsHandled > 1000)
        for device in first.devices { #expect(SimulationFixture.isBalanced(device), "\(device.id)") }
        let other = try simulate(config: config, scenario: Self.eventful, replication: 1, options: options)
        #expect(other.seed != first.seed)
        #expect(other != first)
        #expect(other.device("ecg")?.latency != first.device("ecg")?.latency)
        var reseeded = config
        reseeded.run.seed = 43
        let third = try simulate(config: reseeded, scenario: Self.eventful, replication: 0, options: options)
        #expect(third.device("ecg")?.generated != first.device("ecg")?.generated
            || third.device("ecg")?.latency != first.device("ecg")?.latency)
    }

    @Test func addingADeviceLeavesAnotherDevicesTrafficUnchanged() throws {
        let base = F.config(devices: Self.network(), gateways: Self.gateways, horizon: .seconds(30))
        let busy = F.device("emg", placement: .thighRight, interval: .milliseconds(20), alarmRate: 5)
        let sameHub = F.config(devices: Self.network(extra: [busy]), gateways: Self.gateways, horizon: .seconds(30))
        var elsewhere = busy
        elsewhere.primaryGateway = "hub2"
        let otherHub = F.config(devices: Self.network(extra: [elsewhere]), gateways: Self.gateways, horizon: .seconds(30))
        let reference = try simulate(config: base, scenario: F.baseline, replication: 0)
        let shared = try simulate(config: sameHub, scenario: F.baseline, replication: 0)
        let separate = try simulate(config: otherHub, scenario: F.baseline, replication: 0)
        for id in ["ecg", "temp", "watch", "ar"] {
            let before = try #require(reference.device(id))
            // Sharing the channel changes access delays and collisions, never the traffic.
            let sharing = try #require(shared.device(id))
            #expect(sharing.generated == before.generated && sharing.alarmsGenerated == before.alarmsGenerated, "\(id)")
            // On another hub nothing about the device changes at all.
            #expect(separate.device(id) == before, "\(id)")
        }
        #expect(try #require(shared.device("ecg")).accessDelay != (try #require(reference.device("ecg"))).accessDelay)
    }
}
