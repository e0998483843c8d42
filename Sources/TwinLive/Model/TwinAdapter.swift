import TwinApplications
import TwinConfig
import TwinEngine
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The one place the live twin reads the compiled twin and calls the runtime and the
/// optimiser. Everything else in `TwinLive` works on `LiveModel` (plain values), so a
/// change in how twin.json is typed, how the simulation is split or how the optimiser
/// is called touches this file only.
public enum TwinAdapter {
    /// What the live loop needs to know of `config`: devices, gateways, each device's
    /// links with the model's mean level and spread, predicted currents, goals.
    public static func model(_ config: TwinConfig) -> LiveModel {
        let network = config.network
        let gatewayIDs = network.gateways.map(\.id)
        let useMap = config.models.contains { $0.id == "castalia-pathloss-map" }
        var devices: [LiveDevice] = []
        var links: [LiveLink] = []
        for (index, device) in network.devices.enumerated() {
            var served: [Int] = []
            for id in [device.primaryGateway] + (device.backupGateway.map { [$0] } ?? []) {
                guard let gateway = gatewayIDs.firstIndex(of: id), !served.contains(gateway) else { continue }
                served.append(gateway)
                let link = DeviceAirInterface.link(device: device, gateway: network.gateways[gateway],
                                                   useCastaliaMap: useMap)
                links.append(LiveLink(device: index, gateway: gateway, id: "\(device.id)→\(id)",
                                      transmit: device.radio.txPower, meanLoss: link.meanLoss, sigma: link.sigma,
                                      sensitivity: device.radio.sensitivity))
            }
            let analytic = AnalyticEnergyModel.evaluate(device)
            devices.append(LiveDevice(
                id: device.id, gateways: served, capacity: device.battery.capacity, voltage: device.battery.voltage,
                predictedCurrent: analytic?.averageCurrent, packetInterval: device.traffic.packetInterval,
                latencyBudget: device.traffic.latencyBudget))
        }
        let goals = config.goals.map { goal in
            LiveGoal(id: goal.id, kpi: goal.kpi, priority: goal.priority,
                     threshold: GoalEvaluation.effectiveThreshold(of: goal),
                     devices: goal.devices.compactMap { id in network.devices.firstIndex { $0.id == id } },
                     within: goal.within, securityLevel: goal.securityLevel,
                     higherIsBetter: goal.kpi.higherIsBetter)
        }
        let securityLevels = network.devices.map(\.securityLevel)
        var model = LiveModel(name: config.name, devices: devices, gateways: gatewayIDs, links: links, goals: goals,
                              postureFading: config.models.contains { $0.id == "posture-fading" },
                              securityLevels: securityLevels, horizon: config.run.horizon,
                              knobs: config.knobs.map { LiveKnob(id: $0.id, values: $0.values, current: $0.current) })
        model.fading = BodyActivity(config: config).fading
        return model
    }

    /// Whether `value` meets `threshold`, exactly as the runtime's verdicts compare.
    public static func holds(_ value: Double, _ threshold: Threshold) -> Bool { GoalEvaluation.isMet(value, threshold) }

    /// `config` with knob settings applied (the optimiser's own `applyKnobs`).
    public static func applying(_ settings: [String: Double], to config: TwinConfig) throws(KnobError) -> TwinConfig {
        try applyKnobs(config, settings)
    }

    /// `config` with the calibrated parameters: a link `offset` dB weaker than the model
    /// becomes a TX power `offset` lower at the same supply current (the uplink budget
    /// is the same; the runtime has no per-link offset), a battery's effective capacity,
    /// and a device's extra drain as baseline current.
    public static func calibrated(_ config: TwinConfig, _ calibration: Calibration) -> TwinConfig {
        var result = config
        for index in result.network.devices.indices {
            let id = result.network.devices[index].id
            if let offset = calibration.links.first(where: { $0.device == id && $0.isPrimary })?.offset,
               offset.dB.isFinite {
                shiftLink(&result.network.devices[index].radio, by: offset)
            }
            if let battery = calibration.batteries.first(where: { $0.device == id }) {
                if let capacity = battery.capacity, capacity.si > 0 {
                    result.network.devices[index].battery.capacity = capacity
                }
                if let extra = battery.extraCurrent, extra.si.isFinite, extra.si > 0 {
                    result.network.devices[index].platform.addDrainAtBattery(extra)
                }
            }
        }
        return result
    }

    /// Lowers the radio's output by `loss` while keeping its current table where it was,
    /// which is what a link `loss` dB weaker does to the frames the gateway receives.
    public static func shiftLink(_ radio: inout RadioConfig, by loss: Decibels) {
        radio.txPower = radio.txPower - loss
        radio.txLevels = radio.txLevels.map { TxLevel(level: $0.level - loss, current: $0.current) }
    }

