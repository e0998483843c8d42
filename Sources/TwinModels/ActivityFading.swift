import Foundation
import TwinUnits
import TwinVocabulary

/// The distribution of an on-body link's fade around its mean path loss (dB, positive is
/// a gain): the measured Castalia/NICTA table, or a lognormal (normal in dB).
public enum FadeMarginal: Sendable, Hashable {
    /// Castalia's NICTA everyday-activity distribution (`CastaliaFadeQuantiles`).
    case castaliaEveryday
    /// Normal in dB with zero median and the given σ (a mild, near-static fade).
    case lognormal(sigma: Decibels)

    /// The fade for a standard-normal latent value `z` (a Gaussian copula: Φ(z) is the
    /// cumulative probability). Monotone in z, so a correlated latent gives a fade
    /// correlated in time and across links.
    public func fade(latent z: Double) -> Decibels {
        switch self {
        case .castaliaEveryday: Decibels(dB: CastaliaFadeQuantiles.fade(atProbability: ModelMath.standardNormalCDF(z)))
        case .lognormal(let sigma): Decibels(dB: sigma.dB * z)
        }
    }

    /// Mean and variance of the fade in dB (dB, dB²): what a window mean of the level
    /// averages to and how much it spreads. The Castalia table's are its file's
    /// (mean −4.03 dB, σ 7.43 dB), from 2000 equiprobable quantiles.
    public var moments: (mean: Double, variance: Double) {
        switch self {
        case .castaliaEveryday: FadeMarginal.castaliaMoments
        case .lognormal(let sigma): (0, sigma.dB * sigma.dB)
        }
    }

    static let castaliaMoments: (mean: Double, variance: Double) = {
        let points = 2000
        var sum = 0.0, squares = 0.0
        for index in 0..<points {
            let fade = CastaliaFadeQuantiles.fade(atProbability: (Double(index) + 0.5) / Double(points))
            sum += fade
            squares += fade * fade
        }
        let mean = sum / Double(points)
        return (mean, squares / Double(points) - mean * mean)
    }()

    /// P(fade ≤ `level`).
    public func probability(atOrBelow level: Decibels) -> Double {
        switch self {
        case .castaliaEveryday: CastaliaFadeQuantiles.probability(atOrBelow: level.dB)
        case .lognormal(let sigma):
            sigma.dB > 0 ? ModelMath.standardNormalCDF(level.dB / sigma.dB) : (level.dB >= 0 ? 1 : 0)
        }
    }
}

/// How the on-body channel behaves in one posture: a slow posture shadow drawn at the
/// start of each bout (the body blocking or not blocking the link for as long as the
/// posture lasts) and a fast fade with a coherence time, correlated across the wearer's
/// links through a shared body component.
///
/// Instantaneous loss of a link = its mean loss (CM3, CM2, Castalia map) + shadow − fade.
///
/// Sources (docs/sources-radio.md §2):
/// - walking: the fade distribution is Castalia's NICTA table ✔; the latent coherence
///   τ = 175 ms is fitted ✱ so the 10 ms-sampled average fade duration at −10 dB equals
///   the Castalia chain's 51.7 ms, and it matches Smith et al., "Temporal correlation of
///   dynamic on-body area radio channel", Electron. Lett. 45(24) 2009 ✔ (coherence time
///   20–70 ms walking or running: e^(−70/175) = 0.67).
/// - running: same distribution, τ = 50 ms (the 20 ms end of Smith et al. 2009 at the
///   same 0.67 correlation) ◐.
/// - lying (sleep): Smith, Hanlen, Miniutti et al., "Characterization of the body-area
///   propagation channel for monitoring a subject sleeping", IEEE TAP 59(11):4388, 2011 ✔:
///   even the best on-body link of a star BAN is in outage > 10 % of the time at 0 dBm
///   TX and −100 dBm sensitivity, with outages far longer than 125 ms. twinc's shadow
///   N(33 dB, 7.5 dB) per lying bout is *calibrated* to that bound on Castalia's best hub
///   link (R-hip → chest, 58 dB; outage 0.12); σ 7.5 dB reads Xiao et al.'s 30 dB
///   turning swing (JSAC 2009 ✔) as ±2σ. The fast part is slow: τ = 5 s (Castalia's
///   coherence time; Chaganti, Hanlen & Smith, Electron. Lett. 49(15) 2013 ✔: the sleep
///   channel is not stationary beyond 5 s) with a mild 2 dB lognormal.
/// - standing, sitting: "at rest the link is stable" (Xiao 2009 ✔); static on-body
///   channels are Nakagami with m > 1 (Cotton & Scanlon 2009 ✔, qualitative). twinc:
///   2 dB lognormal, τ = 1 s ◐; sitting adds a per-bout shadow N(0, 5 dB) ◐ (Di Franco
///   et al.'s "up to 20 dB when the wearer turns" read as ±2σ).
/// - body correlation 0.5 for every posture ◐: no measured cross-link coefficient was
///   read; Fort et al. (IEEE TMTT 54(4) 2006 ✔ abstract) model diffraction around the body
///   with *correlated* lognormal variables.
public struct ActivityFading: Sendable, Hashable {
    public var shadowMean: Decibels
    public var shadowSigma: Decibels
    public var marginal: FadeMarginal
    /// Time constant of the latent Ornstein–Uhlenbeck process (correlation e^(−Δt/τ)).
    public var coherenceTime: Time
    /// Share of the latent variance common to all of the wearer's links (0…1).
    public var bodyCorrelation: Double

