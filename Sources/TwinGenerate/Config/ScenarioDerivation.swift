import TwinConfig
import TwinSpec
import TwinSynthesis
import TwinUnits
import TwinVocabulary

/// The scenarios the twin evaluates, derived from the goals: the baseline for every
/// goal that needs no injected event, one scenario per fault a goal must survive and one
/// per threat a goal must detect or resist. Events start a quarter into the horizon
/// (6 h of a day: long after warm-up, with time left to see recovery), written as a
/// fraction (`at_fraction`) so the runtime places them a quarter into whatever horizon
/// it runs (`--horizon 1h` still sees every fault and attack); posture and link
/// disturbances last a fraction of the horizon too. A goal's `at` gives an explicit
/// time instead (the first goal naming the fault or threat that gives one decides).
/// Security goals are evaluated only where their threat is active, never in the
/// baseline. The order is fixed — baseline, faults, threats, each in order of the
/// first goal naming it — so twin.json is byte-stable.
struct ScenarioDerivation {
    let intent: Intent
    let network: NetworkConfig
    let goals: [GoalConfig]
    let horizon: Time

    /// A jammer at the runtime's default power (`ScenarioEvent.defaultJammerPower`), for
    /// 10 min.
    static let jammerPower = ScenarioEvent.defaultJammerPower.dBm
    static let jammerDuration = Time.seconds(600)
    /// Burst interference at the default power (`ScenarioEvent.defaultInterferencePower`)
    /// with a 30 % duty cycle.
    static let interferencePower = ScenarioEvent.defaultInterferencePower.dBm

    /// Where a derived event starts, and the shares of the horizon posture and link
    /// disturbances last.
    static let startFraction = 0.25
    static let postureFraction = 0.25
    static let linkDegradationFraction = 0.125

    func scenarios() -> [ScenarioConfig] {
        let eventGoals = goals.filter {
            !$0.faults.isEmpty || $0.kpi == .securityDetect || $0.kpi == .securityProtect
        }
        let baselineGoals = goals.filter { goal in !eventGoals.contains { $0.id == goal.id } }
        var result = [ScenarioConfig(id: "baseline", kind: .baseline,
                                     description: "Normal operation: no faults, no attacks.",
                                     goals: baselineGoals.map(\.id), events: [])]
        for fault in ordered(goals.flatMap(\.faults)) {
            let naming = goals.filter { $0.faults.contains(fault) }
            result += faultScenarios(fault, goals: naming)
        }
        let threatGoals = goals.filter { $0.kpi == .securityDetect || $0.kpi == .securityProtect }
        for threat in ordered(threatGoals.flatMap(\.threats)) {
            let naming = threatGoals.filter { $0.threats.contains(threat) }
            if let scenario = threatScenario(threat, goals: naming) { result.append(scenario) }
        }
        return result
    }

    private func ordered<Name: Equatable>(_ names: [Name]) -> [Name] {
        names.removingRepeats()
    }

    private func devices(of goals: [GoalConfig]) -> [DeviceConfig] {
        let ids = Set(goals.flatMap(\.devices))
        return network.devices.filter { ids.contains($0.id) }
    }

    /// The device a single-target event hits: the highest user priority in scope (ties by id).
    private func mostImportant(_ devices: [DeviceConfig]) -> DeviceConfig? {
        devices.min { ($0.mac.userPriority, $1.id) > ($1.mac.userPriority, $0.id) }
    }

    /// The explicit time the first of `goals` with an `at` in the intent gives.
    private func explicitStart(_ goals: [GoalConfig]) -> Time? {
        goals.lazy.compactMap { goal in intent.goals.first { $0.id.value == goal.id }?.at?.value }.first
    }

    /// An event at `explicit` or a quarter into the horizon; its length explicit
    /// (`duration`) or a share of the horizon (`durationFraction`).
    private func event(_ kind: ScenarioEventKind, _ target: String, at explicit: Time?, duration: Time? = nil,
                       durationFraction: Double? = nil, _ parameters: [String: Double] = [:]) -> ScenarioEvent {
        ScenarioEvent(at: explicit ?? horizon * Self.startFraction, kind: kind, target: target,
                      duration: durationFraction.map { horizon * $0 } ?? duration, parameters: parameters,
                      atFraction: explicit == nil ? Self.startFraction : nil, durationFraction: durationFraction)
    }

    /// "at 2 h" for an explicit start, "a quarter into the run" otherwise.
    private func when(_ explicit: Time?) -> String {
        explicit.map { "at \($0.quantity.formatted)" } ?? "a quarter into the run"
    }

