import TwinConfig
import TwinEngine
import TwinUnits
import TwinVocabulary

/// A goal's KPI in one replication: the value, the device that set it, or why there is
/// none. The rules per KPI are in `KPI`'s table.
struct KPIMeasurement: Sendable, Hashable {
    var value: Double?
    var limitingDevice: String?
    /// Why there is no value (no packets, no such event in the scenario), or a caveat.
    var note: String?

    static func missing(_ why: String) -> KPIMeasurement { KPIMeasurement(value: nil, limitingDevice: nil, note: why) }
}

/// Measures one goal in replication outcomes of one scenario.
struct GoalMeasurer: Sendable {
    let goal: GoalConfig
    let kpi: KPI
    /// The goal's threshold, or the implied one (`GoalEvaluation.effectiveThreshold`).
    let threshold: Threshold?
    /// The goal's devices in config order (every device when the scope is empty).
    let devices: [DeviceConfig]

    init(goal: GoalConfig, kpi: KPI, threshold: Threshold?, config: TwinConfig) {
        self.goal = goal
        self.kpi = kpi
        self.threshold = threshold
        let scope = Set(goal.devices)
        devices = scope.isEmpty ? config.network.devices : config.network.devices.filter { scope.contains($0.id) }
    }

    func measure(_ outcome: ReplicationOutcome) -> KPIMeasurement {
        switch kpi {
        case .recoveryTime: return recovery(outcome)
        case .securityDetect: return detection(outcome)
        case .securityProtect: return protection(outcome)
        case .deliveryRatio, .latency, .lifetime, .energy, .availability, .throughput: return perDevice(outcome)
        }
    }

    // MARK: Per-device KPIs

    private func perDevice(_ outcome: ReplicationOutcome) -> KPIMeasurement {
        var values: [(device: String, value: Double)] = []
        var silent: [String] = []
        for device in devices {
            guard let result = outcome.device(device.id) else { continue }
            if let value = deviceValue(device, result, outcome) { values.append((device.id, value)) } else { silent.append(device.id) }
        }
        // Latency applies its statistic per device already; the rest range over devices.
        let statistic: Statistic? = kpi == .latency ? .mean : threshold?.statistic
        guard let chosen = DeviceCombination.combine(values, statistic: statistic, threshold: threshold,
                                                     higherIsBetter: kpi.higherIsBetter) else {
            return .missing(missingReason)
        }
        let note = silent.isEmpty ? nil : "no value for \(silent.map { "`\($0)`" }.joined(separator: ", ")): \(missingReason)"
        return KPIMeasurement(value: chosen.value, limitingDevice: chosen.device, note: note)
    }

    private var missingReason: String {
        switch kpi {
        case .deliveryRatio, .throughput: "no packets generated after the warm-up"
        case .latency: "no packets delivered after the warm-up"
        case .lifetime: "no current drawn to extrapolate from"
        case .availability: "the warm-up covers the whole run"
        default: "no value"
        }
    }

    /// Whether a smaller value is the worse one: the goal's bound says which way is
    /// better (`>=` wants large values), else the KPI's own direction.
    var smallerIsWorse: Bool {
        guard let threshold else { return kpi.higherIsBetter }
        if threshold.op.isLowerBound { return true }
        if threshold.op.isUpperBound { return false }
        return kpi.higherIsBetter
    }

    func deviceValue(_ device: DeviceConfig, _ result: DeviceOutcome, _ outcome: ReplicationOutcome) -> Double? {
        switch kpi {
        case .deliveryRatio: return deliveryRatio(device, result)
        case .latency:
            let histogram = result.latency
            switch threshold?.statistic ?? .mean {
            case .mean: return histogram.mean?.seconds
            case .min: return histogram.minimum?.seconds
            case .max: return histogram.maximum?.seconds
            case .percentile(let p): return histogram.percentile(p)?.seconds
            }
        case .lifetime: return predictedLifetime(of: device, outcome: result)?.si
        case .energy: return result.energy.total.si
        case .availability: return availability(result, outcome)
        case .throughput: return throughput(device, result, outcome)
        case .recoveryTime, .securityDetect, .securityProtect: return nil
        }
    }

