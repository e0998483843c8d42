import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// One attack event of a scenario judged on the network: the CVSS v3.1 base score of
/// the exposure it meets, what the run saw (forged frames accepted or rejected, frames
/// overheard and readable), whether and how fast the twin's detector raised the alarm
/// against the intent's `security-detect` deadline, and a verdict.
///
/// The vector of a device starts from the threat's unmitigated vector
/// (`SecurityExposure.vector`, ban-numbers.md §6: attacker adjacent on the body
/// channel, PR:N, UI:N, S:U) and drops the impact the device's IEEE 802.15.6 security
/// level removes (`Threat.isMitigated`): eavesdropping at level 2 → C:N (AES-128
/// CCM encryption), spoofing and replay at level ≥ 1 → I:N (MIC, frame counter) —
/// unless the run saw the attack succeed against the device, when the full vector
/// stands (the measurement wins over the table). The event's score is its worst device.
///
/// Node capture keeps its full vector at every level (AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/
/// A:H, 6.8 — FIRST's CVE-2014-2005 example): physical access to the device, and the
/// keys it yields sign forgeries (I:H) and decrypt its frames (C:H) whatever the
/// level. It counts as observed when forged frames in its name were accepted or its
/// frames were read. Jamming rows name the jammer's mode (`JammerMode`: constant,
/// random, reactive) and its mean on-air time per replication — a reactive jammer's is
/// a small fraction of a constant one's.
///
/// Verdicts: `exposed` (forged frames accepted or readable frames overheard);
/// with a detect goal: `undetected`, `detected-late` (after its `within`), else
/// `protected` when the level mitigates the threat or `detected` when only the alarm
/// does; without one: `protected`, `detected`, `at-risk` (a passive threat the level
/// does not stop, nothing overheard this time) or `undetected`.
public struct ThreatAssessment: Sendable, Hashable {
    public struct DeviceExposure: Sendable, Hashable {
        public var device: String
        public var securityLevel: Int
        public var vector: String
        public var score: Double
        /// Per replication (means).
        public var accepted: Double
        public var rejected: Double
        public var framesOverheard: Double
        public var framesExposed: Double
        /// How far off the body the device's frames stay above its receiver's
        /// sensitivity (Castalia log-distance default), eavesdropping only.
        public var reach: Distance?
    }

    public var scenario: String
    /// The event kind (`jamming`, `dos`, …) and the catalogue threat it is.
    public var kind: ScenarioEventKind
    public var threat: Threat
    public var target: String
    public var securityLevel: Int
    public var vector: String
    public var score: Double
    public var severity: CVSSSeverity
    public var accepted: Double
    public var rejected: Double
    public var framesOverheard: Double
    public var framesExposed: Double
    public var detectedIn: Int
    public var replications: Int
    public var detectionDelay: Time?
    public var detectWithin: Time?
    public var verdict: String
    public var devices: [DeviceExposure]
    /// The eavesdropper's distance from the body (eavesdropping only).
    public var eavesdropperDistance: Distance?
    /// constant, random or reactive (jamming only).
    public var jammerMode: String?
    /// The attacker's own on-air time per replication (jamming and DoS; mean).
    public var attackerAirtime: Time?
    /// Where the scenario's runs stopped when that was before the horizon
    /// (`GoalSettling`) and a detection goal asks about the threat: the detector was
    /// watched until then, so "not detected" means not by this time. A detection that
    /// late is outside every detection window, so no goal changes; the report says it
    /// rather than let "undetected" stand alone. Nil otherwise (a passive threat no
    /// goal asks the detector about, such as eavesdropping, has nothing to watch).
    public var watchedUntil: Time?

    public var detected: Bool { replications > 0 && detectedIn == replications }

    /// The catalogue threat of a scenario event kind; nil for faults.
    public static func threat(ofEvent kind: ScenarioEventKind) -> Threat? {
        switch kind {
        case .attack(let threat): threat
        case .fault: nil
        }
    }

    /// The devices an event aims at: the named device, the devices of a named gateway,
    /// or every device (`body`).
    static func targets(of event: ScenarioEvent, in network: NetworkConfig) -> [DeviceConfig] {
        if let device = network.devices.first(where: { $0.id == event.target }) { return [device] }
        if network.gateways.contains(where: { $0.id == event.target }) {
            return network.devices.filter { $0.primaryGateway == event.target }
        }
        return network.devices
    }

    /// The device's vector for `threat` at its level, given what the run observed.
    static func vector(threat: Threat, level: Int, observedSuccess: Bool) -> CVSSVector? {
        var vector = SecurityExposure.vector(of: threat)
        let securityLevel = SecurityLevel(rawValue: Swift.min(Swift.max(level, 0), 2)) ?? .unsecured
        guard !observedSuccess, threat.isMitigated(by: securityLevel) else { return vector }
        switch threat {
        case .eavesdropping: vector.confidentiality = .none
        case .spoofing, .replay: vector.integrity = .none
        default: break
        }
        return vector
    }

