import TwinUnits
import TwinVocabulary

/// Who wears the body network, as twin.json carries it (issue 11 §3): the activity
/// profile's name and source, and per posture the share of the day, the transitions per
/// day to other postures (together they fix the posture chain, `ActivityProfile.chain()`
/// in TwinModels) and the on-body fading the runtime and the live twin use in it
/// (`ActivityFading`: a per-bout shadow, a fast fade with a coherence time, and the
/// share of both common to all of the wearer's links).
///
/// The compiler writes the values of the chosen built-in profile (Pedersen et al. 2013
/// for a ward patient, Chappel et al. 2016 for a first responder, …; Castalia/NICTA and
/// Smith et al. 2009/2011 for the fading: docs/sources-radio.md §1–2); a user may edit
/// them in twin.json and the runtime simulates what is written. The reader checks that
/// the shares sum to 1 and that each posture is entered as often as it is left (so the
/// chain's stationary distribution is the time budget).
public struct ActivityConfig: Sendable, Hashable {
    /// The profile's name (`ward-patient`, `ambulatory`, `exercising`, `first-responder`,
    /// or any name for edited values).
    public var profile: String
    public var source: String
    /// One entry per posture the wearer takes, in `Posture` order.
    public var postures: [PostureActivityConfig]

    public init(profile: String, source: String, postures: [PostureActivityConfig]) {
        self.profile = profile
        self.source = source
        self.postures = postures
    }

    /// The entry for `posture`, if the wearer takes it.
    public func posture(_ posture: Posture) -> PostureActivityConfig? { postures.first { $0.posture == posture } }
}

/// How a fade is distributed around a link's mean loss: Castalia's measured NICTA table
/// (`castalia-everyday`) or a normal in dB of σ `fadeSigma` (`lognormal`).
public enum FadeDistributionKind: String, Sendable, Hashable, CaseIterable {
    case castaliaEveryday = "castalia-everyday"
    case lognormal
}

/// One posture of an `ActivityConfig`.
public struct PostureActivityConfig: Sendable, Hashable {
    public var posture: Posture
    /// Share of the day in this posture (0…1).
    public var share: Double
    /// Transitions per day from this posture to each other one.
    public var transitionsPerDay: [Posture: Double]
    /// Mean and σ of the shadow drawn at the start of each bout (extra loss, dB).
    public var shadowMean: Decibels
    public var shadowSigma: Decibels
    public var fade: FadeDistributionKind
    /// σ of a `lognormal` fade (0 for the Castalia table).
    public var fadeSigma: Decibels
    /// Time constant of the fast fade's latent process (correlation e^(−Δt/τ)).
    public var coherenceTime: Time
    /// Share of the shadow's and fade's variance common to all of the wearer's links.
    public var bodyCorrelation: Double

    public init(posture: Posture, share: Double, transitionsPerDay: [Posture: Double], shadowMean: Decibels,
                shadowSigma: Decibels, fade: FadeDistributionKind, fadeSigma: Decibels, coherenceTime: Time,
                bodyCorrelation: Double) {
        self.posture = posture
        self.share = share
        self.transitionsPerDay = transitionsPerDay
        self.shadowMean = shadowMean
        self.shadowSigma = shadowSigma
        self.fade = fade
        self.fadeSigma = fadeSigma
        self.coherenceTime = coherenceTime
        self.bodyCorrelation = bodyCorrelation
    }

    /// Transitions per day out of this posture.
    public var exitsPerDay: Double { transitionsPerDay.values.reduce(0, +) }
}
