import Foundation
import TwinUnits

/// Castalia's SNR → BER lookup for differential QPSK, the modulation of its BANRadio
/// (TG6 narrowband proposal, 1024 kbps).
///
/// Source: Castalia 3.x `src/node/communication/radio/RadioSupportFunctions.cc`,
/// `diffQPSK_SNR2BER` (NICTA; "precomputed several values in Matlab"), 32 values from
/// 6.0 dB to 12.2 dB in 0.2 dB steps (ban-numbers.md §5 "Radio"; values read from the
/// public Castalia source during this work). Below 6.0 dB the BER is 1.
///
/// Interpolation decision: Castalia computes `a·BER[i] + (1−a)·BER[i+1]` with
/// `a = (SNR−6)/0.2 − i`, i.e. the weights are swapped. At a grid point it returns the
/// *next* (better) entry and between grid points it runs the wrong way, and at ≥ 12.2 dB
/// it returns 0. twinc uses `.linear` (the table value at each grid point, linear in
/// between, 12.2 dB inclusive, 0 above) by default because the published ✱ checks
/// (200 bits at 6 dB → 0.031, 4000 bits at 12.2 dB → 0.977, the comments in the table
/// itself) are the grid values. `.castalia` reproduces the quirk bit for bit when a run
/// must be compared with a Castalia trace.
public enum DifferentialQPSKTable {
    public static let source =
        "Castalia RadioSupportFunctions.cc diffQPSK_SNR2BER, 32-point table 6.0-12.2 dB (ban-numbers.md §5)"

    public enum Interpolation: String, Sendable, Hashable {
        /// Correct linear interpolation; grid points return their own entry.
        case linear
        /// Castalia's swapped weights and `SNR ≥ 12.2 dB → 0`.
        case castalia
    }

    public static let lowestSNR = Decibels(dB: 6.0)
    public static let highestSNR = Decibels(dB: 12.2)
    public static let step = 0.2

    /// BER at 6.0, 6.2, …, 12.2 dB.
    public static let bitErrorRates: [Double] = [
        0.01723590060469, 0.01515859222543, 0.01326127169356, 0.01153737654219,
        0.00997961569163, 0.00858004434130, 0.00733015079524, 0.00622095368274,
        0.00524310766416, 0.00438701538062, 0.00364294312896, 0.00300113753889,
        0.00245194041114, 0.00198589885920, 0.00159386799020, 0.00126710356868,
        0.00099734242733, 0.00077686881248, 0.00059856536337, 0.00045594799891,
        0.00034318459603, 0.00025509795641, 0.00018715413812, 0.00013543774315,
        0.00009661616875, 0.00006789512818, 0.00004696790793, 0.00003196084958,
        0.00002137743081, 0.00001404308722, 0.00000905258912, 0.00000572139679,
    ]

    /// The table's BER at `snr`.
    public static func bitErrorRate(snr: Decibels, interpolation: Interpolation = .linear) -> Double {
        let x = snr.dB
        guard x >= lowestSNR.dB else { return 1 }
        let position = (x - lowestSNR.dB) / step
        switch interpolation {
        case .castalia:
            guard x < highestSNR.dB else { return 0 }
            let index = Swift.min(Int(position.rounded(.down)), bitErrorRates.count - 2)
            let a = position - Double(index)
            return a * bitErrorRates[index] + (1 - a) * bitErrorRates[index + 1]
        case .linear:
            let last = bitErrorRates.count - 1
            // Snap to the grid within 1e-9 dB so 12.2 (not exactly representable) is inclusive.
            let snapped = abs(position - position.rounded()) < 1e-9 ? position.rounded() : position
            guard snapped <= Double(last) else { return 0 }
            let index = Swift.min(Int(snapped.rounded(.down)), last)
            if index == last { return bitErrorRates[last] }
            let a = snapped - Double(index)
            return (1 - a) * bitErrorRates[index] + a * bitErrorRates[index + 1]
        }
    }
}