    /// The distance at which a device's frames fall to its receiver sensitivity on the
    /// off-body log-distance channel: `d0·10^((P_tx − S − PL(d0))/(10·n))`.
    static func reach(of device: DeviceConfig) -> Distance {
        let model = LogDistancePathLoss.castaliaDefault
        let margin = device.radio.txPower.dBm - device.radio.sensitivity.dBm - model.lossAtReference.dB
        return Distance(si: model.referenceDistance.si * pow(10, margin / (10 * model.exponent)))
    }

    /// The assessment of the scenario's event `index`; `simulatedUntil` is the scenario's
    /// stop as the run report has it (`ScenarioReport.simulatedUntil`).
    static func assess(event: ScenarioEvent, index: Int, scenario: String, threat: Threat, config: TwinConfig,
                       outcomes: [ReplicationOutcome], simulatedUntil: Time?) -> ThreatAssessment? {
        let runs = outcomes.filter { index < $0.events.count && $0.events[index].at < $0.horizon }
        guard !runs.isEmpty else { return nil }
        let count = Double(runs.count)
        func mean(_ device: String, _ value: (DeviceOutcome) -> Int) -> Double {
            Double(runs.reduce(0) { $0 + ($1.device(device).map(value) ?? 0) }) / count
        }
        var exposures: [DeviceExposure] = []
        for device in targets(of: event, in: config.network) {
            let accepted = mean(device.id, \.forgedAccepted), exposed = mean(device.id, \.framesExposed)
            let success = switch threat {
            case .spoofing, .replay: accepted > 0
            case .eavesdropping: exposed > 0
            case .nodeCapture: accepted > 0 || exposed > 0
            case .jamming, .denialOfService: false
            }
            guard let vector = vector(threat: threat, level: device.securityLevel, observedSuccess: success) else { continue }
            exposures.append(DeviceExposure(
                device: device.id, securityLevel: device.securityLevel, vector: vector.description, score: vector.baseScore,
                accepted: accepted, rejected: mean(device.id, \.forgedRejected),
                framesOverheard: mean(device.id, \.framesOverheard), framesExposed: exposed,
                reach: threat == .eavesdropping ? reach(of: device) : nil))
        }
        guard let worst = exposures.max(by: { $0.score < $1.score }) else { return nil }
        let detections = runs.compactMap { run in run.attacks.first { $0.eventIndex == index } }
        let delays = detections.compactMap { $0.detectionDelay?.seconds }
        let within = config.goals.filter { goal in
            goal.kpi == .securityDetect
                && (goal.threats.isEmpty || goal.threats.contains(threat))
        }.compactMap(\.within).min()
        var assessment = ThreatAssessment(
            scenario: scenario, kind: event.kind, threat: threat, target: event.target,
            securityLevel: exposures.map(\.securityLevel).min() ?? 0, vector: worst.vector, score: worst.score,
            severity: CVSSSeverity(score: worst.score),
            accepted: exposures.reduce(0) { $0 + $1.accepted }, rejected: exposures.reduce(0) { $0 + $1.rejected },
            framesOverheard: exposures.reduce(0) { $0 + $1.framesOverheard },
            framesExposed: exposures.reduce(0) { $0 + $1.framesExposed },
            detectedIn: delays.count, replications: runs.count, detectionDelay: ScenarioLookup.mean(delays).map(Time.seconds),
            detectWithin: within, verdict: "", devices: exposures,
            eavesdropperDistance: threat == .eavesdropping ? .meters(event.parameters["distance_m"] ?? 3) : nil,
            jammerMode: threat == .jamming ? JammerMode.of(event)?.name : nil,
            attackerAirtime: threat == .jamming || threat == .denialOfService
                ? .seconds(runs.reduce(0) { $0 + $1.events[index].attackerAirtime.seconds } / count) : nil,
            watchedUntil: within == nil ? nil : simulatedUntil)
        assessment.verdict = assessment.judge(latestDelay: delays.max())
        return assessment
    }

    private func judge(latestDelay: Double?) -> String {
        if accepted > 0 || framesExposed > 0 { return "exposed" }
        let mitigated = score == 0
        if let detectWithin {
            guard detected else { return "undetected" }
            if let latestDelay, latestDelay > detectWithin.si + 1e-9 { return "detected-late" }
            return mitigated ? "protected" : "detected"
        }
        if mitigated { return "protected" }
        if detected { return "detected" }
        return threat == .eavesdropping ? "at-risk" : "undetected"
    }
}
