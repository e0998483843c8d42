import Foundation
import TwinUnits
import TwinVocabulary

/// One non-radio part of a device that draws power from its supply rail: the MCU with
/// its duty cycle, a sensor's analogue front end, an actuator (the pump's motor, energy
/// per delivery), a display.
///
/// Why it exists: before this model only the radio drew current (plus a fixed 3 µA), so
/// an insulin pump's motor, a watch's display or a headset's SoC cost nothing and their
/// lifetimes were years. Every component states the datasheet or product figure it
/// comes from in `source` (✔ read, ◐ placeholder; docs/sources-energy.md §Platform).
public struct PlatformComponent: Sendable, Hashable {
    /// The roles, named where twin.json carries them.
    public typealias Role = PlatformRole

    public var name: String
    public var source: String
    public var role: Role
    /// Draw while active and while idle, on the rail.
    public var activePower: Power
    public var idlePower: Power
    /// Fraction of time active, 0…1.
    public var dutyCycle: Double
    /// Energy per discrete event (a motor step, a cuff inflation) and events per day.
    public var energyPerEvent: Energy
    public var eventsPerDay: Double

    public init(name: String, source: String, role: Role, activePower: Power, idlePower: Power = .zero,
                dutyCycle: Double = 1, energyPerEvent: Energy = .zero, eventsPerDay: Double = 0) {
        self.name = name
        self.source = source
        self.role = role
        self.activePower = activePower
        self.idlePower = idlePower
        self.dutyCycle = Swift.min(Swift.max(dutyCycle, 0), 1)
        self.energyPerEvent = energyPerEvent
        self.eventsPerDay = Swift.max(eventsPerDay, 0)
    }

    /// A component given as datasheet currents at `rail`.
    public static func currents(_ name: String, source: String, role: Role, active: Current, idle: Current = .zero,
                                dutyCycle: Double = 1, rail: Voltage) -> PlatformComponent {
        PlatformComponent(name: name, source: source, role: role, activePower: active * rail, idlePower: idle * rail,
                          dutyCycle: dutyCycle)
    }

    /// An actuator given as energy per event and events per day (the pump's motor).
    public static func actuator(_ name: String, source: String, energyPerEvent: Energy, eventsPerDay: Double,
                                idle: Power = .zero) -> PlatformComponent {
        PlatformComponent(name: name, source: source, role: .actuator, activePower: .zero, idlePower: idle,
                          dutyCycle: 0, energyPerEvent: energyPerEvent, eventsPerDay: eventsPerDay)
    }

    /// Average power on the rail: `P_a·d + P_i·(1−d) + E_event·events/day`.
    public var averagePower: Power {
        activePower * dutyCycle + idlePower * (1 - dutyCycle)
            + Power(si: energyPerEvent.si * eventsPerDay / Time.days(1).si)
    }
}

/// A device's platform: the components besides its radio.
public struct PlatformLoad: Sendable, Hashable {
    public var name: String
    public var components: [PlatformComponent]

    public init(name: String, components: [PlatformComponent]) {
        self.name = name
        self.components = components
    }

    public var averagePower: Power { components.reduce(Power.zero) { $0 + $1.averagePower } }

    /// Average power per role, in `Role.allCases` order (roles with no component omitted).
    public var powerByRole: [(role: PlatformComponent.Role, power: Power)] {
        PlatformComponent.Role.allCases.compactMap { role in
            let parts = components.filter { $0.role == role }
            return parts.isEmpty ? nil : (role, parts.reduce(Power.zero) { $0 + $1.averagePower })
        }
    }

    /// The same platform with one component replaced or added (a per-device override
    /// from twin.json, matched by name).
    public func overriding(_ component: PlatformComponent) -> PlatformLoad {
        var copy = self
        if let index = copy.components.firstIndex(where: { $0.name == component.name }) {
            copy.components[index] = component
        } else {
            copy.components.append(component)
        }
        return copy
    }
}
