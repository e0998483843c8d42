import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// Hand-made inputs for the BAN model's component tests: one device of a fixture twin
/// (`SimulationFixture`) resolved exactly as the simulation resolves it, its node
/// state, a gateway, and a model that records the events a component schedules.
enum ComponentFixture {
    /// The device `device` of a one-hub twin (`config`, by default a fixture twin with
    /// just this device) as `DeviceParameters` and a fresh `DeviceState`.
    static func node(_ device: DeviceConfig, config: TwinConfig? = nil, seed: UInt64 = 1,
                     queueCapacity: Int = 32) throws -> (parameters: DeviceParameters, node: DeviceState) {
        let config = config ?? SimulationFixture.config(devices: [device])
        let gateways = [0] + (device.backupGateway == nil ? [] : [1])
        let parameters = try DeviceParameters.make(device: device, index: 0, gateways: gateways, config: config,
                                                   scheduledRanks: gateways.map { _ in 0 }, useCastaliaMap: false)
        let node = DeviceState(parameters: parameters, device: device, streams: RandomStreams(seed: seed),
                               queueCapacity: queueCapacity)
        return (parameters, node)
    }

    /// The first gateway of `config` as the simulation builds it.
    static func gateway(of config: TwinConfig, seed: UInt64 = 1) -> GatewayState {
        GatewayState(gateway: config.network.gateways[0], network: config.network, media: [0, 1, 2],
                     noiseFloor: -104, streams: RandomStreams(seed: seed))
    }

    /// A packet of `payload` octets generated at `time`.
    static func packet(payload: Int32 = 64, at time: SimTime = .zero, counted: Bool = true, isAlarm: Bool = false,
                       attempts: Int16 = 0) -> Packet {
        var packet = Packet(generated: time, headOfQueue: time, payload: payload, counted: counted, isAlarm: isAlarm,
                            continuesBurst: false)
        packet.attempts = attempts
        return packet
    }

    static func slots(_ count: Double, of slot: SimTime) -> SimTime { SimTime(nanoseconds: Int64(count * Double(slot.nanoseconds))) }
}

/// A model that only records the BAN events a component scheduled, with their times, so
/// a test can run the scheduler forward and see what fired when.
struct EventRecorder: SimulationModel {
    typealias Event = BANSimulation.Event
    var fired: [(time: SimTime, event: Event)] = []

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        fired.append((scheduler.now, event))
    }

    /// When the backoff timer of `device` fired (nil: it did not).
    func backoffDone(_ device: Int) -> SimTime? {
        fired.first { if case .backoffDone(let fired, _) = $0.event { return Int(fired) == device } else { return false } }?.time
    }
}
