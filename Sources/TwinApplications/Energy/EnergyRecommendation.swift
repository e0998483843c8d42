import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The energy application's answer to "what extends it": per device, the combination
/// of its energy knobs (TX power × MAC mode × allocation period or connection interval
/// × aggregation) with the longest analytic lifetime that still meets the other goals
/// (`OtherGoalCheck`).
/// Only devices whose best setting beats the configured one by at least `materialGain`
/// (1 %) are listed.
///
/// The search covers each device's own knobs (devices do not share an energy knob):
/// every combination when there are at most `KnobProductSearch.fullProductLimit` (the
/// compiler's knobs give a few dozen, so the answer is the optimum of the closed form),
/// else coordinate descent as the optimiser does it, so a hand-edited twin.json with
/// many knobs costs seconds, not hours. Ties go to the setting that changes fewer knobs,
/// then to the first in knob order, so the answer is deterministic.
public struct EnergyRecommendation: Sendable, Hashable {
    public struct Setting: Sendable, Hashable {
        public var knob: String
        public var parameter: KnobParameter
        public var value: Double
        public var unit: String
        /// The value's name when the knob indexes labels (`csma-ca`), else nil.
        public var label: String? = nil
    }

    public struct DeviceChange: Sendable, Hashable {
        public var device: String
        /// Every energy knob of the device at its recommended value (changed or not).
        public var settings: [Setting]
        public var lifetime: Time
        public var configuredLifetime: Time
    }

    public var devices: [DeviceChange]
    public var reason: String

    /// The least relative lifetime gain worth a change.
    static let materialGain = 0.01

    /// nil when no device can live longer without failing another goal.
    static func search(config: TwinConfig, check: OtherGoalCheck,
                       attempts: [String: Double]) -> EnergyRecommendation? {
        var changes: [DeviceChange] = []
        for device in config.network.devices {
            let knobs = config.knobs.filter {
                EnergyKnob.parameters.contains($0.parameter) && $0.targets == [device.id] && !$0.values.isEmpty
            }
            guard !knobs.isEmpty,
                  let configured = AnalyticEnergyModel.evaluate(device, attemptsPerFrame: attempts[device.id] ?? 1)?.lifetime
            else { continue }
            func evaluate(_ values: [Double]) -> (lifetime: Time, changed: Int, values: [Double])? {
                var variant = device
                for (knob, value) in zip(knobs, values) {
                    guard let next = EnergyKnob.apply(knob, value: value, to: variant) else { return nil }
                    variant = next
                }
                guard check.failedGoals(variant: variant, current: device).isEmpty,
                      let lifetime = AnalyticEnergyModel.evaluate(variant, attemptsPerFrame: attempts[device.id] ?? 1)?.lifetime
                else { return nil }
                return (lifetime, zip(knobs, values).filter { $0.0.current != $0.1 }.count, values)
            }
            let best = KnobProductSearch.best(knobs.map(\.values), start: knobs.map(\.current), evaluate: evaluate) {
                candidate, current in
                let longer = candidate.lifetime.si > current.lifetime.si * (1 + 1e-9)
                let tie = !longer && candidate.lifetime.si >= current.lifetime.si * (1 - 1e-9)
                return longer || (tie && candidate.changed < current.changed)
            }
            // A change must buy a material gain: retuning a patient's device for a few
            // minutes more battery is noise to a clinician, not a recommendation.
            guard let best, best.changed > 0, best.lifetime.si > configured.si * (1 + Self.materialGain) else { continue }
            let settings = zip(knobs, best.values).map {
                Setting(knob: $0.0.id, parameter: $0.0.parameter, value: $0.1, unit: $0.0.unit,
                        label: $0.0.label(of: $0.1))
            }
            changes.append(DeviceChange(device: device.id, settings: settings, lifetime: best.lifetime,
                                        configuredLifetime: configured))
        }
        guard !changes.isEmpty else { return nil }
        let names = changes.map { "`\($0.device)`" }.joined(separator: ", ")
        return EnergyRecommendation(
            devices: changes,
            reason: "longest analytic lifetime for \(names) among the settings that keep every other goal "
                + "(latency bound, link margin, latency floor) met")
    }

}
