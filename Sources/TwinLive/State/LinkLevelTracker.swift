import Foundation
import TwinModels
import TwinUnits
import TwinVocabulary

/// The predictive distribution of a link's window-mean received level, and the learned
/// static level it is centred on.
///
/// The twin's channel (`BodyGeometry`, `DeviceLinkFading`) makes a link's level at the
/// gateway `P_tx − L̄ − s − x`: the model's mean loss L̄, a static shadowing draw
/// s ~ N(0, σ²) fixed for the link, and the wearer's fading x = shadow − fade of the
/// posture (twin.json's `activity`, `ActivityFading`: a bout shadow N(μs, σs²) drawn per
/// posture episode, and a fast fade with a coherence time, e.g. Castalia's NICTA table
/// at 175 ms walking, a 2 dB lognormal at 5 s asleep). `PostureLoss` gives x's mean, the
/// bout's variance and the fast fade's variance in a window mean. So the level the twin
/// predicts for a window, given the reported posture, is:
/// - a posture with a bout shadow (σs > 0: sitting, lying), third window of an episode
///   on: the episode's own level so far, spread by the fast fade's window variance and
///   the gateway's measurement noise (`measurementSigma`);
/// - a new episode (first two windows: the first mixes the old posture): the static
///   level minus the posture's mean loss, spread by σs, the fast fade, the static
///   level's own uncertainty and the noise;
/// - a posture without a bout shadow (standing, walking, running): the same mean, spread
///   by the fast fade's window variance; each window is its own estimate.
/// The static level starts at the model's `P_tx − L̄` with variance σ² (the prior) and
/// is updated with every episode (inverse-variance weights), so calibration is the
/// posterior; a change point (drift) restarts it from the change.
public struct LinkLevelTracker: Sendable, Hashable {
    /// RSSI measurement noise of a gateway's window mean (dB, 1σ): a floor under every
    /// predictive σ. Changes below `LinkDriftDetector.minimumShift` are not alarms, so
    /// the floor only sets how fast a real change is found.
    public static let measurementSigma = 0.5

    public private(set) var modelLevel: Double
    public let priorVariance: Double
    /// Sums of the static level's estimate since the last change point.
    private(set) var weightSum: Double
    private(set) var weightedSum: Double
    private(set) var weightedSquares: Double = 0
    private(set) var episodes = 0
    /// The current posture episode.
    private(set) var posture: Posture?
    private(set) var episodeWindows = 0
    private(set) var episodeSum = 0.0
    private(set) var episodeCount = 0
    /// The wearer's fading per posture (twin.json's `activity`, built-in values without one).
    let losses: [Posture: PostureLoss]

    public init(modelLevel: PowerLevel, sigma: Decibels, fading: [Posture: ActivityFading] = ActivityFading.builtIn) {
        losses = fading.mapValues(PostureLoss.init)
        self.modelLevel = modelLevel.dBm
        priorVariance = Swift.max(sigma.dB * sigma.dB, 0.01)
        weightSum = 1 / priorVariance
        weightedSum = modelLevel.dBm / priorVariance
    }

    /// The static level (posture loss removed) and its standard deviation.
    public var staticLevel: (mean: Double, sigma: Double) {
        var weight = weightSum, sum = weightedSum
        if let posture, episodeCount > 0, !isDynamic(posture) {
            let loss = self.loss(posture)
            let w = 1 / (loss.variance + episodeNoise / Double(episodeCount))
            weight += w
            sum += w * (episodeSum / Double(episodeCount) + loss.mean)
        }
        return (sum / weight, (1 / weight).squareRoot())
    }

    /// Evidence gathered beyond the prior (episodes and dynamic windows).
    public var evidence: Int { episodes + (episodeCount > 0 ? 1 : 0) }

    /// The fading of `posture` (built-in values for one the twin's activity lacks).
    func loss(_ posture: Posture) -> PostureLoss { losses[posture] ?? PostureLoss(ActivityFading.of(posture)) }

    /// A posture without a bout shadow: its windows scatter independently around the
    /// static level (the fast fade only), so each window is an estimate of it.
    func isDynamic(_ posture: Posture) -> Bool { loss(posture).variance == 0 }

    /// Variance of one window of an episode around the episode's level: the fast fade
    /// averaged over the window and the measurement noise (the last window's, kept).
    private(set) var episodeNoise = LinkLevelTracker.measurementSigma * LinkLevelTracker.measurementSigma
    /// The last window's level minus its baseline, within the current posture (nil
    /// after a posture change, a restart or an action).
    private(set) var lastResidual: Double?

