import Foundation
import TwinUnits

/// A cell's loaded terminal voltage as a function of the charge it has delivered, from
/// full down to its end-of-discharge (cutoff) voltage.
///
/// Why a curve and not one voltage: a boost converter draws more current as the cell
/// sags, and an LDO stops regulating when the cell falls below its output plus dropout,
/// so the energy a device can use depends on the shape of the curve, not only on
/// `capacity × nominal voltage`. The curve is stored as (fraction of rated capacity
/// delivered, voltage) points, interpolated linearly; the last point is the cutoff.
///
/// Sources (docs/sources-energy.md §Batteries): CR2032 Li/MnO₂ 3.0 V nominal, 2.0 V
/// cutoff ✔ (IEC 60086 CR2032 table as reproduced on Wikipedia "CR2032 battery");
/// alkaline AA open-circuit 1.58–1.6 V, a long plateau between 1.3 and 1.2 V and a
/// smooth decline ✔ (advanced-battery.com; LoopDocs "MDT pump battery"), end point
/// 0.9 V as in the TPS6102x single-cell application ✔; Li-ion 4.2 V full, 3.7 V
/// nominal, 3.0 V cutoff ◐; Li/I₂ 2.8 V ◐. The intermediate points are the chemistry's
/// typical curve shape at a light (C/100-class) load, not digitised from one
/// datasheet (◐): the energy they give is within a few per cent of `C × V_nominal` for
/// the flat chemistries, and the tests pin the mean voltage each curve implies.
public struct DischargeCurve: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        /// Fraction of the rated capacity delivered, 0…1.
        public var delivered: Double
        public var voltage: Voltage
        public init(delivered: Double, voltage: Voltage) {
            self.delivered = delivered
            self.voltage = voltage
        }
    }

    /// Sorted by `delivered`; the first point is the full cell, the last the cutoff.
    public var points: [Point]

    public init(_ points: [(delivered: Double, volts: Double)]) {
        self.points = points.map { Point(delivered: $0.delivered, voltage: .volts($0.volts)) }
            .sorted { $0.delivered < $1.delivered }
    }

    /// Terminal voltage after delivering `fraction` of the rated capacity (clamped).
    public func voltage(afterDelivering fraction: Double) -> Voltage {
        // In place: the runtime asks every device every simulated second (2 % of a 24 h run
        // went to building the table first).
        .volts(ModelMath.interpolate(count: points.count, x: { points[$0].delivered }, y: { points[$0].voltage.si },
                                     at: fraction))
    }

    /// The end-of-discharge voltage (the last point).
    public var cutoff: Voltage { points.last?.voltage ?? .zero }

    /// The fraction of rated capacity delivered when the cell reaches the end point.
    public var usableFraction: Double { points.last?.delivered ?? 0 }

    /// Mean voltage over the delivered charge: ∫V dq / q (trapezoids).
    public var meanVoltage: Voltage {
        guard points.count > 1, usableFraction > 0 else { return points.first?.voltage ?? .zero }
        var area = 0.0
        for index in 1..<points.count {
            let a = points[index - 1], b = points[index]
            area += (b.delivered - a.delivered) * (a.voltage.si + b.voltage.si) / 2
        }
        return .volts(area / usableFraction)
    }

    /// The first delivered fraction at which the voltage falls to `threshold` (nil if
    /// it never does before the end point). Used for an LDO's dropout and a boost
    /// converter's minimum input.
    public func deliveredFraction(whenVoltageFallsTo threshold: Voltage) -> Double? {
        guard let first = points.first, first.voltage.si > threshold.si else { return points.isEmpty ? nil : 0 }
        for index in 1..<points.count where points[index].voltage.si <= threshold.si {
            let a = points[index - 1], b = points[index]
            let weight = (a.voltage.si - threshold.si) / (a.voltage.si - b.voltage.si)
            return a.delivered + weight * (b.delivered - a.delivered)
        }
        return nil
    }

    /// Li/MnO₂ coin cell (CR2032 class): 3.2 V fresh, a flat 2.9–2.8 V plateau, knee to
    /// the 2.0 V cutoff at the rated capacity.
    public static let lithiumManganeseDioxide = DischargeCurve([
        (0, 3.2), (0.05, 3.0), (0.5, 2.9), (0.85, 2.8), (0.95, 2.6), (1.0, 2.0),
    ])

    /// Alkaline Zn/MnO₂ (AA/AAA): 1.58 V open circuit, sloping through 1.3–1.2 V, end
    /// point 0.9 V at the rated capacity.
    public static let alkaline = DischargeCurve([
        (0, 1.58), (0.1, 1.45), (0.3, 1.35), (0.5, 1.28), (0.7, 1.2), (0.85, 1.1), (0.95, 1.0), (1.0, 0.9),
    ])

    /// Li-ion / Li-polymer (LiCoO₂ class): 4.2 V full, 3.7 V nominal plateau, 3.0 V cutoff.
    public static let lithiumIon = DischargeCurve([
        (0, 4.2), (0.1, 4.0), (0.3, 3.85), (0.5, 3.75), (0.7, 3.65), (0.9, 3.5), (0.97, 3.3), (1.0, 3.0),
    ])

    /// Li/I₂ pacemaker cell: 2.8 V for most of its life, then a slow decline (its
    /// internal resistance grows) to an elective-replacement point near 2.4 V ◐.
    public static let lithiumIodine = DischargeCurve([
        (0, 2.8), (0.8, 2.75), (0.95, 2.6), (1.0, 2.4),
    ])
}