    /// Delivered over generated; with `within`, only packets delivered within it count
    /// (exactly from the simulator's counter when `within` is the device's own budget,
    /// otherwise from the latency histogram, conservative to its bucket resolution).
    private func deliveryRatio(_ device: DeviceConfig, _ result: DeviceOutcome) -> Double? {
        deliveries(device, result).ratio
    }

    /// Packets delivered (within `within`, when the goal has one) out of those generated
    /// after the warm-up: exactly from the simulator's counter when `within` is the
    /// device's own budget, otherwise from the latency histogram, conservative to its
    /// bucket resolution.
    func deliveries(_ device: DeviceConfig, _ result: DeviceOutcome) -> SuccessRatio {
        let generated = Swift.max(0, result.generated)
        var delivered = Swift.min(Swift.max(0, result.deliveredToEdge), generated)
        if let within = goal.within {
            if SimTime(within) == SimTime(device.traffic.latencyBudget) {
                delivered = Swift.min(Swift.max(0, result.deliveredWithinBudget), generated)
            } else {
                let fraction = result.latency.fraction(notAbove: SimTime(within)) ?? 0
                delivered = Swift.min(Int((fraction * Double(result.latency.count)).rounded()), delivered)
            }
        }
        return SuccessRatio(successes: delivered, trials: generated)
    }

    /// 1 − (time in outage ∩ [warm-up, horizon]) / (horizon − warm-up). Outages: from each
    /// scenario event to the device's first delivery after it (to the horizon if none),
    /// and from the device's death or failure to the horizon.
    private func availability(_ result: DeviceOutcome, _ outcome: ReplicationOutcome) -> Double? {
        let start = outcome.warmup, end = outcome.horizon
        guard end > start else { return nil }
        var outages: [(SimTime, SimTime)] = []
        for event in outcome.events {
            guard let recovery = event.device(result.id) else { continue }
            outages.append((event.at, recovery.recoveryTime.map { event.at + $0 } ?? end))
        }
        for down in [result.deathTime, result.failureTime].compactMap({ $0 }) { outages.append((down, end)) }
        let clipped = outages.map { (Swift.max($0.0, start), Swift.min($0.1, end)) }.filter { $0.0 < $0.1 }
            .sorted { $0.0 < $1.0 }
        var down: Int64 = 0
        var cursor = start
        for (from, to) in clipped where to > cursor {
            down += (to - Swift.max(from, cursor)).nanoseconds
            cursor = to
        }
        return 1 - Double(down) / Double((end - start).nanoseconds)
    }

    /// Delivered application bits per second of measured time; alarm packets weighted
    /// by their own payload.
    private func throughput(_ device: DeviceConfig, _ result: DeviceOutcome, _ outcome: ReplicationOutcome) -> Double? {
        let window = (outcome.horizon - outcome.warmup).seconds
        guard window > 0, result.generated > 0 else { return nil }
        let alarms = Double(Swift.min(result.alarmsGenerated, result.generated))
        let periodic = Double(result.generated) - alarms
        let meanBits = (periodic * device.traffic.packetPayload.si + alarms * device.traffic.alarmPayload.si)
            / Double(result.generated)
        return Double(result.deliveredToEdge) * meanBits / window
    }

    // MARK: Pooled KPIs

    /// Recovery after every event of the goal's fault kinds (every event when the goal
    /// names none), for each goal device other than the event's own target.
    private func recovery(_ outcome: ReplicationOutcome) -> KPIMeasurement {
        let pairs = recoveryPairs(outcome)
        let wanted = goal.faults.isEmpty ? "fault" : goal.faults.map { "`\($0)`" }.joined(separator: " or ")
        guard let value = DeviceCombination.statistic(threshold?.statistic ?? .mean,
                                                      of: pairs.samples.map(\.time.seconds)) else {
            return .missing("no \(wanted) event before the horizon in this scenario")
        }
        let limiting = pairs.samples.max { $0.time < $1.time }?.device
        let censored = pairs.censored
        let note = censored > 0 ? "\(censored) device–event pair\(censored == 1 ? "" : "s") never recovered (counted as the rest of the run)" : nil
        return KPIMeasurement(value: value, limitingDevice: limiting, note: note)
    }

