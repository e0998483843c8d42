import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The energy application's findings on the reference (baseline) scenario: every
/// device's energy by radio state and component, its predicted lifetime with the 95 %
/// interval over replications (the run's figures) beside the closed form's
/// (`AnalyticEnergyModel`), the device that dies first, what-if lifetimes per energy
/// knob value, and the recommended setting (`EnergyRecommendation`).
public struct EnergyReport: Sendable, Hashable {
    public struct DeviceEnergy: Sendable, Hashable {
        public var id: String
        /// Death time or predicted lifetime, mean and 95 % interval over replications.
        public var lifetime: Estimate?
        public var energy: EnergyFigures
        public var averageCurrent: Estimate?
        /// The closed form at the configured setting (nil: unknown air interface).
        public var analytic: AnalyticEnergyModel?
        /// Frames on the air per frame generated, as measured (retries).
        public var attemptsPerFrame: Double
        public var diedIn: Int
    }

    /// The scenario the figures come from (nil: the twin has none).
    public var scenario: String?
    /// The time the figures cover: the run's horizon, or `simulatedUntil`.
    public var horizon: Time
    /// Where the scenario stopped when that was before the run's horizon: a twin whose
    /// scenarios all have attacks takes its figures from the first, which may stop once
    /// its goals settle (`GoalSettling`), and the section says so.
    public var simulatedUntil: Time? = nil
    public var devices: [DeviceEnergy]
    /// The device with the shortest lifetime.
    public var firstToDie: String?
    public var whatIf: [EnergyWhatIf]
    public var recommendation: EnergyRecommendation?

    public static func evaluate(config: TwinConfig, outcomes: [[ReplicationOutcome]], report: RunReport) -> EnergyReport {
        guard let index = ScenarioLookup.baselineIndex(of: config), index < report.scenarios.count else {
            return EnergyReport(scenario: nil, horizon: report.settings.horizon, devices: [], firstToDie: nil, whatIf: [],
                                recommendation: nil)
        }
        let figures = report.scenarios[index].devices
        let runs = ScenarioLookup.outcomes(outcomes, index)
        var attempts: [String: Double] = [:]
        var devices: [DeviceEnergy] = []
        for device in config.network.devices {
            let results = runs.compactMap { $0.device(device.id) }
            let generated = results.reduce(0) { $0 + $1.generated }
            let sent = results.reduce(0) { $0 + $1.transmissions }
            let perFrame = generated > 0 ? Swift.max(1, Double(sent) / Double(generated)) : 1
            attempts[device.id] = perFrame
            let figure = figures.first { $0.id == device.id }
            devices.append(DeviceEnergy(
                id: device.id, lifetime: figure?.lifetime,
                energy: figure?.energy ?? EnergyFigures(meanOf: []), averageCurrent: figure?.averageCurrent,
                analytic: AnalyticEnergyModel.evaluate(device, attemptsPerFrame: perFrame), attemptsPerFrame: perFrame,
                diedIn: figure?.diedIn ?? 0))
        }
        var firstToDie: DeviceEnergy?
        for device in devices {
            guard let lifetime = device.lifetime?.point else { continue }
            if lifetime < (firstToDie?.lifetime?.point ?? .infinity) { firstToDie = device }
        }
        let check = OtherGoalCheck(config: config, report: report)
        let stop = report.scenarios[index].simulatedUntil
        return EnergyReport(
            scenario: config.scenarios[index].id, horizon: stop ?? report.settings.horizon, simulatedUntil: stop,
            devices: devices, firstToDie: firstToDie?.id, whatIf: whatIfs(config: config, check: check, attempts: attempts),
            recommendation: EnergyRecommendation.search(config: config, check: check, attempts: attempts))
    }

    /// One answer per value of every energy knob, in knob order.
    static func whatIfs(config: TwinConfig, check: OtherGoalCheck, attempts: [String: Double]) -> [EnergyWhatIf] {
        var answers: [EnergyWhatIf] = []
        for knob in config.knobs where EnergyKnob.parameters.contains(knob.parameter) {
            for target in knob.targets {
                guard let device = config.network.devices.first(where: { $0.id == target }) else { continue }
                for value in knob.values {
                    guard let variant = EnergyKnob.apply(knob, value: value, to: device),
                          let model = AnalyticEnergyModel.evaluate(variant, attemptsPerFrame: attempts[target] ?? 1)
                    else { continue }
                    answers.append(EnergyWhatIf(
                        device: target, knob: knob.id, parameter: knob.parameter, value: value, unit: knob.unit,
                        label: knob.label(of: value), isCurrent: value == knob.current, lifetime: model.lifetime,
                        averageCurrent: model.averageCurrent, failedGoals: check.failedGoals(variant: variant, current: device)))
                }
            }
        }
        return answers
    }

    /// The device's figures.
    public func device(_ id: String) -> DeviceEnergy? { devices.first { $0.id == id } }
}

extension EnergyReport {
    /// The knob values the what-if rejects: each that fails a goal or the link margin the
    /// configured value does not fail (a goal the configured value already misses does
    /// not single out any value). The optimiser never recommends them.
    public var rejectedSettings: [ExcludedSetting] {
        whatIf.compactMap { answer in
            guard !answer.isCurrent else { return nil }
            let configured = whatIf.first { $0.knob == answer.knob && $0.device == answer.device && $0.isCurrent }
            let newlyFailed = answer.failedGoals.filter { !(configured?.failedGoals.contains($0) ?? false) }
            guard !newlyFailed.isEmpty else { return nil }
            return ExcludedSetting(knob: answer.knob, value: answer.value, application: ApplicationKind.energy.rawValue,
                                   reason: "fails " + newlyFailed.joined(separator: ", "))
        }
    }

    /// The recommendation as knob settings for the optimiser to screen (nil: none).
    public var proposal: OptimiserProposal? {
        guard let recommendation else { return nil }
        let settings = recommendation.devices.flatMap { change in
            change.settings.map { KnobValue(id: $0.knob, value: $0.value) }
        }
        return settings.isEmpty ? nil : OptimiserProposal(origin: ApplicationKind.energy.rawValue, settings: settings)
    }
}