    /// Whether a window under `posture` is the first of a new posture episode: the
    /// posture changed somewhere inside it (the report comes at its end), so its level
    /// mixes two postures at an unknown split and predicts nothing; it is neither tested
    /// nor learned from.
    public func isMixedWindow(posture: Posture) -> Bool { self.posture != nil && posture != self.posture }

    /// Notes the posture of a mixed window without learning from its level.
    public mutating func enterEpisode(_ posture: Posture) {
        closeEpisode()
        lastResidual = nil
        self.posture = posture
        episodeWindows = 1
    }

    /// The next window's level without the fast fade's memory: its mean, the variance
    /// of that mean, the window's own variance (fast fade and noise) and the share φ of
    /// the last window's residual that carries over (the fast fade's correlation between
    /// consecutive windows: windows shorter than the coherence time, such as 1 s windows
    /// asleep at τ = 5 s, are not independent, and treating them as such made the CUSUM
    /// sum one slow fade into hundreds of false alarms a day).
    private func baseline(_ posture: Posture, levels: Int, interval: Time)
        -> (mean: Double, meanVariance: Double, window: Double, phi: Double, episode: Bool) {
        let loss = self.loss(posture)
        let fast = loss.windowVariance(levels: levels, interval: interval)
        let window = fast + Self.measurementSigma * Self.measurementSigma
        let phi = loss.windowCorrelation(interval: interval) * fast / window
        if posture == self.posture, !isDynamic(posture), episodeWindows >= 2, episodeCount > 0 {
            let effective = Double(episodeCount) * (1 - phi) / (1 + phi)
            return (episodeSum / Double(episodeCount), window / Swift.max(effective, 1e-3), window, phi, true)
        }
        let level = staticLevel
        return (level.mean - loss.mean, loss.variance + level.sigma * level.sigma, window, phi, false)
    }

    /// The predictive mean and σ of the next window's level.
    public func predict(posture: Posture, levels: Int, interval: Time) -> (mean: Double, sigma: Double) {
        let b = baseline(posture, levels: levels, interval: interval)
        guard posture == self.posture, let residual = lastResidual else {
            return (b.mean, (b.window + b.meanVariance).squareRoot())
        }
        return (b.mean + b.phi * residual, (b.window * (1 - b.phi * b.phi) + b.meanVariance).squareRoot())
    }

    /// Records an observed window level under `posture` (after it was predicted); with
    /// `learn` false the window moves the episode and the fade's memory on but adds
    /// nothing to the level's estimates (`LinkDriftDetector` while a CUSUM run builds).
    public mutating func observe(level: Double, posture: Posture, levels: Int, interval: Time, learn: Bool = true) {
        if posture != self.posture { closeEpisode(); self.posture = posture }
        let b = baseline(posture, levels: levels, interval: interval)
        // The residual carries over only around a level the fast fade scatters about
        // (an episode's own level, or the static level of a posture without a bout
        // shadow); a new episode's first residual is mostly its bout shadow.
        lastResidual = b.episode || isDynamic(posture) ? level - b.mean : nil
        episodeWindows += 1
        let loss = self.loss(posture)
        guard learn else { return }
        if isDynamic(posture) {
            add(level + loss.mean, variance: b.window * (1 + b.phi) / (1 - b.phi))
            episodes += 1
        } else if episodeWindows >= 2 {
            episodeSum += level
            episodeCount += 1
            episodeNoise = b.window * (1 + b.phi) / (1 - b.phi)
        }
    }

    /// Forgets the evidence before a change point: the level is learned again from the
    /// windows after it, starting from the prior's spread around the latest level.
    public mutating func restart(from level: Double, posture: Posture) {
        let loss = self.loss(posture)
        lastResidual = nil
        weightSum = 1 / priorVariance
        weightedSum = (level + loss.mean) / priorVariance
        weightedSquares = 0
        episodes = 0
        self.posture = posture
        episodeWindows = 2
        episodeSum = level
        episodeCount = 1
    }

