import Testing
import TwinConfig
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

/// Every access method in one network: packets are accounted exactly once and most
/// of them arrive.
@Suite struct SimulationSmokeTests {
    @Test func mixedNetworkBalancesItsBooks() throws {
        let F = SimulationFixture.self
        let devices = [
            F.device("ecg", placement: .chest, txPower: -10),
            F.device("spo2", placement: .wristLeft, priority: 5, payload: 32, interval: .milliseconds(500)),
            F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40, interval: .seconds(2),
                     slotLength: .milliseconds(5), slots: 32, period: 2),
            F.device("watch", placement: .wristRight, radio: F.bleRadio(), access: .ble, payload: 20,
                     interval: .milliseconds(160), connectionInterval: .milliseconds(50)),
            F.device("ar", placement: .head, radio: F.wlanRadio(), access: .wideband, payload: 1400,
                     interval: .milliseconds(10), gateway: "bedside"),
            F.device("pump", placement: .abdomen, payload: 20, interval: .seconds(2), alarmRate: 0.5,
                     alarmPayload: 600),
        ]
        let config = F.config(devices: devices,
                              gateways: [F.gateway("hub"), F.gateway("bedside", placement: .offBody, distance: .meters(1.5))],
                              horizon: .seconds(120))
        let outcome = try simulate(config: config, scenario: F.baseline, replication: 0,
                                   options: SimulationOptions(recordTimeSeries: true))
        for device in outcome.devices {
            #expect(F.isBalanced(device), "\(device.id): \(device.generated) ≠ \(device.deliveredToEdge) + \(device.dropped.counts) + \(device.pendingAtEnd)")
            #expect(device.generated > 0, "\(device.id) generated nothing")
            #expect((device.deliveryRatio ?? 0) > 0.9, "\(device.id) delivery \(device.deliveryRatio ?? -1) \(device.dropped.counts)")
            #expect(device.energy.total.si > 0)
        }
        #expect(outcome.eventsHandled > 1000)
        #expect(outcome.timeSeries?.first?.samples.count == 120)
    }
}

extension SimulationFixture {
    static func device(_ id: String, placement: Placement, txPower: Double) -> DeviceConfig {
        device(id, placement: placement, radio: narrowbandRadio(txPower: txPower))
    }
}
