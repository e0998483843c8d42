import Foundation
import TwinEngine
import TwinVocabulary

/// The twin's attack detector: per gateway, three signals against the baseline measured
/// before the scenario's first event.
///
/// - Delivery-ratio drop with a strong signal (every monitor tick): among the data
///   frames that reached the gateway at least `strongSignalMargin` above the receiver's
///   sensitivity, the share decoded — over a window of at least `minimumWindowFrames`
///   such frames — fell `SimulationOptions.detectorDeliveryDrop` (absolute) below the
///   baseline. This is the PDR/signal-strength consistency check of Xu, Trappe, Zhang &
///   Wood (ACM MobiHoc 2005), the catalogue's `jamming-detector`: losses of weak frames
///   are fading (the wearer moves), losses of strong ones are interference. The 10 dB
///   margin is twinc's choice (RSSI ≥ −90 dBm gave PRR ≥ 95 % on CC2420, Xiao et al.
///   2009, i.e. ≈ 5 dB above its sensitivity; twice that is unambiguous).
/// - Noise-floor rise (every monitor tick): the power with no frame on the air (noise
///   plus jammers and interferers), time-averaged over the monitoring window that just
///   ended (`NoiseMeter`), rose `detectorNoiseRise` dB above the receivers' noise floor.
///   A jammer is measured only for the time it was on inside the window: one starting
///   exactly at a tick shows at the next tick, one starting mid-window at the first
///   tick where its share of the window lifts the average over the threshold.
/// - Forged frames (at once): a frame failed its MIC or replay check (security level
///   ≥ 1), or `floodThreshold` unauthenticated association requests arrived within one
///   tick (the catalogue's `intrusion-detector`; IEEE 802.15.6 CCM MIC and frame
///   counter, ban-numbers.md §6).
/// - Frame-counter collision (at once): a frame with a valid MIC carried a counter
///   already used — what a captured node's forgeries do to the genuine device's counter
///   (security level ≥ 1). A reactive jammer raises no noise floor between frames; it
///   shows as strong frames lost (the first signal).
///
/// Alarms at or before the first attack's start are false alarms (at most one per
/// tick): an alarm at the very instant an attack starts rests on measurements taken
/// before it. Each attack is detected by the first alarm strictly after its start.
struct AttackDetector: Sendable {
    static let minimumWindowFrames = 10
    static let minimumBaselineFrames = 20
    static let floodThreshold = 10
    static let strongSignalMargin = 10.0

    struct GatewayWindow: Sendable {
        var attempted = 0
        var decoded = 0
        var forged = 0
        var unsolicited = 0
        var baselineAttempted = 0
        var baselineDecoded = 0
    }

    struct Attack: Sendable {
        var event: Int
        var kind: ScenarioEventKind
        var target: String
        var start: SimTime
        var detectedAt: SimTime?
        var signal: AttackDetection.Signal?
    }

    let deliveryDrop: Double
    let noiseRise: Double
    /// End of the baseline period (the first scenario event, or never).
    private(set) var baselineEnd: SimTime
    private(set) var firstAttack: SimTime
    private(set) var windows: [GatewayWindow]
    private(set) var attacks: [Attack]
    private(set) var falseAlarms = 0
    private var lastFalseAlarm: SimTime?

    init(gateways: Int, events: [InjectedEvent], options: SimulationOptions) {
        deliveryDrop = options.detectorDeliveryDrop
        noiseRise = options.detectorNoiseRise.dB
        baselineEnd = events.map(\.at).min() ?? .max
        windows = Array(repeating: GatewayWindow(), count: gateways)
        attacks = events.filter(\.isAttack).map {
            Attack(event: $0.index, kind: $0.kind, target: $0.target, start: $0.at)
        }
        firstAttack = attacks.map(\.start).min() ?? .max
    }

