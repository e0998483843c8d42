import Testing
import TwinConfig
import TwinModels
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Faults: gateway failure with and without a backup, repair, device failure, the
/// battery running out; and the networks the simulation refuses.
@Suite struct SimulationResilienceTests {
    static let failover = Time.seconds(1.28)

    static func devices(backup: String?) -> [DeviceConfig] {
        [
            F.device("ecg", placement: .chest, interval: .milliseconds(100), backup: backup),
            F.device("spo2", placement: .wristLeft, priority: 5, payload: 32, interval: .milliseconds(250),
                     backup: backup),
            F.device("temp", placement: .upperArmLeft, access: .scheduled, payload: 40, interval: .milliseconds(500),
                     backup: backup, slotLength: .milliseconds(5), slots: 32, period: 2),
            F.device("watch", placement: .wristRight, radio: F.bleRadio(), access: .ble, payload: 20,
                     interval: .milliseconds(160), backup: backup, connectionInterval: .milliseconds(50)),
        ]
    }

    static func config(backup: String?, events: [ScenarioEvent]) -> (TwinConfig, ScenarioConfig) {
        let gateways = [F.gateway("phone", failover: failover),
                        F.gateway("bedside", placement: .offBody, distance: .meters(1.5), failover: failover)]
        let config = F.config(devices: devices(backup: backup).map {
            var device = $0
            device.primaryGateway = "phone"
            return device
        }, gateways: gateways, horizon: .seconds(60))
        return (config, F.scenario(events))
    }

    @Test func gatewayFailureWithBackupRecoversWithinFailoverTime() throws {
        let (config, scenario) = Self.config(backup: "bedside", events: [F.event(.fault(.gatewayFailure), "phone", at: .seconds(30))])
        let outcome = try simulate(config: config, scenario: scenario, replication: 0)
        #expect(outcome.gateway("phone")?.failedAt == .seconds(30))
        let event = try #require(outcome.events.first)
        // Each device's next packet after the switch: its sampling interval (or the
        // allocation interval, 320 ms, for scheduled access) plus one exchange.
        let slack: [String: Double] = ["ecg": 0.1, "spo2": 0.25, "temp": 0.5 + 0.32, "watch": 0.16 + 0.05]
        for device in outcome.devices {
            let recovery = try #require(event.device(device.id))
            let time = try #require(recovery.recoveryTime, "\(device.id) never recovered")
            #expect(time.seconds <= Self.failover.si + (slack[device.id] ?? 0) + 0.05, "\(device.id): \(time)")
            #expect(time.seconds >= Self.failover.si * 0.9, "\(device.id) recovered before failing over: \(time)")
            #expect(recovery.deliveredAfter > 0)
            #expect(SimulationFixture.isBalanced(device))
        }
    }

    @Test func gatewayFailureWithoutBackupStopsDelivery() throws {
        let (config, scenario) = Self.config(backup: nil, events: [F.event(.fault(.gatewayFailure), "phone", at: .seconds(30))])
        let outcome = try simulate(config: config, scenario: scenario, replication: 0)
        let event = try #require(outcome.events.first)
        for device in outcome.devices {
            let recovery = try #require(event.device(device.id))
            #expect(recovery.deliveredAfter == 0, "\(device.id)")
            #expect(recovery.recoveryTime == nil)
            #expect(recovery.longestGap >= .seconds(29))
            #expect(device.dropped[.noGatewayReachable] > 0)
            #expect(SimulationFixture.isBalanced(device))
            // Deliveries stopped at the failure: about half of what was generated.
            #expect(abs((device.deliveryRatio ?? 0) - 0.5) < 0.06, "\(device.id) \(device.deliveryRatio ?? -1)")
        }
    }

    @Test func repairedGatewayBringsDevicesBack() throws {
        let (config, scenario) = Self.config(
            backup: nil, events: [F.event(.fault(.gatewayFailure), "phone", at: .seconds(20), duration: .seconds(10))])
        let outcome = try simulate(config: config, scenario: scenario, replication: 0)
        let event = try #require(outcome.events.first)
        #expect(event.endsAt == .seconds(30))
        for device in outcome.devices {
            let time = try #require(event.device(device.id)?.recoveryTime, "\(device.id)")
            #expect(time >= .seconds(10) && time <= .milliseconds(11_500), "\(device.id): \(time)")
        }
    }

    /// Random gateway failures from MTBF/MTTR: the device is served about
    /// MTBF/(MTBF+MTTR) of the time (`MarkovChain.singleGatewayAvailability`).
    @Test func unreliableGatewayDeliversItsAvailability() throws {
        var hub = F.gateway("hub", failover: .milliseconds(100))
        hub.mtbf = .seconds(60)
        hub.mttr = .seconds(15)
        let config = F.config(devices: [F.device("ecg", interval: .milliseconds(200))], gateways: [hub],
                              horizon: .seconds(3000), sampleInterval: .seconds(10))
        let outcome = try simulate(config: config, scenario: F.baseline, replication: 0)
        let ecg = try #require(outcome.device("ecg"))
        #expect(outcome.gateway("hub")?.failedAt != nil)
        let availability = try MarkovChain.singleGatewayAvailability(failureRate: .hertz(1 / 60.0),
                                                                     repairRate: .hertz(1 / 15.0))
        #expect(abs((ecg.deliveryRatio ?? 0) - availability) < 0.08, "\(ecg.deliveryRatio ?? -1) vs \(availability)")
        #expect(ecg.dropped[.noGatewayReachable] > 0 && SimulationFixture.isBalanced(ecg))
    }

