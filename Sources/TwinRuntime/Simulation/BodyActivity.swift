import TwinConfig
import TwinModels
import TwinUnits
import TwinVocabulary

/// The wearer's activity as the runtime and the live twin use it: the posture chain and
/// the on-body fading per posture from twin.json's `activity` section (issue 11 §3),
/// or, for a twin without one (hand-made), the built-in `ambulatory` profile with
/// `ActivityFading`'s built-in values.
///
/// Sources: the chain is `ActivityProfile.chain()` of the written time budget and bout
/// counts (Pedersen et al. 2013, Chappel et al. 2016, … per profile, docs/sources-radio.md
/// §1); the fading is `ActivityFading` (Castalia/NICTA, Smith et al. 2009 and 2011, §2).
public struct BodyActivity: Sendable, Hashable {
    public let profile: String
    public let chain: PostureChain
    /// Long-run share of time in each posture the wearer takes (the time budget).
    public let shares: [Posture: Double]
    public let fading: [Posture: ActivityFading]

    /// The activity `config` carries (the reader has checked its balance; a chain that
    /// still cannot be built falls back to the built-in profile).
    public init(config: TwinConfig) {
        guard let activity = config.activity, let built = Self.build(activity) else {
            self.init(profile: .ambulatory, fading: ActivityFading.builtIn)
            return
        }
        self = built
    }

    public init(profile: ActivityProfile, fading: [Posture: ActivityFading]) {
        self.profile = profile.name
        chain = (try? profile.chain()) ?? .wakingDay
        shares = profile.timeShare.filter { $0.value > 0 }
        self.fading = fading
    }

    /// The fading of `posture` (built-in values for a posture the profile never takes,
    /// which a scenario may still force).
    public func parameters(of posture: Posture) -> ActivityFading { fading[posture] ?? .of(posture) }

    /// The posture the wearer is in at a random instant, for `u ~ U[0,1)`: the time
    /// budget's quantile, scanned in `Posture` order so a draw always gives one posture.
    public func stationaryPosture(uniform u: Double) -> Posture {
        var cumulative = 0.0
        var last = Posture.standing
        for posture in Posture.allCases {
            guard let share = shares[posture], share > 0 else { continue }
            cumulative += share
            last = posture
            if u < cumulative { return posture }
        }
        return last
    }

    static func build(_ activity: ActivityConfig) -> BodyActivity? {
        var shares: [Posture: Double] = [:]
        var flows: [Posture: [Posture: Double]] = [:]
        var fading: [Posture: ActivityFading] = [:]
        for entry in activity.postures {
            let posture = entry.posture
            shares[posture] = entry.share
            flows[posture] = entry.transitionsPerDay
            let marginal: FadeMarginal = switch entry.fade {
            case .castaliaEveryday: .castaliaEveryday
            case .lognormal: .lognormal(sigma: entry.fadeSigma)
            }
            fading[posture] = ActivityFading(shadowMean: entry.shadowMean, shadowSigma: entry.shadowSigma,
                                             marginal: marginal, coherenceTime: entry.coherenceTime,
                                             bodyCorrelation: entry.bodyCorrelation)
        }
        let profile = ActivityProfile(name: activity.profile, timeShare: shares, transitionsPerDay: flows,
                                      source: activity.source)
        guard (try? profile.chain()) != nil else { return nil }
        return BodyActivity(profile: profile, fading: fading)
    }
}
