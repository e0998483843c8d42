import TwinConfig
import TwinEngine
import TwinUnits
import TwinVocabulary

/// How a `jamming` (or `interference`) source behaves over time, from the event's
/// numeric parameters (twin.json parameters are numbers, so a mode is a flag set to 1).
///
/// The jammer models of Xu, Trappe, Zhang & Wood, "The feasibility of launching and
/// detecting jamming attacks in wireless networks" (ACM MobiHoc 2005, §2):
/// - `constant` (default, `duty_cycle` 1): emits continuously; its power adds to every
///   frame and, above the CCA threshold, keeps carrier sense busy;
/// - `random` (`random: 1`): alternates jamming periods and sleeping periods, each drawn
///   exponentially with mean `on_s` (1 s) and `off_s` (1 s) on the event's own stream;
///   while on it acts as a constant jammer (Xu et al.'s random jammer, with the constant
///   jammer as its jamming phase);
/// - `bursty` (`duty_cycle` < 1 without `random`): twinc's memoryless interferer — each
///   frame independently finds it on with probability `duty_cycle` (no periods, so no
///   correlation between consecutive frames); kept for the `interference` kind;
/// - `reactive` (`reactive: 1`): silent while the channel is quiet; when a frame on the
///   air at its target gateway reaches it at or above `sense_dBm` (−85) it starts
///   transmitting after `reaction_us` (20 µs) and stops at the frame's end. Wilhelm,
///   Martinovic, Schmitt & Lenders, "Short paper: reactive jamming in wireless networks —
///   how realistic is the threat?" (ACM WiSec 2011) built a reactive jammer on a USRP2
///   that starts jamming an 802.15.4 frame within tens of microseconds of its preamble
///   (their reported reaction time is of this order) — well inside the ≥ 100 µs of any
///   2.4 GHz 802.15.6 frame, so every sensed frame is hit for most of its length. The
///   jammer sits by the gateway, so the level it senses is the level at the gateway.
public enum JammerMode: Sendable, Hashable {
    case constant
    case bursty(dutyCycle: Double)
    case random(meanOn: SimTime, meanOff: SimTime)
    case reactive(senseLevel: PowerLevel, reaction: SimTime)

    public static let defaultSenseLevel = PowerLevel(dBm: -85)
    public static let defaultReaction = SimTime.microseconds(20)
    public static let defaultPeriod = SimTime.seconds(1)

    /// The mode of a `jamming`/`interference` event; nil for other kinds.
    public static func of(_ event: ScenarioEvent) -> JammerMode? {
        let jamming: Bool
        switch event.kind {
        case .attack(.jamming): jamming = true
        case .fault(.interference): jamming = false
        case .fault, .attack: return nil
        }
        let parameters = event.parameters
        func flag(_ name: String) -> Bool { (parameters[name] ?? 0) >= 0.5 }
        func period(_ name: String) -> SimTime {
            guard let seconds = parameters[name], seconds > 0, seconds.isFinite else { return defaultPeriod }
            return SimTime(.seconds(seconds))
        }
        if flag("reactive") {
            let reaction = parameters["reaction_us"].flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
                .map { SimTime(.microseconds($0)) } ?? defaultReaction
            return .reactive(senseLevel: parameters["sense_dBm"].map { PowerLevel(dBm: $0) } ?? defaultSenseLevel,
                             reaction: reaction)
        }
        if flag("random") { return .random(meanOn: period("on_s"), meanOff: period("off_s")) }
        let duty = parameters["duty_cycle"] ?? (jamming ? 1 : 0.3)
        return duty >= 1 ? .constant : .bursty(dutyCycle: Swift.max(0, duty))
    }

    /// constant, random or reactive (a bursty interferer is a kind of random one).
    public var name: String {
        switch self {
        case .constant: "constant"
        case .bursty, .random: "random"
        case .reactive: "reactive"
        }
    }

    /// Long-run fraction of time the source is on when no frame is on the air: what an
    /// energy detector averaging between frames measures. A reactive jammer is never on
    /// then.
    var idleDutyCycle: Double {
        switch self {
        case .constant: 1
        case .bursty(let duty): Swift.min(duty, 1)
        case .random(let on, let off): Double(on.nanoseconds) / Double(Swift.max(1, (on + off).nanoseconds))
        case .reactive: 0
        }
    }
}