    /// Runs the optimiser from the current state: `config` is the calibrated twin with the
    /// knobs now in force; the baseline report is a short run of its baseline scenario.
    /// Returns the changed knobs (id → value) and what the optimiser said.
    public static func recommend(_ config: TwinConfig, settings: RecommendationSettings) -> RecommendationOutcome {
        var searchable = config
        searchable.run.horizon = settings.horizon
        searchable.run.replications = settings.replications
        searchable.run.warmup = Swift.min(config.run.warmup, settings.horizon / 10)
        searchable.scenarios = config.scenarios.filter(\.kind.isBaseline)
        let goalsInBaseline = Set(searchable.scenarios.flatMap(\.goals))
        searchable.goals = config.goals.filter { goalsInBaseline.contains($0.id) }
        do {
            let baseline = try runTwin(RunPlan(config: searchable))
            let options = OptimiserOptions(confirmationCandidates: 2, confirmationHorizon: settings.horizon,
                                           confirmationReplications: settings.replications,
                                           verifyAtRunSettings: false)
            let result = try optimise(config: searchable, baseline: baseline, options: options, run: RunOptions())
            let changes = result.changedKnobs.map { KnobSetting(knob: $0.id, value: $0.recommended) }
            let rows = result.verdicts.map { row in
                RecommendationOutcome.GoalChange(goal: row.goal, baseline: row.baseline.verdict.rawValue,
                                                 recommended: row.recommended.verdict.rawValue)
            }
            return RecommendationOutcome(changes: changes, goals: rows, notes: result.notes,
                                         deviceFloorViolations: result.sideEffects.flatMap(\.violations).map(\.detail),
                                         evidence: settings.evidence)
        } catch {
            return RecommendationOutcome(changes: [], goals: [], notes: ["the optimiser could not run: \(error)"])
        }
    }
}

/// How hard the live loop's optimiser works (short runs: it acts on a live network).
public struct RecommendationSettings: Sendable, Hashable {
    public var horizon: Time
    public var replications: Int

    public init(horizon: Time = .seconds(600), replications: Int = 2) {
        self.horizon = horizon
        self.replications = replications
    }

    /// What a live recommendation rests on, said with it (the event, the API): a few
    /// short runs of the baseline scenario, whose point estimates decide, the optimiser
    /// not confirming at the twin's own settings (`verifyAtRunSettings: false`).
    public var evidence: String {
        "screened in \(ReplicationCountText.of(replications)) of \(horizon.quantity.formatted) "
            + "of the baseline scenario, decided on point estimates"
    }
}

/// One knob and the value to set.
public struct KnobSetting: Sendable, Hashable {
    public var knob: String
    public var value: Double

    public init(knob: String, value: Double) {
        self.knob = knob
        self.value = value
    }
}

/// What the optimiser recommended from the live state.
public struct RecommendationOutcome: Sendable, Hashable {
    public struct GoalChange: Sendable, Hashable {
        public var goal: String
        public var baseline: String
        public var recommended: String
    }

    public var changes: [KnobSetting]
    public var goals: [GoalChange]
    public var notes: [String]
    /// The device floors (delivery, latency, link margin, a bystander's lifetime) the
    /// optimiser's side-effect comparison finds the recommendation breaking, each as it
    /// words it; `ActPolicy.vet` refuses to act on any.
    public var deviceFloorViolations: [String] = []
    /// What the recommendation rests on (`RecommendationSettings.evidence`); empty when
    /// the optimiser could not run.
    public var evidence: String = ""
}

extension TwinAdapter {
    /// One run of the baseline scenario of `config` over `horizon`: each goal of that
    /// scenario's verdict and value, and each device's average current.
    public static func simulatedRun(_ config: TwinConfig, horizon: Time, seed: UInt64) -> SimulatedForecast {
        var run = config
        run.run.seed = seed
        run.run.horizon = horizon
        run.run.replications = 1
        run.run.warmup = Swift.min(config.run.warmup, horizon / 10)
        run.scenarios = config.scenarios.filter(\.kind.isBaseline)
        guard let report = try? runTwin(RunPlan(config: run)), let scenario = report.scenarios.first else {
            return SimulatedForecast(verdicts: [], currents: [])
        }
        let verdicts = scenario.goals.map { goal in
            SimulatedForecast.Goal(goal: goal.goalID, met: goal.verdict == .met ? true : (goal.verdict == .notMet ? false : nil),
                              value: goal.value?.point)
        }
        let currents = scenario.devices.compactMap { device in
            device.averageCurrent.map { (device: device.id, current: Current(si: $0.point)) }
        }
        return SimulatedForecast(verdicts: verdicts, currents: currents)
    }
}

/// What `TwinAdapter.simulatedRun` found.
public struct SimulatedForecast: Sendable {
    public struct Goal: Sendable {
        public var goal: String
        public var met: Bool?
        public var value: Double?
    }

    public var verdicts: [Goal]
    public var currents: [(device: String, current: Current)]
}