    @Test func failedDeviceStopsGenerating() throws {
        let (config, scenario) = Self.config(backup: nil, events: [F.event(.fault(.deviceFailure), "ecg", at: .seconds(20))])
        let outcome = try simulate(config: config, scenario: scenario, replication: 0)
        let ecg = try #require(outcome.device("ecg"))
        #expect(ecg.failureTime == .seconds(20))
        #expect(abs(ecg.generated - 200) <= 1)
        #expect(SimulationFixture.isBalanced(ecg))
        #expect(ecg.energy.total < (try #require(outcome.device("spo2"))).energy.total)
    }

    @Test func emptyBatteryStopsTheDevice() throws {
        let capacity = Charge.milliampHours(0.05)
        let device = F.device("ecg", placement: .chest, interval: .milliseconds(100), capacity: capacity,
                              baseline: .microamperes(100))
        let config = F.config(devices: [device], horizon: .seconds(1200))
        let outcome = try simulate(config: config, scenario: F.baseline, replication: 0,
                                   options: SimulationOptions(stopWhenAllDead: false))
        let ecg = try #require(outcome.device("ecg"))
        let death = try #require(ecg.deathTime)
        #expect(death > .seconds(100) && death < .seconds(1100))
        #expect(ecg.batteryRemaining == .zero)
        // It drew its whole capacity at its average current, then stopped.
        #expect(abs(ecg.averageCurrent.si * death.seconds - capacity.si) / capacity.si < 0.01)
        #expect(abs(Double(ecg.generated) - death.seconds / 0.1) <= 2)
        #expect(SimulationFixture.isBalanced(ecg))
        #expect(abs(outcome.device("ecg")!.radioTime.sleep.seconds + ecg.radioTime.transmit.seconds
            + ecg.radioTime.listen.seconds + ecg.radioTime.receive.seconds + ecg.radioTime.wakeUp.seconds
            - death.seconds) < 0.01)

        // Peukert: the same device lasts what the rate-capacity law gives at its current.
        var peukert = device
        peukert.battery.model = .peukert
        peukert.battery.peukertExponent = 1.2
        peukert.battery.ratedCurrent = .milliamperes(0.05)
        let drained = try simulate(config: F.config(devices: [peukert], horizon: .seconds(1200)),
                                   scenario: F.baseline, replication: 0)
        let result = try #require(drained.device("ecg"))
        let profile = BatteryProfile(name: "test", source: "test", nominalVoltage: .volts(3), capacity: capacity,
                                     peukertExponent: 1.2, ratedDischargeTime: .seconds(capacity.si / 0.05e-3))
        let expected = try BatteryDrainModel.peukert.lifetime(of: profile, averageCurrent: result.averageCurrent)
        let lifetime = try #require(result.deathTime)
        #expect(abs(lifetime.seconds - expected.si) / expected.si < 0.02, "\(lifetime) vs \(expected.si) s")
        #expect(lifetime != death)
        // All devices dead: the run ends early but reports the whole horizon.
        #expect(drained.horizon == .seconds(1200))
    }

    @Test func batteryDepletionEventEmptiesTheBattery() throws {
        let (config, scenario) = Self.config(
            backup: nil, events: [F.event(.fault(.batteryDepletion), "spo2", at: .seconds(10), ["remaining_fraction": 0])])
        let outcome = try simulate(config: config, scenario: scenario, replication: 0)
        let spo2 = try #require(outcome.device("spo2"))
        let death = try #require(spo2.deathTime)
        #expect(death >= .seconds(10) && death <= .milliseconds(10_300))
        #expect(outcome.device("ecg")?.deathTime == nil)
    }

    @Test func hubTakesAtMost64Devices() throws {
        func network(_ count: Int) -> TwinConfig {
            F.config(devices: (0..<count).map { F.device("d\($0)", interval: .seconds(1)) }, horizon: .seconds(1))
        }
        #expect(throws: SimulationError.hubFull(gateway: "hub", devices: 65, limit: 64)) {
            _ = try simulate(config: network(65), scenario: F.baseline, replication: 0)
        }
        #expect(try simulate(config: network(64), scenario: F.baseline, replication: 0).devices.count == 64)
    }

    @Test func refusesNetworksItCannotRun() throws {
        let unknown = F.config(devices: [F.device("ecg", gateway: "tablet")])
        #expect(throws: SimulationError.unknownGateway(device: "ecg", gateway: "tablet")) {
            _ = try simulate(config: unknown, scenario: F.baseline, replication: 0)
        }
        #expect(throws: SimulationError.noGateways) {
            _ = try simulate(config: F.config(devices: [], gateways: []), scenario: F.baseline, replication: 0)
        }
        #expect(throws: SimulationError.invalidHorizon) {
            _ = try simulate(config: F.config(devices: [], horizon: .zero), scenario: F.baseline, replication: 0)
        }
        let slots = F.config(devices: [F.device("temp", access: .scheduled, slotLength: .milliseconds(1), slots: 0,
                                                period: 1)])
        #expect(throws: SimulationError.self) {
            _ = try simulate(config: slots, scenario: F.baseline, replication: 0)
        }
        // An unknown medium access (`tdma`) cannot reach the runtime: MACConfig.access is
        // an AccessMode, and twin.json's reader refuses the name (TwinConfigTests).
    }
}
