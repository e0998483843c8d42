import TwinConfig
import TwinSpec
import TwinSynthesis
import TwinUnits
import TwinVocabulary

/// How the generated twin runs by default. The intent gives the horizon; the rest are
/// the compiler's defaults, overridable from the command line at run time.
public struct RunDefaults: Sendable, Hashable {
    /// Independent replications per scenario: 5 gives a Student-t 95 % interval with 4
    /// degrees of freedom, wide enough to be honest, cheap enough for a 24 h horizon.
    public var replications: Int
    public var seed: UInt64
    public var warmup: Time
    public var sampleInterval: Time
    /// Written into twin.json's `generator` member (name and version, never a date, so
    /// the file is byte-identical across runs).
    public var generator: String

    public init(replications: Int = 5, seed: UInt64 = 1, warmup: Time = .seconds(10),
                sampleInterval: Time = .seconds(60), generator: String) {
        self.replications = replications
        self.seed = seed
        self.warmup = warmup
        self.sampleInterval = sampleInterval
        self.generator = generator
    }
}

/// The generate stage's core: turns a plan into the self-contained twin configuration.
/// Every device gets its radio, battery, traffic and MAC resolved from the use case and
/// the catalogue with every default applied and units in SI; models carry their
/// parameters and sources; goals become KPI monitors with their thresholds; faults,
/// posture changes and threats named by goals become timed scenarios; and the settings
/// the optimiser may turn become knobs. A plain function: same inputs, same bytes.
public func buildTwinConfig(plan: TwinPlan, intent: Intent, useCase: UseCase, catalogue: SynthesisCatalogue,
                            defaults: RunDefaults) -> TwinConfig {
    let network = plan.network
    let builder = DeviceConfigBuilder(plan: plan, intent: intent, catalogue: catalogue)
    let devices = network.devices.map(builder.device)
    let tiers = TierConfigBuilder(useCase: useCase, plan: plan)
    let networkConfig = NetworkConfig(devices: devices, gateways: tiers.gateways(), edges: tiers.edges(),
                                      links: tiers.links())
    let goals = intent.goals.map { goal in
        GoalConfig(
            id: goal.id.value, kpi: goal.kpi.value, priority: goal.priority.value,
            threshold: goal.target?.value, devices: network.devices(in: goal.scope),
            threats: goal.threats.map(\.value), faults: goal.faults.map(\.value),
            within: goal.within?.value, securityLevel: goal.level?.value)
    }
    let horizon = intent.horizon.value
    let scenarios = ScenarioDerivation(intent: intent, network: networkConfig, goals: goals, horizon: horizon)
        .scenarios()
    var config = TwinConfig(
        name: intent.name.value, title: intent.title?.value ?? useCase.title.value, usecase: useCase.name.value,
        generator: defaults.generator,
        run: RunSettings(horizon: horizon, replications: defaults.replications, seed: defaults.seed,
                         warmup: min(defaults.warmup, horizon / 10), sampleInterval: defaults.sampleInterval),
        network: networkConfig,
        models: plan.models.map { ModelParameterTable.choice(for: $0, plan: plan) },
        applications: plan.applications.map { ApplicationConfig(id: $0.kind, goals: $0.goals, kpis: $0.kpis) },
        goals: goals, scenarios: scenarios,
        knobs: KnobDerivation(network: networkConfig, goals: goals).knobs(),
        objectives: intent.objectives.map(\.value))
    // A design that relays evaluates the relay's failure too.
    config.addRelayFailureScenarios()
    // The wearer's activity matters only where the plan simulates posture fading.
    if plan.models.contains(where: { $0.id == "posture-fading" }) {
        config.activity = ActivityConfigBuilder.config(intent: intent, useCase: useCase)
    }
    return config
}
