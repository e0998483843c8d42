import TwinConfig
import TwinModels
import TwinSpec
import TwinUnits
import TwinVocabulary

/// twin.json's `activity` section: the wearer's activity profile (the intent's
/// `activity:`, else the use case's, else `ambulatory`) with its time budget, bout
/// counts and the on-body fading per posture, copied from the TwinModels constants that
/// cite their sources (`ActivityProfile`: Pedersen et al. 2013, Chappel et al. 2016, …;
/// `ActivityFading`: Castalia/NICTA, Smith et al. 2009 and 2011). The runtime and the
/// live twin read these values, not the constants, so an edited twin.json is what runs.
enum ActivityConfigBuilder {
    /// The profile when neither the intent nor the use case names one: an outpatient's
    /// day (sleep, a sedentary waking day, short walks), the broadest of the four.
    static let defaultProfile = ActivityProfileName.ambulatory

    /// The profile the twin simulates and where it was chosen.
    static func profileName(intent: Intent, useCase: UseCase) -> (name: ActivityProfileName, chosenBy: String) {
        if let named = intent.activity { return (named.value, "the intent") }
        if let named = useCase.activity { return (named.value, "the use case") }
        return (defaultProfile, "twinc's default")
    }

    static func profile(_ name: ActivityProfileName) -> ActivityProfile {
        ActivityProfile.named(name.rawValue) ?? .ambulatory
    }

    static func config(intent: Intent, useCase: UseCase) -> ActivityConfig {
        config(profile(profileName(intent: intent, useCase: useCase).name))
    }

    static func config(_ profile: ActivityProfile) -> ActivityConfig {
        let postures = Posture.allCases.compactMap { posture -> PostureActivityConfig? in
            guard let share = profile.timeShare[posture], share > 0 else { return nil }
            let fading = ActivityFading.of(posture)
            let (kind, sigma): (FadeDistributionKind, Decibels) = switch fading.marginal {
            case .castaliaEveryday: (.castaliaEveryday, Decibels(dB: 0))
            case .lognormal(let sigma): (.lognormal, sigma)
            }
            let flows = (profile.transitionsPerDay[posture] ?? [:]).filter { $0.value > 0 }
            return PostureActivityConfig(
                posture: posture, share: share, transitionsPerDay: flows,
                shadowMean: fading.shadowMean, shadowSigma: fading.shadowSigma, fade: kind, fadeSigma: sigma,
                coherenceTime: fading.coherenceTime, bodyCorrelation: fading.bodyCorrelation)
        }
        return ActivityConfig(profile: profile.name, source: profile.source + "; fading: " + ActivityFading.source,
                              postures: postures)
    }
}
