import Foundation
import TwinUnits
import TwinVocabulary

/// The converter between a battery and a device's supply rail: what the battery must
/// give (power at its own voltage) for a load on the rail, and below which battery
/// voltage the rail is lost.
///
/// Models (docs/sources-energy.md §Regulators):
/// - **direct**: the load runs from the cell (a coin-cell sensor whose SoC has its own
///   internal DC/DC, as the nRF52 figures in `RadioCatalogue` assume): input power =
///   load power, no minimum beyond the cell's own cutoff.
/// - **linear (LDO)**: input current = load current + quiescent current, whatever the
///   input voltage, so the battery gives `V_in·(I_load + I_q)`; it stops regulating when
///   `V_in < V_out + dropout`.
/// - **switching (buck or boost)**: `P_in = P_out / η + V_in·I_q`, with η the datasheet's
///   efficiency in its power-save mode and I_q its quiescent current: the quiescent term
///   is what makes light-load efficiency fall (at 100 µA out of 3.3 V a 25 µA I_q costs
///   as much as the load), and it is the term the datasheets state. A boost converter
///   stops at its minimum input voltage; a buck at `V_out` (it passes through below).
///
/// Datasheet values: TI TPS6102x (TPS61029) synchronous boost, "96 % efficient",
/// I_q 25 µA typ, input 0.9–6.5 V, one alkaline cell discharged down to 0.9 V ✔
/// (ti.com/lit/pdf/slvsa31); TI TPS62800-series buck, I_q 2.3 µA typ in power save ✔
/// (SLVSDD1F §6.5), efficiency 90 % assumed ◐; LDO I_q 1 µA, dropout 0.1 V ◐.
public struct VoltageRegulator: Sendable, Hashable {
    /// The converter kinds, named where twin.json carries them.
    public typealias Kind = RegulatorKind

    public var name: String
    public var source: String
    public var kind: Kind
    /// The rail voltage the loads see (for `direct`, nil: the rail is the cell).
    public var outputVoltage: Voltage?
    /// Power-save efficiency of a switching converter (1 for direct and linear).
    public var efficiency: Double
    public var quiescentCurrent: Current
    /// Lowest input at which the rail is held: dropout for an LDO, V_in(min) for a boost.
    public var minimumInput: Voltage

    public init(name: String, source: String, kind: Kind, outputVoltage: Voltage?, efficiency: Double = 1,
                quiescentCurrent: Current = .zero, minimumInput: Voltage = .zero) {
        self.name = name
        self.source = source
        self.kind = kind
        self.outputVoltage = outputVoltage
        self.efficiency = efficiency
        self.quiescentCurrent = quiescentCurrent
        self.minimumInput = minimumInput
    }

    /// The battery current for a rail load as `perWatt·P_load + fixed` at input
    /// voltage `input`; nil when the regulator cannot hold the rail there (the device
    /// browns out). Every kind is linear in the load at a given input, which is what lets
    /// the runtime account the battery per joule of rail energy and per second of
    /// running (`DeviceLifetimeModel.batteryCurrent`):
    /// direct `P/V_in`; LDO `P/V_out + I_q`; buck/boost `P/(η·V_in) + I_q`.
    public func currentCoefficients(input: Voltage) -> (perWatt: Double, fixed: Current)? {
        guard input.si > 0, input.si >= minimumInput.si - 1e-12 else { return nil }
        switch kind {
        case .direct:
            return (1 / input.si, .zero)
        case .linear:
            let rail = outputVoltage ?? input
            guard rail.si > 0 else { return nil }
            return (1 / rail.si, quiescentCurrent)
        case .buck, .boost:
            guard efficiency > 0 else { return nil }
            return (1 / (efficiency * input.si), quiescentCurrent)
        }
    }

    /// Battery current for `load` at `input` (nil when the rail is lost).
    public func inputCurrent(load: Power, input: Voltage) -> Current? {
        currentCoefficients(input: input).map { Current(si: $0.perWatt * load.si) + $0.fixed }
    }

    /// Battery-side power for a rail load of `load` when the battery is at `input`; nil
    /// when the regulator cannot hold the rail at that input.
    public func inputPower(load: Power, input: Voltage) -> Power? {
        inputCurrent(load: load, input: input).map { $0 * input }
    }

    /// Loads run straight from the cell.
    public static let direct = VoltageRegulator(
        name: "direct", source: "no regulator: loads run from the cell (SoC-internal DC/DC)", kind: .direct,
        outputVoltage: nil)

    /// TI TPS61029: one alkaline/NiMH cell to 3.3 V, 96 % efficient, I_q 25 µA, works
    /// from 0.9 V ✔ (SLVSA31).
    public static let tps61029Boost = VoltageRegulator(
        name: "tps61029-boost-3v3",
        source: "TI TPS6102x datasheet SLVSA31: 96 % efficient synchronous boost, Iq 25 uA typ, VIN 0.9-6.5 V ✔",
        kind: .boost, outputVoltage: .volts(3.3), efficiency: 0.96, quiescentCurrent: .microamperes(25),
        minimumInput: .volts(0.9))

    /// TI TPS62800-class buck from one Li-ion cell to 1.8 V: I_q 2.3 µA ✔ (SLVSDD1F),
    /// η 90 % ◐.
    public static let tps62800Buck = VoltageRegulator(
        name: "tps62800-buck-1v8",
        source: "TI TPS62800 datasheet SLVSDD1F: Iq 2.3 uA typ power save ✔; efficiency 90 % assumed ◐",
        kind: .buck, outputVoltage: .volts(1.8), efficiency: 0.90, quiescentCurrent: .microamperes(2.3),
        minimumInput: .volts(1.8))

    /// A generic 3.0 V LDO from one Li-ion cell: I_q 1 µA, dropout 0.1 V ◐.
    public static let ldo3V0 = VoltageRegulator(
        name: "ldo-3v0", source: "generic 3.0 V LDO, Iq 1 uA, dropout 0.1 V ◐", kind: .linear,
        outputVoltage: .volts(3.0), quiescentCurrent: .microamperes(1), minimumInput: .volts(3.1))
}
