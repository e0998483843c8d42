import Foundation
import TwinUnits

/// Why a device's battery life ended.
public enum LifetimeEnd: String, Sendable, Hashable {
    /// The cell reached its end-of-discharge voltage.
    case cutoff
    /// The regulator could no longer hold the rail (LDO dropout, boost minimum input)
    /// before the cell's own cutoff.
    case regulatorDropout = "regulator-dropout"
}

/// The result of a whole-device lifetime computation.
public struct DeviceLifetimeEstimate: Sendable, Hashable {
    public var lifetime: Time
    public var end: LifetimeEnd
    /// Energy taken from the cell before the end.
    public var energyDelivered: Energy
    /// Charge taken from the cell before the end.
    public var chargeDelivered: Charge
    /// Average power on the rail (radio + platform).
    public var railPower: Power
    /// Average current out of the battery over the lifetime.
    public var averageBatteryCurrent: Current
}

/// Lifetime from energy, through the regulator, down to the cutoff.
///
/// The rail load (radio average + platform average, both in watts at the rail) is held
/// constant; the battery is discharged in small charge steps along its `DischargeCurve`.
/// At each step the battery voltage V sets the regulator's input power P_in(V) (more
/// current for a boost converter as the cell sags), the battery current is
/// `P_in/V + I_self`, and the step lasts `Δq / I`. The sum stops at the cell's cutoff or
/// where the regulator drops out. This replaces "capacity ÷ radio current at the radio's
/// voltage", which let a 1.5 V AA supply a 3 V radio's milliamps one for one.
///
/// Source: charge balance `t = ∫ dq / I(V(q))` with the curves of `DischargeCurve` and
/// the regulator equations of `VoltageRegulator` (docs/sources-energy.md). With a
/// lossless direct rail and a flat curve this reduces to `C·V̄ / P` — the check the
/// tests make against `BatteryDrainModel.linear`.
public struct DeviceLifetimeModel: Sendable, Hashable {
    public var battery: BatteryCell
    public var regulator: VoltageRegulator
    public var platform: PlatformLoad
    /// Integration steps over the rated capacity.
    public var steps: Int

    public init(battery: BatteryCell, regulator: VoltageRegulator, platform: PlatformLoad, steps: Int = 400) {
        self.battery = battery
        self.regulator = regulator
        self.platform = platform
        self.steps = Swift.max(10, steps)
    }

    /// The battery current at a rail load of `railPower` after the cell has delivered
    /// `delivered`: the regulator's current at the cell's voltage there plus
    /// self-discharge; nil once the regulator has dropped out. The one equation the
    /// analytic lifetime below and the runtime's battery account (`EnergyAccount`,
    /// which applies it per joule of rail energy and per second of running) share.
    public func batteryCurrent(railPower: Power, delivered: Charge) -> Current? {
        drawCoefficients(delivered: delivered).map { Current(si: $0.perWatt * railPower.si) + $0.fixed }
    }

    /// `batteryCurrent` as `perWatt·P_rail + fixed` (fixed: regulator quiescent current
    /// and self-discharge); nil once the regulator has dropped out.
    public func drawCoefficients(delivered: Charge) -> (perWatt: Double, fixed: Current)? {
        let volts = battery.voltage(afterDelivering: delivered)
        return regulator.currentCoefficients(input: volts).map { ($0.perWatt, $0.fixed + battery.selfDischargeCurrent) }
    }

    /// The charge the device can take from the cell: the rated capacity (to the cutoff),
    /// or less when the regulator drops out first (an LDO below `V_out + dropout`, a
    /// boost converter below its minimum input).
    public var usableCharge: Charge {
        guard let fraction = battery.curve.deliveredFraction(whenVoltageFallsTo: regulator.minimumInput / Double(battery.cellsInSeries)),
              regulator.minimumInput.si > 0 else { return battery.capacity }
        return battery.capacity * Swift.min(1, Swift.max(0, fraction))
    }

    /// Lifetime with the radio drawing `radioPower` on the rail on average.
    public func lifetime(radioPower: Power) throws(ModelDomainError) -> DeviceLifetimeEstimate {
        let rail = radioPower + platform.averagePower
        try ModelMath.requirePositive(rail.si, "device rail power")
        try ModelMath.requirePositive(battery.capacity.si, "battery capacity")
        let step = battery.capacity / Double(steps)
        var time = 0.0, energy = 0.0, charge = 0.0
        var end = LifetimeEnd.cutoff
        for index in 0..<steps {
            let mid = step * (Double(index) + 0.5)
            guard let current = batteryCurrent(railPower: rail, delivered: mid), current.si > 0 else {
                end = .regulatorDropout
                break
            }
            time += step.si / current.si
            charge += step.si
            energy += step.si * battery.voltage(afterDelivering: mid).si
        }
        guard time > 0 else {
            throw .outOfRange(parameter: "battery voltage for the regulator (V)", value: battery.fullVoltage.si,
                              allowed: regulator.minimumInput.si...Double.greatestFiniteMagnitude)
        }
        return DeviceLifetimeEstimate(
            lifetime: .seconds(time), end: end, energyDelivered: .joules(energy), chargeDelivered: .coulombs(charge),
            railPower: rail, averageBatteryCurrent: Current(si: charge / time))
    }

    /// Lifetime with the radio given as an average current at its own supply voltage
    /// (the form `ScheduledAccessBudget.averageCurrent` and twin.json radios use).
    public func lifetime(radioCurrent: Current, radioVoltage: Voltage) throws(ModelDomainError) -> DeviceLifetimeEstimate {
        try lifetime(radioPower: radioCurrent * radioVoltage)
    }
}
