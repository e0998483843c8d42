import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// What one device must keep under any recommendation, whether or not a goal names it:
/// the optimiser's goals cover the devices the intent cares about, and a search that
/// saves energy elsewhere would otherwise turn an uncovered device's radio down until its
/// data stops arriving (a foot pod at −40 dBm with no retries delivered 19 %).
///
/// Each floor is the lower of a published requirement and the device's own baseline
/// minus a stated tolerance (`DeviceFloorTolerance`), so a recommendation keeps the
/// requirement where the baseline meets it and never makes a device that already falls
/// short worse by more than the tolerance:
/// - delivery ≥ min(90 % (TG6 PER < 10 %), baseline − 1 pp);
/// - p99 latency ≤ max(the ISO/IEEE 11073 class's latency (Tachtatzis et al. 2012
///   Table 1), baseline + 10 %); a device without a class uses its own latency budget
///   (the compiler's deadline for it);
/// - per-attempt outage on the primary link ≤ max(1 %, baseline) (`link-margin`, the
///   energy application's what-if check);
/// - for a bystander of the change (a device whose own knobs the candidate leaves as
///   they are), lifetime ≥ baseline − 10 %: a relay knob on one device spends another's
///   battery on its frames (`ecg.relay = bp` took the cuff from 8.4 to 6.6 days). A
///   device the candidate changes may trade its own lifetime; its lifetime goals still
///   apply. Judged on the simulation's lifetime per scenario (`SideEffects`).
/// Requirements and tolerances are `TwinModels.TrafficClassRequirement` and
/// `DeviceFloorTolerance`.
public struct DeviceFloor: Sendable, Hashable {
    public var device: String
    /// The ISO/IEEE 11073 class whose requirement applies (nil: the latency budget's).
    public var trafficClass: TrafficClass?
    /// The lowest delivery ratio (delivered / generated) the device may have.
    public var delivery: Double
    /// Whether the requirement or the baseline set `delivery`, as a reader sees it.
    public var deliveryBasis: String
    /// The requirement part alone (90 %).
    public var deliveryRequirement: Double
    /// The highest p99 end-to-end latency the device may have.
    public var latency: Time
    public var latencyBasis: String
    public var latencyRequirement: Time
    /// The highest per-attempt outage of the device's primary link.
    public var outage: Double
    public var outageBasis: String
    /// The shortest lifetime a bystander may have; nil for a device the candidate
    /// changes itself, or without a baseline lifetime.
    public var lifetime: Time?
    public var lifetimeBasis: String = ""

    /// The floor of `device` given its baseline delivery ratio, p99 latency and link
    /// outage (nil: not measured; the requirement alone then), and, for a `bystander`
    /// of the change, its baseline lifetime.
    public init(device: DeviceConfig, baselineDelivery: Double?, baselineP99: Time?, baselineOutage: Double?,
                baselineLifetime: Time? = nil, bystander: Bool = false) {
        self.device = device.id
        trafficClass = device.traffic.trafficClass
        deliveryRequirement = TrafficClassRequirement.minimumDelivery
        let requirementText = "requirement \(Self.percent(deliveryRequirement)) (TG6 PER < 10 %)"
        if let base = baselineDelivery, base - DeviceFloorTolerance.delivery < deliveryRequirement {
            delivery = Swift.max(0, base - DeviceFloorTolerance.delivery)
            deliveryBasis = "baseline \(Self.percent(base)) − \(Self.percent(DeviceFloorTolerance.delivery)) "
                + "(below the \(requirementText))"
        } else {
            delivery = deliveryRequirement
            deliveryBasis = requirementText
        }
        let classLatency = device.traffic.trafficClass.map(TrafficClassRequirement.latency(of:))
        latencyRequirement = classLatency ?? device.traffic.latencyBudget
        let latencyText = classLatency != nil
            ? "class \(device.traffic.trafficClass?.rawValue ?? "") requirement \(latencyRequirement.quantity.formatted)"
            : "latency budget \(latencyRequirement.quantity.formatted) (no ISO/IEEE 11073 class)"
        if let base = baselineP99, base * (1 + DeviceFloorTolerance.latency) > latencyRequirement {
            latency = base * (1 + DeviceFloorTolerance.latency)
            latencyBasis = "baseline p99 \(base.quantity.formatted) + \(Self.percent(DeviceFloorTolerance.latency)) "
                + "(above the \(latencyText))"
        } else {
            latency = latencyRequirement
            latencyBasis = latencyText
        }
        if let base = baselineOutage, base > TrafficClassRequirement.maximumOutage {
            outage = base
            outageBasis = "baseline outage \(Self.percent(base)) (above the 1 % link-margin floor)"
        } else {
            outage = TrafficClassRequirement.maximumOutage
            outageBasis = "link-margin floor: outage ≤ 1 % per attempt"
        }
        if bystander, let base = baselineLifetime, base.si.isFinite, base.si > 0 {
            lifetime = base * (1 - DeviceFloorTolerance.lifetime)
            lifetimeBasis = "baseline \(Self.days(base)) − \(Self.percent(DeviceFloorTolerance.lifetime)), a bystander of the change"
        }
    }

