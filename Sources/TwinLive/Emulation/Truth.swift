import TwinConfig
import TwinUnits

/// How the physical network differs from its twin, for `twinc emulate`: links weaker
/// than the model (from a time on), batteries smaller or drained faster, gateways that
/// fail, jammers. Applied to the twin's config and baseline scenario (`apply`), so the
/// emulator runs the bundled runtime on the truth and the live twin, which knows only
/// the compiled twin, has something real to find.
public struct Truth: Sendable, Hashable {
    public var description: String
    public var links: [LinkTruth]
    public var batteries: [BatteryTruth]
    public var gatewayFailures: [GatewayFailureTruth]
    public var jammers: [JammerTruth]

    public init(description: String = "", links: [LinkTruth] = [], batteries: [BatteryTruth] = [],
                gatewayFailures: [GatewayFailureTruth] = [], jammers: [JammerTruth] = []) {
        self.description = description
        self.links = links
        self.batteries = batteries
        self.gatewayFailures = gatewayFailures
        self.jammers = jammers
    }

    /// The physical network is the twin: nothing differs.
    public static let none = Truth(description: "the network is exactly its twin")

    /// The config the emulator simulates: batteries as they really are.
    public func apply(to config: TwinConfig) -> TwinConfig {
        var result = config
        for battery in batteries {
            guard let index = result.network.devices.firstIndex(where: { $0.id == battery.device }) else { continue }
            result.network.devices[index].battery.capacity = result.network.devices[index].battery.capacity * battery.capacity.si
            result.network.devices[index].platform.addDrainAtBattery(battery.extraCurrent)
        }
        return result
    }

    /// The scenario events of the truth: link degradation, gateway failures, jammers.
    public var events: [ScenarioEvent] {
        var events: [ScenarioEvent] = []
        for link in links {
            events.append(ScenarioEvent(at: link.from, kind: .fault(.linkDegradation), target: link.device, duration: nil,
                                        parameters: ["extra_loss_dB": link.weaker.dB]))
        }
        for failure in gatewayFailures {
            events.append(ScenarioEvent(at: failure.at, kind: .fault(.gatewayFailure), target: failure.gateway,
                                        duration: failure.duration, parameters: [:]))
        }
        for jammer in jammers {
            events.append(ScenarioEvent(at: jammer.from, kind: .attack(.jamming), target: jammer.near, duration: jammer.duration,
                                        parameters: ["power_dBm": jammer.power.dBm]))
        }
        return events.sorted { ($0.at.si, $0.kind.name) < ($1.at.si, $1.kind.name) }
    }
}

/// A device's links `weaker` dB weaker than the model from `from` on (a patch peeling
/// off, a sensor moved): the runtime's `link-degradation` on every link of the device.
public struct LinkTruth: Sendable, Hashable {
    public var device: String
    public var weaker: Decibels
    public var from: Time
}

/// A battery with `capacity` of its nominal charge and `extraCurrent` drawn beyond what
/// the twin's device model accounts for (a motor, a display, a leaky regulator).
public struct BatteryTruth: Sendable, Hashable {
    public var device: String
    public var capacity: Ratio
    public var extraCurrent: Current
}

public struct GatewayFailureTruth: Sendable, Hashable {
    public var gateway: String
    public var at: Time
    public var duration: Time?
}

public struct JammerTruth: Sendable, Hashable {
    public var near: String
    public var from: Time
    public var duration: Time?
    public var power: PowerLevel
}
