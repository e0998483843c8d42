import TwinUnits
import TwinVocabulary

/// A device's non-radio loads and the regulator between its battery and its rail, as
/// twin.json carries them (`TwinModels.PlatformLoad`, `VoltageRegulator`): the runtime's
/// battery account and the analytic lifetime both read these values, so an edit here
/// changes both. Each part names its datasheet or product source.
public struct PlatformConfig: Sendable, Hashable {
    public var name: String
    public var regulator: RegulatorConfig
    public var components: [PlatformComponentConfig]

    public init(name: String, regulator: RegulatorConfig, components: [PlatformComponentConfig]) {
        self.name = name
        self.regulator = regulator
        self.components = components
    }

    /// Only an MCU asleep at `current` from `rail`, with no regulator: what every device
    /// drew before platforms existed (Castalia's `baselineNodePower`), kept for
    /// hand-made twins and devices whose class has no platform.
    /// Adds a current drawn at the battery's terminals whatever the load (a drain the
    /// platform does not model, learned by the live twin or injected by its emulator).
    /// It joins the regulator's quiescent current, which is exactly such a current.
    public mutating func addDrainAtBattery(_ current: Current) {
        regulator.quiescentCurrent += current
    }

    public static func sleepingMCU(_ current: Current, rail: Voltage = .volts(3), source: String = "MCU asleep") -> PlatformConfig {
        PlatformConfig(
            name: "mcu-sleep", regulator: .direct,
            components: [PlatformComponentConfig(name: "mcu", role: .processor, source: source,
                                                 activePower: current * rail)])
    }
}

/// `kind`: `direct` (loads run from the cell), `linear` (LDO), `buck`, `boost`.
public struct RegulatorConfig: Sendable, Hashable {
    public var name: String
    public var kind: RegulatorKind
    public var source: String
    public var outputVoltage: Voltage?
    public var efficiency: Double
    public var quiescentCurrent: Current
    public var minimumInput: Voltage

    public init(name: String, kind: RegulatorKind, source: String, outputVoltage: Voltage?, efficiency: Double,
                quiescentCurrent: Current, minimumInput: Voltage) {
        self.name = name
        self.kind = kind
        self.source = source
        self.outputVoltage = outputVoltage
        self.efficiency = efficiency
        self.quiescentCurrent = quiescentCurrent
        self.minimumInput = minimumInput
    }

    public static let direct = RegulatorConfig(
        name: "direct", kind: .direct, source: "no regulator: loads run from the cell", outputVoltage: nil,
        efficiency: 1, quiescentCurrent: .zero, minimumInput: .zero)
}

/// One load on the rail: `activePower` for `dutyCycle` of the time, `idlePower` the
/// rest, plus `energyPerEvent` × `eventsPerDay` (an actuator). `role`: `processor`,
/// `sensor-front-end`, `actuator`, `display`, `other`.
public struct PlatformComponentConfig: Sendable, Hashable {
    public var name: String
    public var role: PlatformRole
    public var source: String
    public var activePower: Power
    public var idlePower: Power
    public var dutyCycle: Double
    public var energyPerEvent: Energy
    public var eventsPerDay: Double

    public init(name: String, role: PlatformRole, source: String, activePower: Power, idlePower: Power = .zero,
                dutyCycle: Double = 1, energyPerEvent: Energy = .zero, eventsPerDay: Double = 0) {
        self.name = name
        self.role = role
        self.source = source
        self.activePower = activePower
        self.idlePower = idlePower
        self.dutyCycle = dutyCycle
        self.energyPerEvent = energyPerEvent
        self.eventsPerDay = eventsPerDay
    }
}

/// One point of a cell's discharge curve: after delivering `delivered` of the rated
/// capacity (0…1) the loaded cell is at `voltage` (one cell; `BatteryConfig.cells` in
/// series multiply it).
public struct DischargePointConfig: Sendable, Hashable {
    public var delivered: Double
    public var voltage: Voltage

    public init(delivered: Double, voltage: Voltage) {
        self.delivered = delivered
        self.voltage = voltage
    }
}
