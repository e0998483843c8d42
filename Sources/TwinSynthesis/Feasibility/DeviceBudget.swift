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
        battery = Self.battery(of: device, catalogue: catalogue)
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
    static func battery(of device: ResolvedDevice, catalogue: SynthesisCatalogue) -> TwinModels.BatteryProfile? {
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
        guard let capacity = settings?.capacity?.value ?? cell?.capacity.value ?? model?.capacity, capacity.si > 0 else {
            return nil
        }
        let voltage = settings?.voltage?.value ?? cell?.voltage.value ?? model?.nominalVoltage ?? .volts(3)
        return TwinModels.BatteryProfile(
            name: profileID ?? "\(device.id) battery", source: model?.source ?? "use case",
            nominalVoltage: voltage, capacity: capacity, peukertExponent: model?.peukertExponent ?? 1,
            ratedDischargeTime: model?.ratedDischargeTime ?? .hours(20))
    }

    /// The longest time `battery` lasts at `current`: the better of the linear and the
    /// Peukert drain (the plan may choose either model; at the low currents of a BAN,
    /// Peukert's law predicts the longer life). Self-discharge is left out, as in the
    /// runtime, so the figure stays an upper bound on what the twin will report.
    func longestLifetime(at current: Current) -> Time? {
        guard var battery, current.si > 0 else { return nil }
        battery.selfDischargePerYear = 0
        let linear = try? BatteryDrainModel.linear.lifetime(of: battery, averageCurrent: current)
        let peukert = battery.peukertExponent == 1 ? nil
            : try? BatteryDrainModel.peukert.lifetime(of: battery, averageCurrent: current)
        return [linear, peukert].compactMap { $0 }.max()
    }
}
