import TwinConfig
import TwinModels
import TwinUnits

/// twin.json's battery, regulator and platform as the one whole-device energy model
/// (`TwinModels.DeviceLifetimeModel`) that both the simulation's battery account
/// (`EnergyAccount`) and every lifetime prediction (`predictedLifetime`, the energy
/// application's analytic model, the optimiser) use, so the analytic lifetime and the
/// discrete-event run cannot drift apart.
///
/// The radio's currents are datasheet currents at the radio's supply (`radio.voltage`),
/// so the radio's rail power is `I × V_radio`; the platform's loads are rail powers; the
/// regulator turns the sum into battery current at the cell's voltage along its
/// discharge curve (issue 11 §1: lifetime from energy, not mAh at a mismatched voltage).
public struct DeviceSupply: Sendable, Hashable {
    public let model: DeviceLifetimeModel
    /// The voltage the radio's currents are given at.
    public let radioVoltage: Voltage
    /// Peukert's law on top of the curve (`battery.model` `peukert`), else nil.
    let peukert: BatteryProfile?

    public init(device: DeviceConfig) {
        let battery = device.battery
        let cells = Swift.max(1, battery.cells)
        let perCell = battery.voltage / Double(cells)
        let curve = battery.curve.count >= 2
            ? DischargeCurve(battery.curve.map { (delivered: $0.delivered, volts: $0.voltage.si) })
            : DischargeCurve([(0, perCell.si), (1, perCell.si)])
        let chemistry = battery.chemistry.map(BatteryCell.Chemistry.init) ?? .lithiumManganeseDioxide
        let cell = BatteryCell(name: battery.profile, source: "twin.json", chemistry: chemistry, curve: curve,
                               cellsInSeries: cells, capacity: battery.capacity,
                               selfDischargePerYear: battery.selfDischargePerYear)
        model = DeviceLifetimeModel(battery: cell, regulator: Self.regulator(device.platform.regulator),
                                    platform: Self.platform(device.platform))
        radioVoltage = device.radio.voltage.si > 0 ? device.radio.voltage : battery.voltage
        if battery.model == .peukert, battery.capacity.si > 0 {
            let rated: Time = battery.ratedCurrent.si > 0 ? battery.capacity / battery.ratedCurrent : .hours(20)
            peukert = BatteryProfile(name: battery.profile, source: "twin.json", nominalVoltage: battery.voltage,
                                     capacity: battery.capacity,
                                     peukertExponent: battery.peukertExponent > 0 ? battery.peukertExponent : 1,
                                     ratedDischargeTime: rated)
        } else {
            peukert = nil
        }
    }

    /// True when the device's radio listens rather than sleeps between its activities:
    /// a WLAN station whose packets come closer together than its power-save inactivity
    /// timeout (`WLANRadioProfile.dozeAfter`, 100 ms; `WLANActivity.shares`).
    public static func listensWhenIdle(_ device: DeviceConfig) -> Bool {
        device.radio.technology == .wlan && device.traffic.interval.si > 0
            && device.traffic.packetInterval.si < WLANRadioProfile.esp32.dozeAfter.si
    }

    /// The platform's average draw on the rail.
    public var platformPower: Power { model.platform.averagePower }

    /// Rail power of a radio drawing `current` on average plus the platform.
    public func railPower(radioCurrent: Current) -> Power { radioCurrent * radioVoltage + platformPower }

    /// The factor Peukert's law puts on the charge drawn at `averageCurrent` from the
    /// battery, `(I/I_rated)^(k−1)` (1 for a linear battery).
    public func peukertWeight(averageCurrent: Current) -> Double {
        guard let peukert, averageCurrent.si > 0 else { return 1 }
        let seconds = 3600.0
        guard let effective = try? BatteryDrainModel.peukert.consumedCharge(
            of: peukert, averageCurrent: averageCurrent, over: .seconds(seconds)) else { return 1 }
        let raw = averageCurrent.si * seconds
        return raw > 0 && effective.si.isFinite ? effective.si / raw : 1
    }

    /// How long the battery lasts at `railPower` on average (radio and platform): the
    /// curve-and-regulator integral of `DeviceLifetimeModel`, Peukert-weighted when the
    /// battery says so. nil when the model refuses (no capacity, no load).
    public func lifetime(railPower: Power) -> DeviceLifetimeEstimate? {
        let radio = railPower - platformPower
        guard var estimate = try? model.lifetime(radioPower: Power(si: Swift.max(0, radio.si))),
              estimate.lifetime.si.isFinite else { return nil }
        let weight = peukertWeight(averageCurrent: estimate.averageBatteryCurrent)
        if weight > 0, weight != 1 {
            estimate.lifetime = estimate.lifetime / weight
            estimate.averageBatteryCurrent = estimate.averageBatteryCurrent * weight
        }
        return estimate
    }

    static func regulator(_ config: RegulatorConfig) -> VoltageRegulator {
        VoltageRegulator(
            name: config.name, source: config.source, kind: config.kind,
            outputVoltage: config.outputVoltage, efficiency: config.efficiency, quiescentCurrent: config.quiescentCurrent,
            minimumInput: config.minimumInput)
    }

    static func platform(_ config: PlatformConfig) -> PlatformLoad {
        PlatformLoad(name: config.name, components: config.components.map { part in
            PlatformComponent(
                name: part.name, source: part.source, role: part.role,
                activePower: part.activePower, idlePower: part.idlePower, dutyCycle: part.dutyCycle,
                energyPerEvent: part.energyPerEvent, eventsPerDay: part.eventsPerDay)
        })
    }
}
