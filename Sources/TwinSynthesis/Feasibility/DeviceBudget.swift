import TwinModels
import TwinSpec
import TwinUnits

/// What the bounds know about one device: its air interface, the radio's currents at
/// the lowest TX level it may use, its battery, and the uplink its gateway forwards on.
///
/// The radio comes from the TwinModels profile the catalogue entry links
/// (`profile:NAME`, with the published TX-level tables), else from the entry's own
/// currents (its TX current, given at the maximum level, then stands for every level).
/// The battery is the device's settings over its catalogue cell over its class
/// default, as in twin.json; the cell's linked TwinModels profile gives the Peukert
/// exponent.
struct DeviceBudget: Sendable {
    let device: ResolvedDevice
    let air: AirInterface?
    let radio: TwinModels.RadioProfile?
    /// The lowest TX level the radio may be set to and its supply current there.
    let lowestLevel: PowerLevel?
    let transmitCurrent: Current?
    /// True when the TX current came from a level table (not the entry's single value).
    let levelTable: Bool
    let battery: TwinModels.BatteryProfile?
    /// The cell's chemistry (the catalogue's, else read from its voltage).
    let chemistry: BatteryCell.Chemistry
    /// The gateway's uplink (the first use-case link from the primary gateway, the one
    /// twin.json forwards on).
    let uplink: Link?

    var id: String { device.id }

    init(_ device: ResolvedDevice, useCase: UseCase, catalogue: SynthesisCatalogue) {
        self.device = device
        air = AirInterface(device)
        let linked = device.radioEntry?.linkedProfileName.flatMap(TwinModels.RadioCatalogue.named)
        let entry = device.radio
        radio = linked ?? Self.synthesised(device.radioEntry?.id.value ?? device.id, entry)
        let floor = [linked?.minimumLevel, entry?.txPowerMin?.value].compactMap { $0 }.max { $0.dBm < $1.dBm }
        lowestLevel = floor ?? entry?.txPowerMax?.value
        if let linked, let level = floor ?? linked.minimumLevel {
            transmitCurrent = linked.transmitCurrent(at: level)
            levelTable = true
        } else {
            transmitCurrent = entry?.txCurrent?.value
            levelTable = false
        }
        (battery, chemistry) = Self.battery(of: device, catalogue: catalogue)
        let primary = device.device.gateway.primary.value
        uplink = useCase.network.links.first { $0.from.value == primary }
    }

    /// A TwinModels profile from a catalogue entry's single currents (wake-up costs
    /// unknown, so none: the bound stays a lower bound on current).
    static func synthesised(_ name: String, _ entry: TwinSpec.RadioProfile?) -> TwinModels.RadioProfile? {
        guard let entry, let tx = entry.txCurrent?.value, let rx = entry.rxCurrent?.value else { return nil }
        let volts = entry.voltage?.value ?? .volts(3)
        let level = entry.txPowerMax?.value ?? PowerLevel(dBm: 0)
        return TwinModels.RadioProfile(
            name: name, source: "catalogue entry \(name)", supplyVoltage: volts,
            transmitLevels: [.init(level: level, draw: tx * volts)], receive: rx * volts,
            sleep: (entry.sleepCurrent?.value ?? .zero) * volts, wakeUp: rx * volts, wakeUpTime: .zero,
            turnaroundTime: .zero, receiveModes: [])
    }

    /// The device's cell: its own capacity over its profile's over its class default's.
    static func battery(of device: ResolvedDevice, catalogue: SynthesisCatalogue)
        -> (TwinModels.BatteryProfile?, BatteryCell.Chemistry) {
        let settings = device.device.battery
        var profileID = settings?.profile?.value
        if profileID == nil, settings?.capacity == nil,
           case .deviceClass(let profile)? = catalogue.entry(device.device.deviceClass.value)?.details {
            profileID = profile.battery?.value
        }
        let entry = profileID.flatMap(catalogue.entry)
        var cell: TwinSpec.BatteryProfile?
        if case .battery(let profile)? = entry?.details { cell = profile }
        let model = entry?.linkedProfileName.flatMap(TwinModels.BatteryProfile.named)
        let voltage = settings?.voltage?.value ?? cell?.voltage.value ?? model?.nominalVoltage ?? .volts(3)
        let chemistry = DeviceSupplyResolution.chemistry(catalogue: cell?.chemistry?.value, nominal: voltage)
        guard let capacity = settings?.capacity?.value ?? cell?.capacity.value ?? model?.capacity, capacity.si > 0 else {
            return (nil, chemistry)
        }
        return (TwinModels.BatteryProfile(
            name: profileID ?? "\(device.id) battery", source: model?.source ?? "use case",
            nominalVoltage: voltage, capacity: capacity, peukertExponent: model?.peukertExponent ?? 1,
            ratedDischargeTime: model?.ratedDischargeTime ?? .hours(20)), chemistry)
    }

    /// The longest time the device lasts with its radio drawing `radioCurrent` at its
    /// supply voltage: the whole-device model twin.json will carry (the class's
    /// platform and regulator, the cell's discharge curve; `DeviceSupplyResolution`),
    /// the better of the linear and the Peukert drain (the plan may choose either).
    /// Self-discharge is left out, so the figure stays an upper bound on what the twin
    /// will report.
    func longestLifetime(radioCurrent: Current) -> DeviceLifetimeEstimate? {
        guard var battery, let radio else { return nil }
        battery.selfDischargePerYear = 0
        let model = DeviceSupplyResolution.lifetimeModel(
            deviceClass: device.device.deviceClass.value, battery: battery, chemistry: chemistry, rail: radio.supplyVoltage)
        guard var estimate = try? model.lifetime(radioPower: radioCurrent * radio.supplyVoltage) else { return nil }
        if battery.peukertExponent != 1,
           let effective = try? BatteryDrainModel.peukert.consumedCharge(
               of: battery, averageCurrent: estimate.averageBatteryCurrent, over: .hours(1)),
           effective.si > 0, effective.si < (estimate.averageBatteryCurrent * .hours(1)).si {
            estimate.lifetime = estimate.lifetime * ((estimate.averageBatteryCurrent * .hours(1)).si / effective.si)
        }
        return estimate
    }
}