    /// Takes on a scenario's `events` in a run that so far had none (a branch leaving a
    /// shared prefix before the first of them): the windows, baseline counts and false
    /// alarms gathered so far are what this scenario's own detector would hold, since
    /// they only depend on the events from the first one on.
    mutating func adopt(events: [InjectedEvent]) {
        precondition(attacks.isEmpty && baselineEnd == .max, "the detector already follows a scenario")
        baselineEnd = events.map(\.at).min() ?? .max
        attacks = events.filter(\.isAttack).map {
            Attack(event: $0.index, kind: $0.kind, target: $0.target, start: $0.at)
        }
        firstAttack = attacks.map(\.start).min() ?? .max
    }

    /// `attempted` data frames reached `gateway` with a strong signal (see the type),
    /// `decoded` of them decoded; frames with a weak signal say nothing about attacks.
    mutating func strongFrames(gateway: Int, attempted: Int, decoded: Int, at time: SimTime) {
        windows[gateway].attempted += attempted
        windows[gateway].decoded += decoded
        if time < baselineEnd {
            windows[gateway].baselineAttempted += attempted
            windows[gateway].baselineDecoded += decoded
        }
    }

    /// A forged frame failed the security check at `gateway`.
    mutating func forged(gateway: Int, at time: SimTime) {
        windows[gateway].forged += 1
        if windows[gateway].forged == 1 { raise(.forgedFrames, at: time) }
    }

    /// An authenticated frame of a device reused a frame counter a frame before it had
    /// already used (a captured node's forgery collided with the genuine device).
    mutating func counterCollision(gateway: Int, at time: SimTime) {
        raise(.counterCollision, at: time)
    }

    /// An unauthenticated association request reached `gateway`.
    mutating func unsolicited(gateway: Int, at time: SimTime) {
        windows[gateway].unsolicited += 1
        if windows[gateway].unsolicited == Self.floodThreshold { raise(.forgedFrames, at: time) }
    }

    /// Evaluates the tick-based signals of `gateway` at a tick and starts its next
    /// window; `measured` is the noise (dBm) averaged over the window ending at the tick
    /// (nil for an empty window: nothing measured) and `floor` the receivers' noise
    /// floor. Returns the signal raised, which `conclude` turns into the tick's alarm.
    mutating func evaluate(gateway: Int, noise measured: Double?, floor: Double) -> AttackDetection.Signal? {
        var window = windows[gateway]
        var raised: AttackDetection.Signal?
        if let measured, measured - floor >= noiseRise {
            raised = .noiseFloorRise
        } else if window.attempted >= Self.minimumWindowFrames,
                  window.baselineAttempted >= Self.minimumBaselineFrames {
            let baseline = Double(window.baselineDecoded) / Double(window.baselineAttempted)
            let ratio = Double(window.decoded) / Double(window.attempted)
            if baseline - ratio >= deliveryDrop {
                raised = .deliveryRatioDrop
            }
        }
        window.forged = 0
        window.unsolicited = 0
        if window.attempted >= Self.minimumWindowFrames {
            window.attempted = 0
            window.decoded = 0
        }
        windows[gateway] = window
        return raised
    }

    /// Raises the tick's alarm, if a gateway's check gave one (the first gateway's
    /// signal in gateway order).
    mutating func conclude(_ signal: AttackDetection.Signal?, at time: SimTime) {
        if let signal { raise(signal, at: time) }
    }

    private mutating func raise(_ signal: AttackDetection.Signal, at time: SimTime) {
        if time <= firstAttack {
            if lastFalseAlarm != time { falseAlarms += 1 }
            lastFalseAlarm = time
            return
        }
        for index in attacks.indices where attacks[index].detectedAt == nil && attacks[index].start < time {
            attacks[index].detectedAt = time
            attacks[index].signal = signal
        }
    }

    var detections: [AttackDetection] {
        attacks.map {
            AttackDetection(eventIndex: $0.event, kind: $0.kind, target: $0.target, startedAt: $0.start,
                            detectedAt: $0.detectedAt, signal: $0.signal, falseAlarms: falseAlarms)
        }
    }
}