    /// Every (device, event) pair's recovery time in one replication, a pair that never
    /// recovered counted as the rest of the run (`censored` of them). The estimator pools
    /// these over replications for a percentile goal.
    func recoveryPairs(_ outcome: ReplicationOutcome) -> (samples: [(device: String, time: SimTime)], censored: Int) {
        let kinds = Set(goal.faults)
        var samples: [(device: String, time: SimTime)] = []
        var censored = 0
        // An event at or after the horizon never happened (a shortened `--horizon`).
        for event in outcome.events where (kinds.isEmpty || kinds.contains(event.kind)) && event.at < outcome.horizon {
            for device in devices where device.id != event.target {
                guard let recovery = event.device(device.id) else { continue }
                if let time = recovery.recoveryTime {
                    samples.append((device.id, time))
                } else {
                    censored += 1
                    samples.append((device.id, outcome.horizon - event.at))
                }
            }
        }
        return (samples, censored)
    }

    /// Share of the goal's attacks (by threat; every attack when it names none)
    /// detected within `within` of their start (at all, without `within`).
    private func detection(_ outcome: ReplicationOutcome) -> KPIMeasurement {
        let attacks = goalAttacks(outcome)
        guard !attacks.isEmpty else { return .missing(noAttackReason) }
        let detected = detections(outcome)
        let falseAlarms = attacks.map(\.falseAlarms).max() ?? 0
        return KPIMeasurement(value: detected.ratio, limitingDevice: nil,
                              note: falseAlarms > 0 ? "\(falseAlarms) false alarm\(falseAlarms == 1 ? "" : "s") before the first attack" : nil)
    }

    /// The attacks of the goal's threats (every attack when it names none) that started
    /// before the horizon.
    func goalAttacks(_ outcome: ReplicationOutcome) -> [AttackDetection] {
        outcome.attacks.filter { attack in
            attack.startedAt < outcome.horizon
                && (goal.threats.isEmpty || goal.threats.contains { Self.threat($0, matches: attack.kind) })
        }
    }

    /// The goal's attacks detected within `within` of their start (at all, without
    /// `within`) out of the goal's attacks.
    func detections(_ outcome: ReplicationOutcome) -> SuccessRatio {
        let attacks = goalAttacks(outcome)
        let deadline = goal.within.map { SimTime($0) }
        let detected = attacks.filter { attack in
            guard let delay = attack.detectionDelay else { return false }
            return deadline.map { delay <= $0 } ?? true
        }.count
        return SuccessRatio(successes: detected, trials: attacks.count)
    }

    private var noAttackReason: String {
        let wanted = goal.threats.isEmpty ? "attack" : goal.threats.map { "`\($0)`" }.joined(separator: " or ") + " attack"
        return "no \(wanted) before the horizon in this scenario"
    }

    /// A goal threat names an attack event kind (`denial-of-service` is `dos` in runs).
    static func threat(_ threat: String, matches kind: String) -> Bool {
        threat == kind || (threat == "denial-of-service" && kind == "dos")
    }

    /// The highest residual CVSS score over the goal's devices and threats.
    private func protection(_ outcome: ReplicationOutcome) -> KPIMeasurement {
        // Protection is judged where the threat is active: a scenario without the attack
        // says nothing about how well the devices resist it.
        guard !goalAttacks(outcome).isEmpty else { return .missing(noAttackReason) }
        var worst: (device: String, value: Double)?
        var unknown: [String] = []
        for device in devices {
            let result = outcome.device(device.id)
            for threat in goal.threats {
                let observed = result.map { SecurityExposure.observedSuccess(of: threat, in: $0) } ?? false
                guard let score = SecurityExposure.residualScore(threat: threat, level: device.securityLevel,
                                                                 observedSuccess: observed) else {
                    if !unknown.contains(threat) { unknown.append(threat) }
                    continue
                }
                if score > (worst?.value ?? -.infinity) { worst = (device.id, score) }
            }
        }
        let note = unknown.isEmpty ? nil : "no CVSS vector for \(unknown.map { "`\($0)`" }.joined(separator: ", "))"
        guard let worst else { return .missing(note ?? "the goal names no threat") }
        return KPIMeasurement(value: worst.value, limitingDevice: worst.value > 0 ? worst.device : nil, note: note)
    }
}