    /// A lifetime in days to two significant digits (`8.4 d`), as floors speak of batteries.
    static func days(_ time: Time) -> String { significant(time.si / 86_400, digits: 2) + " d" }

    /// `0.9` as `90 %`, `0.01234` as `1.23 %`, `0.99178` as `99.18 %`: four significant
    /// digits, enough to tell 99.9 % from 99.94 % in a sentence.
    static func percent(_ ratio: Double) -> String { significant(ratio * 100, digits: 4) + " %" }
}

/// A floor a candidate breaks, or a setting an application's what-if rejects.
public struct FloorViolation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case delivery
        case latency
        case linkMargin = "link-margin"
        /// A bystander's lifetime below its baseline − 10 %.
        case lifetime
        /// A knob value an application's what-if marks as failing something the
        /// configured value does not.
        case rejectedSetting = "rejected-setting"
        /// The candidate leaves a relay the two-hop rule refuses
        /// (`NetworkConfig.relayRefusals`): never simulated, never recommended.
        case relay
    }

    public var kind: Kind
    public var device: String
    /// The scenario the simulation saw it in; nil for the analytic prediction.
    public var scenario: String?
    /// What it would be and what it may be, in SI (ratio, seconds, probability).
    public var value: Double
    public var limit: Double
    /// The sentence the report prints, worded when asked: the analytic search finds
    /// floors broken by tens of thousands of candidates and prints a handful, and
    /// wording each one as it was found cost 3 % of a short main job (perf).
    public var detail: String { wording.sentence(for: self) }
    private var wording: Wording

    /// How `detail` reads.
    enum Wording: Sendable, Hashable {
        case text(String)
        /// The analytic prediction `value` against the floor `limit`, set on `basis`.
        case predicted(basis: String)
        /// The knob value `value` that `application`'s what-if rejects for `reason`.
        case rejected(application: String, knob: String, unit: String, reason: String)

        func sentence(for violation: FloorViolation) -> String {
            let id = violation.device
            switch self {
            case .text(let text):
                return text
            case .predicted(let basis):
                switch violation.kind {
                case .delivery:
                    return "`\(id)` would deliver \(DeviceFloor.percent(violation.value)), below its floor "
                        + "\(DeviceFloor.percent(violation.limit)) (\(basis))"
                case .latency:
                    return "`\(id)` would have p99 latency \(Time.seconds(violation.value).quantity.formatted), above its "
                        + "ceiling \(Time.seconds(violation.limit).quantity.formatted) (\(basis))"
                case .linkMargin:
                    return "`\(id)`'s link would lose \(DeviceFloor.percent(violation.value)) of attempts, above the \(basis)"
                case .rejectedSetting, .relay:
                    return basis
                case .lifetime:
                    return "`\(id)` would last \(DeviceFloor.days(.seconds(violation.value))), below its floor "
                        + "\(DeviceFloor.days(.seconds(violation.limit))) (\(basis))"
                }
            case .rejected(let application, let knob, let unit, let reason):
                return "the \(application) what-if rejects `\(knob)` = "
                    + "\(KnobChange.format(violation.value, unit: unit)): \(reason)"
            }
        }
    }

    init(kind: Kind, device: String, scenario: String?, value: Double, limit: Double, detail: String) {
        self.init(kind: kind, device: device, scenario: scenario, value: value, limit: limit, wording: .text(detail))
    }

    init(kind: Kind, device: String, scenario: String?, value: Double, limit: Double, wording: Wording) {
        self.kind = kind
        self.device = device
        self.scenario = scenario
        self.value = value
        self.limit = limit
        self.wording = wording
    }

    /// One sentence per device and kind, the worst scenario's, with how many scenarios
    /// showed it: the same floor broken in six scenarios is one finding, not six.
    static func summarise(_ violations: [FloorViolation]) -> [String] {
        var groups: [(key: String, worst: FloorViolation, scenarios: Int)] = []
        for violation in violations {
            let key = "\(violation.device)|\(violation.kind.rawValue)"
            guard let index = groups.firstIndex(where: { $0.key == key }) else {
                groups.append((key, violation, 1))
                continue
            }
            groups[index].scenarios += 1
            let worse = violation.kind == .latency ? violation.value > groups[index].worst.value
                : violation.value < groups[index].worst.value
            if worse { groups[index].worst = violation }
        }
        return groups.map { group in
            group.worst.detail + (group.scenarios > 1 ? " (and in \(group.scenarios - 1) more scenario\(group.scenarios > 2 ? "s" : ""))" : "")
        }
    }
}

/// A knob value an application's what-if rejects: never recommended.
public struct ExcludedSetting: Sendable, Hashable {
    public var knob: String
    public var value: Double
    public var application: String
    /// What the what-if says it fails.
    public var reason: String

    public init(knob: String, value: Double, application: String, reason: String) {
        self.knob = knob
        self.value = value
        self.application = application
        self.reason = reason
    }
}

/// The reference scenario of the floors and the side-effect table: the energy
/// application's (`ScenarioLookup.baselineIndex`), as `report` ran it.
func referenceScenario(_ report: RunReport, config: TwinConfig) -> ScenarioReport? {
    guard let index = ScenarioLookup.baselineIndex(of: config), index < report.scenarios.count else { return nil }
    return report.scenarios[index]
}
