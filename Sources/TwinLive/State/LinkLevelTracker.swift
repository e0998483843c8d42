import Foundation
import TwinModels
import TwinUnits

/// The predictive distribution of a link's window-mean received level, and the learned
/// static level it is centred on.
///
/// The twin's channel (`BodyGeometry`, `LinkFading`) makes a link's level at the gateway
/// `P_tx − L̄ − s − x`: the model's mean loss L̄, a static shadowing draw s ~ N(0, σ²)
/// fixed for the link, and the posture's extra loss x = max(0, N(W/2, (W/4)²)) (Xiao et
/// al. 2009 swings, `Posture`), drawn once per posture episode while the wearer is
/// still and every 250 ms while walking or running. So the level the twin predicts for
/// a window, given the reported posture, is:
/// - a still posture, third window of an episode on: the episode's own level so far,
///   spread only by the gateway's measurement noise (`measurementSigma`);
/// - a new episode (first two windows: the first mixes the old posture): the static
///   level minus the posture's mean loss, spread by its σ, the static level's own
///   uncertainty and the noise;
/// - walking or running: the same mean, the posture's σ divided by √(draws in the window).
/// The static level starts at the model's `P_tx − L̄` with variance σ² (the prior) and
/// is updated with every episode (inverse-variance weights), so calibration is the
/// posterior; a change point (drift) restarts it from the change.
public struct LinkLevelTracker: Sendable, Hashable {
    /// RSSI measurement noise of a gateway's window mean (dB, 1σ): a floor under every
    /// predictive σ. Changes below `LinkDriftDetector.minimumShift` are not alarms, so
    /// the floor only sets how fast a real change is found.
    public static let measurementSigma = 0.5
    public static let coherenceTime = 0.25

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

    public init(modelLevel: PowerLevel, sigma: Decibels) {
        self.modelLevel = modelLevel.dBm
        priorVariance = Swift.max(sigma.dB * sigma.dB, 0.01)
        weightSum = 1 / priorVariance
        weightedSum = modelLevel.dBm / priorVariance
    }

    /// The static level (posture loss removed) and its standard deviation.
    public var staticLevel: (mean: Double, sigma: Double) {
        var weight = weightSum, sum = weightedSum
        if let posture, episodeCount > 0, !Self.isDynamic(posture) {
            let loss = PostureLoss(posture)
            let w = 1 / (loss.variance + Self.measurementSigma * Self.measurementSigma / Double(episodeCount))
            weight += w
            sum += w * (episodeSum / Double(episodeCount) + loss.mean)
        }
        return (sum / weight, (1 / weight).squareRoot())
    }

    /// Evidence gathered beyond the prior (episodes and dynamic windows).
    public var evidence: Int { episodes + (episodeCount > 0 ? 1 : 0) }

    static func isDynamic(_ posture: Posture) -> Bool { posture == .walking || posture == .running }

    /// Whether a window under `posture` is the first of a new posture episode: the
    /// posture changed somewhere inside it (the report comes at its end), so its level
    /// mixes two postures at an unknown split and predicts nothing; it is neither tested
    /// nor learned from.
    public func isMixedWindow(posture: Posture) -> Bool { self.posture != nil && posture != self.posture }

    /// Notes the posture of a mixed window without learning from its level.
    public mutating func enterEpisode(_ posture: Posture) {
        closeEpisode()
        self.posture = posture
        episodeWindows = 1
    }

    /// The predictive mean and σ of the next window's level.
    public func predict(posture: Posture, levels: Int, interval: Time) -> (mean: Double, sigma: Double) {
        let noise = Self.measurementSigma * Self.measurementSigma
        if posture == self.posture, !Self.isDynamic(posture), episodeWindows >= 2, episodeCount > 0 {
            return (episodeSum / Double(episodeCount), (2 * noise).squareRoot())
        }
        let loss = PostureLoss(posture)
        let level = staticLevel
        let draws = Self.isDynamic(posture)
            ? Swift.max(1, Swift.min(Double(Swift.max(levels, 1)), interval.si / Self.coherenceTime)) : 1
        let variance = loss.variance / draws + level.sigma * level.sigma + noise
        return (level.mean - loss.mean, variance.squareRoot())
    }

    /// Records an observed window level under `posture` (after it was predicted).
    public mutating func observe(level: Double, posture: Posture, levels: Int, interval: Time) {
        if posture != self.posture { closeEpisode(); self.posture = posture }
        episodeWindows += 1
        let loss = PostureLoss(posture)
        if Self.isDynamic(posture) {
            let draws = Swift.max(1, Swift.min(Double(Swift.max(levels, 1)), interval.si / Self.coherenceTime))
            add(level + loss.mean, variance: loss.variance / draws + Self.measurementSigma * Self.measurementSigma)
            episodes += 1
        } else if episodeWindows >= 2 {
            episodeSum += level
            episodeCount += 1
        }
    }

    /// Forgets the evidence before a change point: the level is learned again from the
    /// windows after it, starting from the prior's spread around the latest level.
    public mutating func restart(from level: Double, posture: Posture) {
        let loss = PostureLoss(posture)
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
    /// with it and keeps its weight. The posture episode ends: the network
    /// re-associates, and the level of the episode so far predicts nothing about the
    /// windows after it; the next window is predicted from the static level.
    public func rebased(modelLevel newLevel: PowerLevel, posture current: Posture?) -> LinkLevelTracker {
        var result = self
        result.closeEpisode()
        let shift = newLevel.dBm - modelLevel
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
        if let posture, episodeCount > 0, !Self.isDynamic(posture) {
            let loss = PostureLoss(posture)
            add(episodeSum / Double(episodeCount) + loss.mean,
                variance: loss.variance + Self.measurementSigma * Self.measurementSigma / Double(episodeCount))
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

/// Mean and variance of a posture's extra loss `max(0, N(W/2, (W/4)²))` (a normal
/// censored at 0: the body only adds loss), in dB and dB².
struct PostureLoss {
    var mean: Double
    var variance: Double

    init(_ posture: Posture) {
        let mu = posture.meanExtraLoss.dB, sigma = posture.shadowingSigma.dB
        guard sigma > 0 else {
            mean = Swift.max(0, mu)
            variance = 0
            return
        }
        let a = mu / sigma
        let pdf = exp(-a * a / 2) / (2 * Double.pi).squareRoot()
        let cdf = 0.5 * erfc(-a / 2.0.squareRoot())
        let first = mu * cdf + sigma * pdf
        let second = (mu * mu + sigma * sigma) * cdf + mu * sigma * pdf
        mean = first
        variance = Swift.max(0, second - first * first)
    }
}
