import Foundation
import TwinUnits
import TwinVocabulary

/// A battery as the whole-device energy model sees it: chemistry (its discharge curve),
/// cells in series, rated capacity to the cutoff, self-discharge.
///
/// `BatteryProfile` (the older, radio-only model) knows a nominal voltage and a
/// capacity; a `BatteryCell` adds the cutoff and the curve so that lifetime can be
/// computed from energy through a regulator (`DeviceLifetimeModel`) rather than from
/// mAh at whatever voltage the radio happens to run at. `init(profile:curve:)` upgrades
/// a profile, so twin.json's existing battery block can feed this model.
///
/// Sources: docs/sources-energy.md §Batteries (each cell's `source`).
public struct BatteryCell: Sendable, Hashable {
    public enum Chemistry: String, Sendable, Hashable, CaseIterable {
        case lithiumManganeseDioxide = "li-mno2"
        case alkaline
        case lithiumIon = "li-ion"
        case lithiumIodine = "li-iodine"

        /// The chemistry's typical curve for one cell (`DischargeCurve`).
        public var curve: DischargeCurve {
            switch self {
            case .lithiumManganeseDioxide: .lithiumManganeseDioxide
            case .alkaline: .alkaline
            case .lithiumIon: .lithiumIon
            case .lithiumIodine: .lithiumIodine
            }
        }

        /// The curve family of a vocabulary chemistry: Li-polymer discharges as Li-ion,
        /// NiMH and zinc-air as the alkaline curve (the nearest of the four measured).
        public init(_ chemistry: BatteryChemistry) {
            switch chemistry {
            case .liMnO2: self = .lithiumManganeseDioxide
            case .liIon, .liPolymer: self = .lithiumIon
            case .liIodine: self = .lithiumIodine
            case .alkaline, .nimh, .zincAir: self = .alkaline
            }
        }

        /// The vocabulary's name of this chemistry (what twin.json writes).
        public var vocabulary: BatteryChemistry {
            switch self {
            case .lithiumManganeseDioxide: .liMnO2
            case .alkaline: .alkaline
            case .lithiumIon: .liIon
            case .lithiumIodine: .liIodine
            }
        }
    }

    public var name: String
    public var source: String
    public var chemistry: Chemistry
    /// One cell's loaded voltage against the charge delivered: the chemistry's typical
    /// curve unless twin.json (or the caller) gives its own.
    public var curve: DischargeCurve
    /// Cells in series (the curve's voltages are multiplied by it).
    public var cellsInSeries: Int
    /// Rated capacity to the cutoff voltage.
    public var capacity: Charge
    public var selfDischargePerYear: Double

    public init(name: String, source: String, chemistry: Chemistry, curve: DischargeCurve? = nil, cellsInSeries: Int = 1,
                capacity: Charge, selfDischargePerYear: Double = 0) {
        self.name = name
        self.source = source
        self.chemistry = chemistry
        self.curve = curve ?? chemistry.curve
        self.cellsInSeries = Swift.max(1, cellsInSeries)
        self.capacity = capacity
        self.selfDischargePerYear = selfDischargePerYear
    }

    /// The cell a radio-only `BatteryProfile` describes, given its chemistry.
    public init(profile: BatteryProfile, chemistry: Chemistry) {
        let perCell = chemistry.curve.meanVoltage.si
        let series = Swift.max(1, Int((profile.nominalVoltage.si / perCell).rounded()))
        self.init(name: profile.name, source: profile.source, chemistry: chemistry, cellsInSeries: series,
                  capacity: profile.capacity, selfDischargePerYear: profile.selfDischargePerYear)
    }

    /// Terminal voltage after delivering `charge`.
    public func voltage(afterDelivering charge: Charge) -> Voltage {
        curve.voltage(afterDelivering: charge.si / capacity.si) * Double(cellsInSeries)
    }

    public var fullVoltage: Voltage { voltage(afterDelivering: .zero) }
    public var cutoffVoltage: Voltage { curve.cutoff * Double(cellsInSeries) }
    public var meanVoltage: Voltage { curve.meanVoltage * Double(cellsInSeries) }

    /// The energy the cell delivers from full to its cutoff: `∫ V dq`.
    public var energyToCutoff: Energy { capacity * meanVoltage }

    /// Self-discharge expressed as a constant extra drain (fraction of C per year).
    public var selfDischargeCurrent: Current {
        Current(si: selfDischargePerYear * capacity.si / Time.years(1).si)
    }

    /// Energizer/Panasonic-class CR2032: 225 mAh to 2.0 V ✔ (ban-numbers.md §4; IEC
    /// 60086 table: 225 mAh typical, 3.0 V nominal, 2.0 V cutoff).
    public static let cr2032 = BatteryCell(
        name: "cr2032", source: "CR2032 225 mAh, 3.0 V nominal, 2.0 V cutoff (ban-numbers.md §4; IEC 60086 CR2032)",
        chemistry: .lithiumManganeseDioxide, capacity: .milliampHours(225), selfDischargePerYear: 0.01)
    /// The 560 mAh coin cell Tachtatzis et al. assume (ban-numbers.md §8A); Li/MnO₂ curve ◐.
    public static let coin560 = BatteryCell(
        name: "coin-560mah", source: "560 mAh coin cell of Tachtatzis et al. 2012 (ban-numbers.md §4, §8A); Li/MnO2 curve",
        chemistry: .lithiumManganeseDioxide, capacity: .milliampHours(560), selfDischargePerYear: 0.01)
    /// One alkaline AA: about 2.5 Ah to 0.9 V at light load ◐ (Energizer E91 class;
    /// capacity falls with current, see the E91 constant-current charts).
    public static let alkalineAA = BatteryCell(
        name: "aa-alkaline", source: "Alkaline AA about 2.5 Ah to 0.9 V at light load (E91 class) ◐",
        chemistry: .alkaline, capacity: .milliampHours(2500), selfDischargePerYear: 0.02)
    /// Two AAA alkaline cells in series (Nonin WristOx2 3150): about 1.1 Ah each ◐.
    public static let twoAAAAlkaline = BatteryCell(
        name: "2xaaa-alkaline", source: "2 x AAA alkaline, about 1.1 Ah each to 0.9 V ◐",
        chemistry: .alkaline, cellsInSeries: 2, capacity: .milliampHours(1100), selfDischargePerYear: 0.02)
    /// Meta Quest 2 pack: 3640 mAh, 14.0 Wh ✔ (RoadToVR teardown via basereality.co).
    public static let quest2Pack = BatteryCell(
        name: "quest2-liion", source: "Meta Quest 2 3640 mAh / 14.0 Wh Li-ion pack (RoadToVR teardown) ✔",
        chemistry: .lithiumIon, capacity: .milliampHours(3640))
    /// Li/I₂ pacemaker cell, 0.9 Ah ✱, < 2 %/year (PMC1502062; ban-numbers.md §4).
    public static let pacemakerLiI2 = BatteryCell(
        name: "pacemaker-li-i2", source: "Li/I2 2.8 V pacemaker cell, 0.9 Ah computed, <2 %/year (PMC1502062)",
        chemistry: .lithiumIodine, capacity: .milliampHours(900), selfDischargePerYear: 0.02)

    /// A Li-ion cell of `capacity` (smartwatch, glasses, shirt, microphone packs).
    public static func lithiumIon(_ name: String, capacity: Charge, source: String) -> BatteryCell {
        BatteryCell(name: name, source: source, chemistry: .lithiumIon, capacity: capacity, selfDischargePerYear: 0.03)
    }
}
