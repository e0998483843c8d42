import Foundation
import TwinUnits

/// The measured distribution of on-body fades in Castalia's BAN temporal model, as 201
/// quantiles of the fade around the link's mean path loss (dB; positive is a gain).
///
/// Source: Castalia 3.x, `Simulations/Parameters/WirelessChannel/BANmodels/TemporalModel.txt`
/// (github.com/boulis/Castalia), the "coherence" pdf (drawn after 5000 ms, i.e. the
/// unconditioned distribution) of the NICTA on-body measurements of everyday activity
/// (Castalia user manual §4.1.3, ban-numbers.md §5). The file gives the pdf as 999
/// equiprobable values plus two 5-value tail buckets; twinc's table is its quantile
/// function at p = 0, 0.005, …, 1 (p = 0 and 1 are the file's extreme values, −66.76 and
/// +13.31 dB), computed once from the file (docs/sources-radio.md §2 gives the steps).
/// Statistics of the file reproduced by this table ✱: mean −4.03 dB, σ 7.43 dB, median
/// −2.81 dB, P(fade ≤ 0 dB) = 0.677 (the manual's "most of the time below the average
/// path loss … 2/3 of the time"), P(≤ −10 dB) = 0.180, P(≤ −20 dB) = 0.035; the mean
/// linear gain is 0.04 dB, i.e. the fade is normalised to the link's mean power.
enum CastaliaFadeQuantiles {
    static let source =
        "Castalia BANmodels/TemporalModel.txt coherence pdf (NICTA everyday-activity measurements), 201 quantiles"

    /// Quantiles at p = i/200, i = 0…200 (dB).
    static let values: [Double] = [
        -66.76, -31.72, -27.39, -24.95, -23.23, -21.91, -20.83, -19.92, -19.12, -18.43, -17.80, -17.23,
        -16.71, -16.24, -15.79, -15.38, -14.99, -14.62, -14.28, -13.95, -13.64, -13.34, -13.06, -12.79,
        -12.53, -12.27, -12.03, -11.80, -11.57, -11.36, -11.14, -10.94, -10.74, -10.55, -10.36, -10.17,
        -9.99, -9.82, -9.65, -9.48, -9.32, -9.16, -9.00, -8.85, -8.70, -8.56, -8.41, -8.27, -8.13, -7.99,
        -7.86, -7.73, -7.60, -7.47, -7.34, -7.22, -7.10, -6.98, -6.86, -6.74, -6.62, -6.51, -6.40, -6.29,
        -6.18, -6.07, -5.96, -5.85, -5.75, -5.64, -5.54, -5.44, -5.34, -5.24, -5.14, -5.04, -4.94, -4.85,
        -4.75, -4.66, -4.56, -4.47, -4.38, -4.28, -4.19, -4.10, -4.01, -3.92, -3.83, -3.75, -3.66, -3.57,
        -3.48, -3.40, -3.31, -3.23, -3.14, -3.06, -2.97, -2.89, -2.81, -2.73, -2.64, -2.56, -2.48, -2.40,
        -2.32, -2.24, -2.16, -2.08, -2.00, -1.92, -1.84, -1.76, -1.68, -1.60, -1.52, -1.44, -1.36, -1.28,
        -1.21, -1.13, -1.05, -0.97, -0.89, -0.81, -0.74, -0.66, -0.58, -0.50, -0.42, -0.35, -0.27, -0.19,
        -0.11, -0.03, 0.05, 0.13, 0.20, 0.28, 0.36, 0.44, 0.52, 0.60, 0.68, 0.76, 0.84, 0.93, 1.01, 1.09,
        1.17, 1.26, 1.34, 1.42, 1.51, 1.59, 1.68, 1.77, 1.85, 1.94, 2.03, 2.12, 2.21, 2.30, 2.39, 2.49,
        2.58, 2.68, 2.78, 2.88, 2.98, 3.08, 3.18, 3.29, 3.39, 3.50, 3.61, 3.73, 3.85, 3.97, 4.09, 4.22,
        4.35, 4.48, 4.62, 4.77, 4.92, 5.08, 5.24, 5.42, 5.61, 5.81, 6.02, 6.26, 6.52, 6.81, 7.16, 7.57,
        8.12, 8.98, 13.31
    ]

    /// The fade at cumulative probability `p` (linear interpolation between quantiles).
    static func fade(atProbability p: Double) -> Double {
        let last = values.count - 1
        let position = Swift.min(Swift.max(p, 0), 1) * Double(last)
        let index = Swift.min(Int(position), last - 1)
        let weight = position - Double(index)
        return values[index] + weight * (values[index + 1] - values[index])
    }

    /// P(fade ≤ `level`), the inverse of `fade(atProbability:)` (bisection on the table).
    static func probability(atOrBelow level: Double) -> Double {
        let last = values.count - 1
        if level < values[0] { return 0 }
        if level >= values[last] { return 1 }
        var low = 0, high = last
        while high - low > 1 {
            let mid = (low + high) / 2
            if values[mid] <= level { low = mid } else { high = mid }
        }
        let span = values[high] - values[low]
        let weight = span > 0 ? (level - values[low]) / span : 0
        return (Double(low) + weight) / Double(last)
    }
}