    public init(shadowMean: Decibels, shadowSigma: Decibels, marginal: FadeMarginal, coherenceTime: Time,
                bodyCorrelation: Double) {
        self.shadowMean = shadowMean
        self.shadowSigma = shadowSigma
        self.marginal = marginal
        self.coherenceTime = coherenceTime
        self.bodyCorrelation = bodyCorrelation
    }

    public static let source =
        "Castalia/NICTA TemporalModel.txt; Smith et al. Electron. Lett. 2009; Smith et al. IEEE TAP 59(11) 2011; Xiao et al. JSAC 2009 (docs/sources-radio.md §2)"

    public static let standing = ActivityFading(
        shadowMean: Decibels(dB: 0), shadowSigma: Decibels(dB: 0), marginal: .lognormal(sigma: Decibels(dB: 2)),
        coherenceTime: .seconds(1), bodyCorrelation: 0.5)
    public static let sitting = ActivityFading(
        shadowMean: Decibels(dB: 0), shadowSigma: Decibels(dB: 5), marginal: .lognormal(sigma: Decibels(dB: 2)),
        coherenceTime: .seconds(1), bodyCorrelation: 0.5)
    public static let walking = ActivityFading(
        shadowMean: Decibels(dB: 0), shadowSigma: Decibels(dB: 0), marginal: .castaliaEveryday,
        coherenceTime: .milliseconds(175), bodyCorrelation: 0.5)
    public static let running = ActivityFading(
        shadowMean: Decibels(dB: 0), shadowSigma: Decibels(dB: 0), marginal: .castaliaEveryday,
        coherenceTime: .milliseconds(50), bodyCorrelation: 0.5)
    public static let lying = ActivityFading(
        shadowMean: Decibels(dB: 33), shadowSigma: Decibels(dB: 7.5), marginal: .lognormal(sigma: Decibels(dB: 2)),
        coherenceTime: .seconds(5), bodyCorrelation: 0.5)

    /// Every posture's built-in parameters (what a twin without its own values uses).
    public static let builtIn: [Posture: ActivityFading] =
        Dictionary(uniqueKeysWithValues: Posture.allCases.map { ($0, of($0)) })

    /// The parameters of `posture`.
    public static func of(_ posture: Posture) -> ActivityFading {
        switch posture {
        case .standing: standing
        case .sitting: sitting
        case .walking: walking
        case .running: running
        case .lying: lying
        }
    }

    /// Long-run probability that a link of mean loss `meanLoss` exceeds `threshold` (the
    /// TX level minus the sensitivity) in this posture: shadow (normal) and fade
    /// (the marginal) are independent, so
    /// `P = E_fade[ Q((threshold − meanLoss − μs + fade)/σs) ]`, averaged over 2000
    /// equiprobable fade quantiles (exact for σs = 0 up to the quantile grid).
    public func outageProbability(meanLoss: Decibels, threshold: Decibels) -> Double {
        let points = 2000
        var total = 0.0
        for index in 0..<points {
            let u = (Double(index) + 0.5) / Double(points)
            let fade: Double
            switch marginal {
            case .castaliaEveryday: fade = CastaliaFadeQuantiles.fade(atProbability: u)
            case .lognormal(let sigma): fade = sigma.dB * ModelMath.standardNormalQuantile(u)
            }
            let excess = threshold.dB - meanLoss.dB - shadowMean.dB + fade
            if shadowSigma.dB > 0 {
                total += ModelMath.standardNormalTail(excess / shadowSigma.dB)
            } else if excess < 0 {
                total += 1
            }
        }
        return total / Double(points)
    }

    /// The same outage with a link's static shadowing σ (CM3, Castalia map) added to the
    /// bout's shadow, cheap enough for the optimiser's inner loop: a lognormal fade
    /// makes the whole sum normal (closed form); the Castalia table is averaged over its
    /// 200 quantile intervals (its own resolution).
    public func outageProbability(meanLoss: Decibels, threshold: Decibels, staticSigma: Decibels) -> Double {
        let shadow = (shadowSigma.dB * shadowSigma.dB + staticSigma.dB * staticSigma.dB).squareRoot()
        let margin = threshold.dB - meanLoss.dB - shadowMean.dB
        switch marginal {
        case .lognormal(let sigma):
            let total = (shadow * shadow + sigma.dB * sigma.dB).squareRoot()
            return total > 0 ? ModelMath.standardNormalTail(margin / total) : (margin < 0 ? 1 : 0)
        case .castaliaEveryday:
            let points = 200
            var sum = 0.0
            for index in 0..<points {
                let fade = CastaliaFadeQuantiles.fade(atProbability: (Double(index) + 0.5) / Double(points))
                let excess = margin + fade
                sum += shadow > 0 ? ModelMath.standardNormalTail(excess / shadow) : (excess < 0 ? 1 : 0)
            }
            return sum / Double(points)
        }
    }
}
