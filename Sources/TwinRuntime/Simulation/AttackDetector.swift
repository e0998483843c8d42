import Foundation

/// The twin's attack detector: per gateway, every monitor tick, three signals against
/// the baseline measured before the scenario's first event.
///
/// - Delivery-ratio drop: the share of data frames the gateway decoded, over a window of
///   at least `minimumWindowFrames` frames, fell `SimulationOptions.detectorDeliveryDrop`
///   (absolute) below the baseline ratio (needs `minimumBaselineFrames` before the
///   first event). This is the PDR half of the PDR/signal-strength consistency check of
///   Xu, Trappe, Zhang & Wood (ACM MobiHoc 2005), the catalogue's `jamming-detector`.
/// - Noise-floor rise: the mean received power with no frame on the air (noise plus
///   the duty-weighted jammers and interferers) rose `detectorNoiseRise` dB above the
///   receivers' noise floor.
/// - Forged frames: a frame failed its MIC or replay check (security level ≥ 1), or at
///   least `floodThreshold` unauthenticated association requests arrived in one tick
///   (the catalogue's `intrusion-detector`; IEEE 802.15.6 CCM MIC and frame counter,
///   ban-numbers.md §6).
///
/// Alarms before the first attack are false alarms; each attack is detected by the
/// first alarm at or after its start.
struct AttackDetector: Sendable {
    static let minimumWindowFrames = 10
    static let minimumBaselineFrames = 20
    static let floodThreshold = 10

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
        var kind: String
        var target: String
        var start: SimTime
        var detectedAt: SimTime?
        var signal: AttackDetection.Signal?
    }

    let deliveryDrop: Double
    let noiseRise: Double
    /// End of the baseline period (the first scenario event, or never).
    let baselineEnd: SimTime
    private(set) var windows: [GatewayWindow]
    private(set) var attacks: [Attack]
    private(set) var falseAlarms = 0

    init(gateways: Int, events: [InjectedEvent], options: SimulationOptions) {
        deliveryDrop = options.detectorDeliveryDrop
        noiseRise = options.detectorNoiseRise.dB
        baselineEnd = events.map(\.at).min() ?? .max
        windows = Array(repeating: GatewayWindow(), count: gateways)
        attacks = events.filter(\.isAttack).map {
            Attack(event: $0.index, kind: $0.kind, target: $0.target, start: $0.at)
        }
    }

    mutating func frame(gateway: Int, decoded: Bool, at time: SimTime) {
        windows[gateway].attempted += 1
        if decoded { windows[gateway].decoded += 1 }
        if time < baselineEnd {
            windows[gateway].baselineAttempted += 1
            if decoded { windows[gateway].baselineDecoded += 1 }
        }
    }

    /// Many frames at once (a wideband batch).
    mutating func frames(gateway: Int, attempted: Int, decoded: Int, at time: SimTime) {
        windows[gateway].attempted += attempted
        windows[gateway].decoded += decoded
        if time < baselineEnd {
            windows[gateway].baselineAttempted += attempted
            windows[gateway].baselineDecoded += decoded
        }
    }

    mutating func forged(gateway: Int) { windows[gateway].forged += 1 }
    mutating func unsolicited(gateway: Int) { windows[gateway].unsolicited += 1 }

    /// Evaluates every gateway at `time`; `noise[g]` is the measured noise (dBm) and
    /// `floor[g]` the receivers' noise floor.
    mutating func evaluate(at time: SimTime, noise: [Double], floor: [Double]) {
        var signal: AttackDetection.Signal?
        for gateway in windows.indices {
            var window = windows[gateway]
            var raised: AttackDetection.Signal?
            if window.forged > 0 || window.unsolicited >= Self.floodThreshold {
                raised = .forgedFrames
            } else if noise[gateway] - floor[gateway] >= noiseRise {
                raised = .noiseFloorRise
            } else if window.attempted >= Self.minimumWindowFrames,
                      window.baselineAttempted >= Self.minimumBaselineFrames {
                let baseline = Double(window.baselineDecoded) / Double(window.baselineAttempted)
                let ratio = Double(window.decoded) / Double(window.attempted)
                if baseline - ratio >= deliveryDrop { raised = .deliveryRatioDrop }
            }
            window.forged = 0
            window.unsolicited = 0
            if window.attempted >= Self.minimumWindowFrames {
                window.attempted = 0
                window.decoded = 0
            }
            windows[gateway] = window
            if signal == nil { signal = raised }
        }
        guard let signal else { return }
        let firstAttack = attacks.map(\.start).min() ?? .max
        if time < firstAttack {
            falseAlarms += 1
            return
        }
        for index in attacks.indices where attacks[index].detectedAt == nil && attacks[index].start <= time {
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
