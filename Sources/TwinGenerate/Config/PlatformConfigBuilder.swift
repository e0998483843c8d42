import TwinConfig
import TwinModels
import TwinSpec
import TwinSynthesis
import TwinUnits

/// A device's supply for twin.json: its class's platform loads and regulator from
/// `TwinModels.DeviceClassEnergyProfile` (datasheet parts with their sources, docs/
/// sources-energy.md), and its battery's discharge curve from the cell's chemistry
/// (`DischargeCurve`). A device whose class has no profile keeps what every device drew
/// before issue 11: an MCU asleep (`PlatformBaseline`, 3 µA) at the radio's voltage,
/// with no regulator — a shortcut the design document names.
///
/// Modelling shortcut (named in design.md): the platform is chosen by the device's
/// class id, not yet by a catalogue key a use case can override; a hand edit of
/// twin.json's `platform` overrides it for one device.
enum PlatformConfigBuilder {
    static func platform(deviceClass: String, radioVoltage: Voltage) -> PlatformConfig {
        let (platform, regulator, _) = DeviceSupplyResolution.platform(deviceClass: deviceClass, rail: radioVoltage)
        return PlatformConfig(
            name: platform.name,
            regulator: RegulatorConfig(
                name: regulator.name, kind: regulator.kind, source: regulator.source,
                outputVoltage: regulator.outputVoltage, efficiency: regulator.efficiency,
                quiescentCurrent: regulator.quiescentCurrent, minimumInput: regulator.minimumInput),
            components: platform.components.map { part in
                PlatformComponentConfig(
                    name: part.name, role: part.role, source: part.source, activePower: part.activePower,
                    idlePower: part.idlePower, dutyCycle: part.dutyCycle, energyPerEvent: part.energyPerEvent,
                    eventsPerDay: part.eventsPerDay)
            })
    }

    /// Cells in series and one cell's curve for a battery of `nominal` volts.
    static func cells(_ chemistry: BatteryCell.Chemistry, nominal: Voltage) -> (count: Int, curve: [DischargePointConfig]) {
        let curve = chemistry.curve
        let count = Swift.max(1, Int((nominal.si / Swift.max(curve.meanVoltage.si, 0.1)).rounded()))
        return (Swift.min(count, 64), curve.points.map { DischargePointConfig(delivered: $0.delivered, voltage: $0.voltage) })
    }
}