    /// The same link after a reconfiguration (an applied action) that moves the model's
    /// level to `modelLevel`: the body's channel between the two nodes is what it was
    /// (its static shadowing, the offset the evidence found), only the model's mean
    /// moves (a TX power step moves `P_tx − L̄` by the step), so every estimate moves
    /// with it and keeps its weight. A posture episode in progress continues, its level
    /// moved by the same step: the wearer does not change posture because the network
    /// was reconfigured, and under the measured sleep channel (a bout shadow of σ 7.5 dB)
    /// the static level alone could not see a 6 dB change after an action. A different
    /// posture ends the episode; the next window is predicted from the static level.
    public func rebased(modelLevel newLevel: PowerLevel, posture current: Posture?) -> LinkLevelTracker {
        var result = self
        result.lastResidual = nil
        let shift = newLevel.dBm - modelLevel
        if let current, current == posture, !isDynamic(current) {
            result.episodeSum += shift * Double(episodeCount)
            result.weightedSum += shift * result.weightSum
            let episodeWeight = result.weightSum - 1 / priorVariance
            let episodeSum = weightedSum - modelLevel / priorVariance
            result.weightedSquares += 2 * shift * episodeSum + shift * shift * episodeWeight
            result.modelLevel = newLevel.dBm
            return result
        }
        result.closeEpisode()
        let episodeWeight = result.weightSum - 1 / priorVariance
        let episodeSum = result.weightedSum - modelLevel / priorVariance
        result.weightedSquares += 2 * shift * episodeSum + shift * shift * episodeWeight
        result.weightedSum += shift * result.weightSum
        result.modelLevel = newLevel.dBm
        result.posture = current
        result.episodeWindows = current == nil ? 0 : 1
        return result
    }

    /// Spread of the per-episode static-level estimates around their mean (dB), the
    /// observed counterpart of the posture σ; nil with fewer than two episodes.
    public var observedSpread: Double? {
        let weight = weightSum - 1 / priorVariance
        guard episodes >= 2, weight > 0 else { return nil }
        let mean = (weightedSum - modelLevel / priorVariance) / weight
        return Swift.max(0, weightedSquares / weight - mean * mean).squareRoot()
    }

    private mutating func closeEpisode() {
        if let posture, episodeCount > 0, !isDynamic(posture) {
            let loss = self.loss(posture)
            add(episodeSum / Double(episodeCount) + loss.mean, variance: loss.variance + episodeNoise / Double(episodeCount))
            episodes += 1
        }
        episodeWindows = 0
        episodeSum = 0
        episodeCount = 0
    }

    private mutating func add(_ estimate: Double, variance: Double) {
        let weight = 1 / Swift.max(variance, 1e-4)
        weightSum += weight
        weightedSum += weight * estimate
        weightedSquares += weight * estimate * estimate
    }
}

/// A posture's extra loss x = shadow − fade under the twin's fading (`ActivityFading`,
/// dB and dB²): its mean μs − E[fade], the bout shadow's variance σs² (constant over a
/// posture episode) and the fast fade's variance with its coherence time τ.
///
/// A window mean of n levels spaced Δ apart of a process with correlation ρ = e^(−Δ/τ)
/// has variance `v/n · [(1+ρ)/(1−ρ) − 2ρ(1−ρⁿ)/(n(1−ρ)²)]` (the mean of an AR(1)
/// series); the runtime holds the fade for 10 ms (`ChannelState.fadingStep`), so levels
/// closer than that count once. The fade's own correlation is at most the latent's
/// (a monotone transform), so the variance is an upper bound for the Castalia table.
struct PostureLoss: Sendable, Hashable {
    var mean: Double
    var variance: Double
    var fastVariance: Double
    var coherence: Double

    init(_ fading: ActivityFading) {
        let fade = fading.marginal.moments
        mean = fading.shadowMean.dB - fade.mean
        variance = fading.shadowSigma.dB * fading.shadowSigma.dB
        fastVariance = fade.variance
        coherence = fading.coherenceTime.si
    }


    /// Correlation of the fast fade's means over two consecutive windows of `interval`
    /// (an OU process of time constant τ, x = T/τ): `((1−e^(−x))/x)² / (2/x·(1 − (1−e^(−x))/x))`;
    /// 0.88 for 1 s windows at τ = 5 s, 0.33 for 10 s windows.
    func windowCorrelation(interval: Time) -> Double {
        guard coherence > 0, interval.si > 0 else { return 0 }
        let x = interval.si / coherence
        let g = -expm1(-x) / x
        let variance = 2 / x * (1 - g)
        guard variance > 1e-12 else { return 0 }
        return Swift.min(Swift.max(g * g / variance, 0), 0.99)
    }

    /// Variance of the mean of `levels` levels measured evenly over `interval`.
    func windowVariance(levels: Int, interval: Time) -> Double {
        let step = 0.01
        let n = Swift.max(1, Swift.min(Double(Swift.max(levels, 1)), (interval.si / step).rounded(.down)))
        guard n > 1, coherence > 0 else { return n > 1 ? fastVariance / n : fastVariance }
        let rho = exp(-Swift.max(interval.si / n, step) / coherence)
        guard 1 - rho > 1e-12 else { return fastVariance }
        let factor = (1 + rho) / (1 - rho) - 2 * rho * (1 - pow(rho, n)) / (n * (1 - rho) * (1 - rho))
        return fastVariance / n * Swift.min(Swift.max(factor, 1), n)
    }
}
