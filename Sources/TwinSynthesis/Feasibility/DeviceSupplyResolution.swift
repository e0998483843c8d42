import TwinModels
import TwinUnits
import TwinVocabulary

/// How a device's battery and platform become the whole-device energy model
/// (`TwinModels.DeviceLifetimeModel`), shared by the compile-time lifetime bound and the
/// generated twin.json (`TwinGenerate.PlatformConfigBuilder`), so the bound and the run
/// read the same cell, curve, regulator and platform.
public enum DeviceSupplyResolution {
    /// The chemistry of a cell: the catalogue's, else read from the nominal voltage a
    /// use case wrote (3.3–4.4 V Li-ion, 2.9–3.3 V Li/MnO₂, 2.5–2.9 V Li/I₂, else
    /// alkaline cells in series). The guess is a modelling shortcut design.md names.
    public static func chemistry(catalogue: BatteryChemistry?, nominal: Voltage) -> BatteryCell.Chemistry {
        if let catalogue { return BatteryCell.Chemistry(catalogue) }
        let volts = nominal.si
        if volts >= 3.3 && volts <= 4.4 { return .lithiumIon }
        if volts >= 2.9 && volts < 3.3 { return .lithiumManganeseDioxide }
        if volts >= 2.5 && volts < 2.9 { return .lithiumIodine }
        return .alkaline
    }

    /// The device's platform and regulator: its class's profile (datasheet parts), else
    /// an MCU asleep at `PlatformBaseline.sleepCurrent` from `rail` with no regulator.
    public static func platform(deviceClass: String, rail: Voltage) -> (platform: PlatformLoad, regulator: VoltageRegulator, classProfile: Bool) {
        if let profile = DeviceClassEnergyProfile.forClass(deviceClass) {
            return (profile.platform, profile.regulator, true)
        }
        let mcu = PlatformComponent.currents("mcu", source: PlatformBaseline.source, role: .processor,
                                             active: PlatformBaseline.sleepCurrent, rail: rail)
        return (PlatformLoad(name: "mcu-sleep", components: [mcu]), .direct, false)
    }

    /// The whole-device model of a device of `deviceClass` on `battery` of `chemistry`,
    /// its radio at `rail`.
    public static func lifetimeModel(deviceClass: String, battery: BatteryProfile, chemistry: BatteryCell.Chemistry,
                                     rail: Voltage) -> DeviceLifetimeModel {
        let supply = platform(deviceClass: deviceClass, rail: rail)
        return DeviceLifetimeModel(battery: BatteryCell(profile: battery, chemistry: chemistry),
                                   regulator: supply.regulator, platform: supply.platform)
    }
}
