import TwinConfig
import TwinModels
import TwinSynthesis
import TwinUnits

/// The numeric parameters twin.json carries for a chosen model, taken from the TwinModels
/// constants that reproduce their published sources (each constant's doc comment cites
/// it), so the runtime and a reader of twin.json see the same numbers. Keys end in their
/// unit (`_dB`, `_m`); models whose parameters are tables (Castalia's path-loss map,
/// the NB rate table) or live in the device entries (radio currents, batteries) carry
/// none.
enum ModelParameterTable {
    static func choice(for model: PlannedModel, plan: TwinPlan) -> ModelChoice {
        ModelChoice(id: model.id, family: model.family, method: model.method,
                    applications: model.applications.compactMap { plan.application($0)?.kind },
                    parameters: parameters(of: model.id), source: model.source)
    }

    static func parameters(of id: String) -> [String: Double] {
        switch id {
        case "ieee802156-cm3-channel":
            let low = OnBodyCM3.hospital900MHz, high = OnBodyCM3.hospital2400MHz
            return ["a_900": low.a, "b_900_dB": low.b, "sigma_900_dB": low.sigma.dB,
                    "a_2400": high.a, "b_2400_dB": high.b, "sigma_2400_dB": high.sigma.dB]
        case "ieee802156-cm2-implant":
            let model = InBodyCM2.deepTissueToBodySurface
            return ["pl0_dB": model.lossAtReference.dB, "n": model.exponent, "sigma_dB": model.sigma.dB,
                    "d0_m": InBodyCM2.referenceDistance.si]
        case "log-distance-offbody":
            let model = LogDistancePathLoss.castaliaDefault
            return ["pl0_dB": model.lossAtReference.dB, "d0_m": model.referenceDistance.si, "n": model.exponent,
                    "sigma_dB": model.sigma.dB]
        case "posture-fading":
            // The chain and the fading per posture are twin.json's `activity` section.
            return [:]
        default:
            return [:]
        }
    }
}
