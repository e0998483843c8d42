import Foundation
import TwinUnits
import TwinVocabulary

/// Received power, noise, SINR and outage for a BAN link.
///
/// Sources: thermal noise `N = k·T·B` (Johnson–Nyquist; k = 1.380649e-23 J/K, the 2019
/// SI exact value; T0 = 290 K per IEEE noise-figure convention); outage
/// `P_out = Φ((S − P̄rx)/σ)` with σ from the CM tables (ban-numbers.md §7 "Link outage" ✱);
/// interference summed in linear power (mW), not in dBm, which Castalia approximates
/// with `addPower_dBm` steps (RadioSupportFunctions.cc).
public enum LinkBudget {
    public static let source =
        "kTB thermal noise (T0 = 290 K); outage Φ((S−P̄rx)/σ) (ban-numbers.md §7); linear interference sum"

    public static let boltzmann = 1.380649e-23
    public static let referenceTemperature = 290.0

    /// Mean received level `P_tx − PL`.
    public static func receivedLevel(transmit: PowerLevel, pathLoss: Decibels) -> PowerLevel {
        transmit - pathLoss
    }

    /// Thermal noise `kTB` over bandwidth `bandwidth` (−174 dBm/Hz at 290 K), plus the
    /// receiver noise figure.
    public static func thermalNoise(bandwidth: Frequency, noiseFigure: Decibels = Decibels(dB: 0),
                                    temperatureKelvin: Double = referenceTemperature) -> PowerLevel {
        PowerLevel(Power.watts(boltzmann * temperatureKelvin * bandwidth.si)) + noiseFigure
    }

    /// SINR `S / (N + Σ I)` with the interferers summed as linear powers.
    public static func sinr(signal: PowerLevel, noise: PowerLevel, interferers: [PowerLevel] = []) -> Decibels {
        var denominator = noise.power
        for interferer in interferers { denominator += interferer.power }
        return signal - PowerLevel(denominator)
    }

    /// The sum of several levels as one level (linear addition).
    public static func totalPower(_ levels: [PowerLevel]) -> PowerLevel? {
        guard !levels.isEmpty else { return nil }
        return PowerLevel(levels.reduce(Power.zero) { $0 + $1.power })
    }

    /// Probability that the lognormally shadowed received level falls below the
    /// receiver sensitivity: `Φ((S − P̄rx)/σ)`. With σ = 0 it is a step.
    public static func outageProbability(meanReceived: PowerLevel, sensitivity: PowerLevel, sigma: Decibels) -> Double {
        guard sigma.dB > 0 else { return meanReceived < sensitivity ? 1 : 0 }
        return ModelMath.standardNormalCDF((sensitivity.dBm - meanReceived.dBm) / sigma.dB)
    }

    /// Outage combining a link's static shadowing with a posture's extra loss: the two
    /// normal terms add in dB, so the mean loss grows by the posture mean and the
    /// variances add.
    public static func outageProbability(meanReceived: PowerLevel, sensitivity: PowerLevel, channelSigma: Decibels,
                                         posture: Posture) -> Double {
        let sigma = (channelSigma.dB * channelSigma.dB + posture.shadowingSigma.dB * posture.shadowingSigma.dB).squareRoot()
        return outageProbability(meanReceived: meanReceived - posture.meanExtraLoss, sensitivity: sensitivity,
                                 sigma: Decibels(dB: sigma))
    }

    /// The link margin `P̄rx − S` needed for an outage of at most `target`:
    /// `−σ·Φ⁻¹(target)`, found by bisection on Φ (monotone) to 1e-9 dB.
    public static func requiredMargin(outage target: Double, sigma: Decibels) -> Decibels {
        guard target > 0, target < 1, sigma.dB > 0 else { return Decibels(dB: target >= 1 ? -.infinity : .infinity) }
        var low = -40.0, high = 40.0 // z range; Φ(−40) underflows far below any target
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if ModelMath.standardNormalCDF(mid) < target { low = mid } else { high = mid }
        }
        return Decibels(dB: -sigma.dB * (low + high) / 2)
    }
}
