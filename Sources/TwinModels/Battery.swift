import Foundation
import TwinUnits

/// A battery as data: nominal voltage, rated capacity, and the parameters of the two
/// drain models twinc offers (linear, Peukert), plus self-discharge.
///
/// Sources (ban-numbers.md §4 "Batteries"): CR2032 225 mAh at 3 V ✔ (Panasonic datasheet);
/// 560 mAh coin cell as assumed by Tachtatzis et al. 2012 ✔; pacemaker Li/I₂ 2.8 V,
/// < 2 %/year self-discharge ✔ (PMC1502062), capacity ≈ 0.9 Ah ✱ (10 µA for 10 years);
/// smartwatch Li-ion 300 mAh 3.7 V, VR headset 3.6 Ah, insulin-pump AA 2.5 Ah 1.5 V are ◐
/// placeholders; Castalia's default 2×AA `initialEnergy = 18720 J` ✔. Peukert:
/// `t = H·(C/(I·H))^k` with k ≈ 1.0–1.3 (§4 "Battery models").
public struct BatteryProfile: Sendable, Hashable {
    public static let source = "ban-numbers.md §4 Batteries and Battery models (Peukert t = H(C/(IH))^k)"

    public var name: String
    public var source: String
    public var nominalVoltage: Voltage
    public var capacity: Charge
    /// Peukert exponent k (1 = ideal, no rate-capacity effect).
    public var peukertExponent: Double
    /// The discharge time H at which `capacity` is rated (20 h for most datasheets).
    public var ratedDischargeTime: Time
    /// Fraction of the full capacity lost per year with no load.
    public var selfDischargePerYear: Double

    public init(name: String, source: String, nominalVoltage: Voltage, capacity: Charge, peukertExponent: Double = 1,
                ratedDischargeTime: Time = .hours(20), selfDischargePerYear: Double = 0) {
        self.name = name
        self.source = source
        self.nominalVoltage = nominalVoltage
        self.capacity = capacity
        self.peukertExponent = peukertExponent
        self.ratedDischargeTime = ratedDischargeTime
        self.selfDischargePerYear = selfDischargePerYear
    }

    /// Stored energy `C·V`.
    public var energy: Energy { capacity * nominalVoltage }

    public static let cr2032 = BatteryProfile(
        name: "cr2032", source: "CR2032 225 mAh at 3 V, Panasonic datasheet (ban-numbers.md §4)",
        nominalVoltage: .volts(3), capacity: .milliampHours(225))
    public static let coin560 = BatteryProfile(
        name: "coin-560mah", source: "560 mAh coin cell assumed by Tachtatzis et al. 2012 (ban-numbers.md §4, §8A)",
        nominalVoltage: .volts(3), capacity: .milliampHours(560))
    public static let smartwatchLiIon = BatteryProfile(
        name: "smartwatch-liion", source: "≈300 mAh 3.7 V Li-ion smartwatch cell, placeholder ◐ (ban-numbers.md §4)",
        nominalVoltage: .volts(3.7), capacity: .milliampHours(300), peukertExponent: 1.05)
    public static let vrHeadset = BatteryProfile(
        name: "vr-headset-liion", source: "≈3.6 Ah VR headset pack, placeholder ◐ (ban-numbers.md §4)",
        nominalVoltage: .volts(3.7), capacity: .milliampHours(3600), peukertExponent: 1.05)
    public static let alkalineAA = BatteryProfile(
        name: "aa-alkaline", source: "≈2.5 Ah 1.5 V AA (insulin pump), placeholder ◐ (ban-numbers.md §4)",
        nominalVoltage: .volts(1.5), capacity: .milliampHours(2500), peukertExponent: 1.2)
    public static let pacemakerLiI2 = BatteryProfile(
        name: "pacemaker-li-i2",
        source: "Li/I2 pacemaker cell 2.8 V, <2 %/year self-discharge (PMC1502062); 0.9 Ah ✱ from 10 µA x 10 y (ban-numbers.md §4)",
        nominalVoltage: .volts(2.8), capacity: .milliampHours(900), selfDischargePerYear: 0.02)
    /// Castalia's default node battery: 2×AA, 18720 J (= 2 × 1.5 V × 1733 mAh).
    public static let castaliaTwoAA = BatteryProfile(
        name: "castalia-2aa", source: "Castalia ResourceManager initialEnergy = 18720 J (ban-numbers.md §4)",
        nominalVoltage: .volts(3), capacity: .coulombs(18720 / 3))

    public static let all: [BatteryProfile] = [
        cr2032, coin560, smartwatchLiIon, vrHeadset, alkalineAA, pacemakerLiI2, castaliaTwoAA,
    ]

    public static func named(_ name: String) -> BatteryProfile? { all.first { $0.name == name } }
}

/// How a battery turns an average current into a lifetime.
public enum BatteryDrainModel: String, Sendable, Hashable, CaseIterable {
    /// Ideal coulomb counter: `t = C / I` (ns-3 `BasicEnergySource`).
    case linear
    /// Peukert's law: `t = H·(C/(I·H))^k`.
    case peukert

    public static let source =
        "ns-3 energy framework BasicEnergySource (linear); Peukert's law t = H(C/(IH))^k (ban-numbers.md §4)"

    /// Time until `battery` is empty at constant `current`, including self-discharge
    /// (modelled as a constant extra drain of `selfDischargePerYear·C` per year).
    public func lifetime(of battery: BatteryProfile, averageCurrent current: Current) throws(ModelDomainError) -> Time {
        try ModelMath.requirePositive(battery.capacity.si, "battery capacity")
        let selfDrain = Current(si: battery.selfDischargePerYear * battery.capacity.si / Time.years(1).si)
        let load = current + selfDrain
        try ModelMath.requirePositive(load.si, "average current")
        switch self {
        case .linear:
            return battery.capacity / load
        case .peukert:
            let h = battery.ratedDischargeTime.si
            try ModelMath.requirePositive(h, "rated discharge time")
            let ratedCurrent = battery.capacity.si / h
            return .seconds(h * pow(ratedCurrent / load.si, battery.peukertExponent))
        }
    }

    /// Charge drawn from the battery after running at `current` for `duration`: the
    /// effective (Peukert-weighted) charge, so `remaining = C − consumed` and the battery
    /// is empty exactly at `lifetime(…)`.
    public func consumedCharge(of battery: BatteryProfile, averageCurrent current: Current, over duration: Time) throws(ModelDomainError) -> Charge {
        let life = try lifetime(of: battery, averageCurrent: current)
        return battery.capacity * (duration.si / life.si)
    }
}
