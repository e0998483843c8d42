import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// What one fault event did over the replications of its scenario, read from the
/// runtime's outcomes: when the BAN noticed it, when every affected device delivered
/// again, and the share of the horizon the devices were delivering.
///
/// - Time to detect, by fault kind, from what the runtime does and records:
///   gateway failure → the failover decision at `failoverTime` after the failure
///   (three missed beacons and one more period, `TierConfigBuilder`), unless the gateway
///   came back first; device failure → the first report the hub misses (the device's
///   sampling or access interval, whichever is longer); battery depletion → the device's
///   measured death plus that interval; interference and other attacks → the detector's
///   first alarm (`AttackDetection`); link degradation and posture changes → none (the
///   detector deliberately reads losses of weak frames as fading, Xu et al. 2005).
/// - Time to recover: per replication the latest first delivery after the event over
///   the affected devices (`DeviceRecovery.recoveryTime`), nil when one never delivered
///   again; the mean over replications when every replication recovered.
/// - Availability: per device `1 − outage/(horizon − warm-up)`, the outage running from
///   the event to the device's first delivery after it (to the horizon if none) and
///   from its death or failure to the horizon; the worst device per replication, the
///   mean over replications (the runtime's `availability` KPI restricted to this event).
struct FaultTimeline {
    var timeToDetect: Time?
    var detectedBy: String
    var timeToRecover: Time?
    var recoveredIn: Int
    var replications: Int
    var availability: Double?

    var recovered: Bool { replications > 0 && recoveredIn == replications }

    init(event: ScenarioEvent, index: Int, devices: [String], config: TwinConfig, outcomes: [ReplicationOutcome]) {
        let happened = outcomes.filter { index < $0.events.count && $0.events[index].at < $0.horizon }
        replications = happened.count
        var recoveries: [Double] = []
        var availabilities: [Double] = []
        for outcome in happened {
            let record = outcome.events[index]
            let times = devices.map { record.device($0)?.recoveryTime }
            if !times.isEmpty, times.allSatisfy({ $0 != nil }) {
                recoveries.append(times.compactMap { $0?.seconds }.max() ?? 0)
            }
            let shares = devices.compactMap { Self.availability(device: $0, event: record, outcome: outcome) }
            if let worst = shares.min() { availabilities.append(worst) }
        }
        recoveredIn = recoveries.count
        timeToRecover = recoveries.count == happened.count ? ScenarioLookup.mean(recoveries).map(Time.seconds) : nil
        availability = ScenarioLookup.mean(availabilities)
        (timeToDetect, detectedBy) = Self.detection(event: event, index: index, config: config, outcomes: happened)
    }

    private static func detection(event: ScenarioEvent, index: Int, config: TwinConfig,
                                  outcomes: [ReplicationOutcome]) -> (Time?, String) {
        let network = config.network
        switch event.kind {
        case "gateway-failure":
            guard let gateway = network.gateways.first(where: { $0.id == event.target }) else {
                return (nil, "unknown gateway")
            }
            if let duration = event.duration, duration.si > 0, duration.si < gateway.failoverTime.si {
                return (nil, "repaired before the failover decision")
            }
            return (gateway.failoverTime, "failover decision (missed beacons)")
        case "device-failure", "node-failure":
            guard let device = network.devices.first(where: { $0.id == event.target }) else { return (nil, "unknown device") }
            return (reportingInterval(of: device), "first missed report")
        case "battery-depletion":
            guard let device = network.devices.first(where: { $0.id == event.target }) else { return (nil, "unknown device") }
            let deaths = outcomes.compactMap { outcome in outcome.device(device.id)?.deathTime?.seconds }
            guard let death = ScenarioLookup.mean(deaths) else { return (nil, "the battery lasted the run") }
            return (.seconds(Swift.max(0, death - event.at.si) + reportingInterval(of: device).si),
                    "first report missed after the battery emptied")
        case "link-degradation", "posture-change", "posture":
            return (nil, "no alarm: losses of weak frames read as fading")
        default:
            let delays = outcomes.compactMap { outcome in
                outcome.attacks.first { $0.eventIndex == index }?.detectionDelay?.seconds
            }
            guard let delay = ScenarioLookup.mean(delays) else { return (nil, "not detected") }
            let signal = outcomes.compactMap { $0.attacks.first { $0.eventIndex == index }?.signal?.rawValue }.first
            return (.seconds(delay), "detector (\(signal ?? "alarm"))")
        }
    }

    /// How long the hub waits between two reports of a device: its sampling interval or
    /// its access interval (allocation period, connection interval), the longer one.
    static func reportingInterval(of device: DeviceConfig) -> Time {
        let mac = device.mac
        let access: Double = switch mac.access {
        case .scheduled: AnalyticEnergyModel.allocationInterval(of: mac).si
        case .ble: mac.connectionInterval.si
        default: 0
        }
        return .seconds(Swift.max(device.traffic.interval.si, access))
    }

    /// The device's share of the measured time not in an outage of this event.
    static func availability(device: String, event: ScenarioEventOutcome, outcome: ReplicationOutcome) -> Double? {
        let start = outcome.warmup, end = outcome.horizon
        guard end > start, let recovery = event.device(device) else { return nil }
        var outages: [(SimTime, SimTime)] = [(event.at, recovery.recoveryTime.map { event.at + $0 } ?? end)]
        if let result = outcome.device(device) {
            for down in [result.deathTime, result.failureTime].compactMap({ $0 }) { outages.append((down, end)) }
        }
        let clipped = outages.map { (Swift.max($0.0, start), Swift.min($0.1, end)) }.filter { $0.0 < $0.1 }
            .sorted { $0.0 < $1.0 }
        var down = 0.0
        var cursor = start
        for (from, to) in clipped where to > cursor {
            down += (to - Swift.max(from, cursor)).seconds
            cursor = to
        }
        return 1 - down / (end - start).seconds
    }
}