    private func faultScenarios(_ fault: Fault, goals: [GoalConfig]) -> [ScenarioConfig] {
        let ids = goals.map(\.id)
        let scoped = devices(of: goals)
        let explicit = explicitStart(goals)
        let start = when(explicit)
        func event(_ target: String, duration: Time? = nil, durationFraction: Double? = nil,
                   _ parameters: [String: Double] = [:]) -> ScenarioEvent {
            self.event(.fault(fault), target, at: explicit, duration: duration, durationFraction: durationFraction, parameters)
        }
        switch fault {
        case .gatewayFailure:
            let gateways = network.gateways.filter { gateway in scoped.contains { $0.primaryGateway == gateway.id } }
            return gateways.map { gateway in
                ScenarioConfig(id: "gateway-failure-\(gateway.id)", kind: .fault(fault),
                               description: "Gateway `\(gateway.id)` fails for good \(start).",
                               goals: ids, events: [event(gateway.id)])
            }
        case .deviceFailure:
            guard let device = mostImportant(scoped) else { return [] }
            return [ScenarioConfig(id: "device-failure-\(device.id)", kind: .fault(fault),
                                   description: "Device `\(device.id)` fails \(start).",
                                   goals: ids, events: [event(device.id)])]
        case .postureChange:
            return [ScenarioConfig(id: "posture-walking", kind: .fault(fault),
                                   description: "The wearer walks for a quarter of the run, \(start), swinging on-body links.",
                                   goals: ids, events: [event(Posture.walking.rawValue, durationFraction: Self.postureFraction)])]
        case .linkDegradation:
            guard let device = mostImportant(scoped) else { return [] }
            return [ScenarioConfig(id: "link-degradation-\(device.id)", kind: .fault(fault),
                                   description: "The link of `\(device.id)` loses 10 dB for an eighth of the run, \(start).",
                                   goals: ids, events: [event(device.id, durationFraction: Self.linkDegradationFraction,
                                                              ["extra_loss_dB": 10])])]
        case .batteryDepletion:
            guard let device = scoped.min(by: { ($0.battery.capacity.si, $0.id) < ($1.battery.capacity.si, $1.id) })
            else { return [] }
            return [ScenarioConfig(id: "battery-depletion-\(device.id)", kind: .fault(fault),
                                   description: "The battery of `\(device.id)` is nearly empty (1 % left) \(start).",
                                   goals: ids, events: [event(device.id, ["remaining_fraction": 0.01])])]
        case .interference:
            return [ScenarioConfig(id: fault.rawValue, kind: .fault(fault),
                                   description: "Burst interference from a nearby network for 1 h, \(start).",
                                   goals: ids, events: [event("body", duration: .hours(1),
                                                              ["power_dBm": Self.interferencePower, "duty_cycle": 0.3])])]
        }
    }

    private func threatScenario(_ threat: Threat, goals: [GoalConfig]) -> ScenarioConfig? {
        let ids = goals.map(\.id)
        let scoped = devices(of: goals)
        let victim = mostImportant(scoped) ?? mostImportant(network.devices)
        let hub = victim?.primaryGateway ?? network.gateways.first?.id ?? "body"
        let explicit = explicitStart(goals)
        let start = when(explicit)
        // A detection goal needs several onsets per replication (AttackOnsets); an
        // explicit `at` keeps the one onset the user placed.
        let onsets = explicit == nil ? AttackOnsets.count(for: goals) : 1
        func scenario(_ description: String, _ event: ScenarioEvent) -> ScenarioConfig {
            ScenarioConfig(id: threat.rawValue, kind: .attack(threat), description: description, goals: ids, events: [event])
        }
        /// An attack that repeats: `what` ("A constant jammer near `phone`") for
        /// `duration`, or `onsets` times for a share of the run each.
        func repeated(_ what: String, _ event: ScenarioEvent) -> ScenarioConfig {
            guard onsets > 1 else {
                return scenario("\(what) for \(event.duration?.quantity.formatted ?? "the rest of the run"), \(start).", event)
            }
            let share = AttackOnsets.spanFraction / Double(onsets) / 2
            return ScenarioConfig(
                id: threat.rawValue, kind: .attack(threat),
                description: "\(what), \(onsets) times from a quarter into the run, each for 1/\(Int((1 / share).rounded())) "
                    + "of the run with a pause as long (\(onsets) detection trials per replication).",
                goals: ids, events: AttackOnsets.events(event, count: onsets, horizon: horizon))
        }
        func event(_ target: String, duration: Time? = nil, _ parameters: [String: Double] = [:]) -> ScenarioEvent {
            self.event(.attack(threat), target, at: explicit, duration: duration, parameters)
        }
        switch threat {
        case .jamming:
            return repeated("A constant jammer near `\(hub)`",
                            event(hub, duration: Self.jammerDuration, ["power_dBm": Self.jammerPower]))
        case .eavesdropping:
            return scenario("A passive receiver 3 m from the wearer records every frame for 1 h, \(start).",
                            event("body", duration: .hours(1), ["distance_m": 3]))
        case .spoofing:
            guard let victim else { return nil }
            return repeated("An attacker forges frames as `\(victim.id)` once a second",
                            event(victim.id, duration: .seconds(600), ["rate_per_s": 1]))
        case .replay:
            guard let victim else { return nil }
            return repeated("An attacker replays recorded frames of `\(victim.id)` once a second",
                            event(victim.id, duration: .seconds(600), ["rate_per_s": 1]))
        case .denialOfService:
            return repeated("A flood of association requests to `\(hub)`",
                            event(hub, duration: .seconds(600), ["rate_per_s": 100]))
        case .nodeCapture:
            guard let victim else { return nil }
            return scenario("Device `\(victim.id)` is captured and its keys extracted \(start).",
                            event(victim.id))
        }
    }
}
