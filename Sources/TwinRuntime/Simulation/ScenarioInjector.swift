import Foundation
import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits
import TwinVocabulary

/// A scenario event resolved against the network: what it does, to whom, when.
///
/// Kinds (twin.json `scenarios[].events[].kind`, as the synthesis stage derives them)
/// and their parameters, with the defaults used when a parameter is absent:
/// - `gateway-failure` (gateway), `device-failure` (device): down at `at`, back after
///   `duration` if given;
/// - `link-degradation` (device, or `body` for all): `extra_loss_dB` (10) on its links;
/// - `posture-change` (posture name): the wearer holds that posture for `duration`;
/// - `battery-depletion` (device): `remaining_fraction` (0.01) of the capacity is left;
/// - `jamming` (gateway, a device's primary gateway, or `body` for all): a source of
///   `power_dBm` (−77) at the gateway receiver, constant by default (`duty_cycle` 1);
///   `interference`: the same, bursty (−85 dBm, duty 0.3). With `distance_m`,
///   `power_dBm` is the source's transmit power and the level at the gateway follows
///   the off-body log-distance loss (Castalia default). Modes (`JammerMode`, Xu et al.
///   MobiHoc 2005), flags set to 1 since parameters are numbers: `random: 1` jams and
///   sleeps for exponential periods of mean `on_s` (1) / `off_s` (1) seconds;
///   `reactive: 1` transmits only while a frame at or above `sense_dBm` (−85) is on the
///   air at its gateway, from `reaction_us` (20) after the frame starts (Wilhelm et
///   al. WiSec 2011) — its on-air time is the event outcome's `attackerAirtime`;
/// - `spoofing`, `replay` (device): forged frames in the device's name, `rate_per_s` (1),
///   accepted at security level 0 and rejected (MIC, frame counter) at levels 1 and 2
///   (`Threat.isMitigated`, ban-numbers.md §6);
/// - `eavesdropping`: a passive receiver `distance_m` (3) off the body, log-distance
///   loss (Castalia default) to it;
/// - `dos` (gateway): unauthenticated association requests at `rate_per_s` (100),
///   received at `power_dBm` (−60), occupying the gateway's channel;
/// - `node-capture` (device): from `at` the attacker holds the device's keys: it forges
///   frames in its name at `rate_per_s` (1) that pass the MIC and frame-counter checks
///   at every level (accepted), and it reads the device's frames — a listener
///   `distance_m` (3) off the body counts them exposed even when encrypted, as does any
///   eavesdropper. Each forged frame takes the counter value the genuine device uses
///   next, so the device's next frame collides with it: at levels ≥ 1 the gateway sees
///   an authenticated frame reuse a counter (`AttackDetection.Signal.counterCollision`);
///   the colliding genuine frame itself is still delivered (its loss is not modelled);
/// - an unknown target: recorded, no effect (twin.json's reader refuses unknown kinds).
struct InjectedEvent: Sendable {
    enum Action: Sendable {
        case gatewayFailure(Int)
        case deviceFailure(Int)
        case linkDegradation(devices: [Int], loss: Double)
        case posture(Posture)
        case batteryDepletion(device: Int, fraction: Double)
        case external(gateways: [Int], milliwatts: Double, mode: JammerMode)
        case forgery(device: Int, rate: Double, threat: Threat)
        case eavesdropping(loss: Double)
        case capture(device: Int, rate: Double, loss: Double)
        case flood(gateway: Int, rate: Double, milliwatts: Double)
        case none
    }

    let index: Int
    let kind: ScenarioEventKind
    let target: String
    let at: SimTime
    let end: SimTime?
    let action: Action

    /// Whether the attack detector treats the event as an attack to detect: every
    /// threat, and burst interference (an external source on the channel, like a jammer).
    var isAttack: Bool {
        switch kind {
        case .attack, .fault(.interference): true
        case .fault(.gatewayFailure), .fault(.deviceFailure), .fault(.postureChange), .fault(.linkDegradation),
             .fault(.batteryDepletion):
            false
        }
    }

    init(index: Int, event: ScenarioEvent, network: NetworkConfig) {
        self.index = index
        kind = event.kind
        target = event.target
        at = SimTime(event.at)
        let start = SimTime(event.at)
        end = event.duration.flatMap { duration in
            guard duration.si > 0 else { return nil }
            let length = SimTime(duration)
            return start < .max - length ? start + length : .max
        }
        action = Self.resolve(event, network: network)
    }

    private static func resolve(_ event: ScenarioEvent, network: NetworkConfig) -> Action {
        let device = network.devices.firstIndex { $0.id == event.target }
        let gateway = network.gateways.firstIndex { $0.id == event.target }
        let everyGateway = Array(network.gateways.indices)
        func parameter(_ name: String, _ fallback: Double) -> Double { event.parameters[name] ?? fallback }
        /// Received level (mW) of a source: `power_dBm` at the receiver, or transmitted
        /// `distance_m` away.
        func received(_ fallback: Double) -> Double {
            let power = parameter("power_dBm", fallback)
            guard let distance = event.parameters["distance_m"] else { return milliwatts(power) }
            return milliwatts(power - BodyGeometry.offBodyLoss(distance: distance))
        }
        switch event.kind {
        case .fault(.gatewayFailure):
            return gateway.map { .gatewayFailure($0) } ?? .none
        case .fault(.deviceFailure):
            return device.map { .deviceFailure($0) } ?? .none
        case .fault(.linkDegradation):
            let targets = device.map { [$0] } ?? (gateway == nil ? Array(network.devices.indices) : network.devices.indices
                .filter { network.devices[$0].primaryGateway == event.target })
            return .linkDegradation(devices: targets, loss: parameter("extra_loss_dB", 10))
        case .fault(.postureChange):
            return .posture(Posture(rawValue: event.target) ?? .walking)
        case .fault(.batteryDepletion):
            return device.map { .batteryDepletion(device: $0, fraction: parameter("remaining_fraction", 0.01)) } ?? .none
        case .attack(.jamming), .fault(.interference):
            let primary = device.flatMap { index in
                network.gateways.firstIndex { $0.id == network.devices[index].primaryGateway } }
            let targets = gateway.map { [$0] } ?? primary.map { [$0] } ?? everyGateway
            return .external(gateways: targets, milliwatts: received(event.defaultSourcePower.dBm),
                             mode: JammerMode.of(event) ?? .constant)
        case .attack(.spoofing):
            return device.map { .forgery(device: $0, rate: parameter("rate_per_s", 1), threat: .spoofing) } ?? .none
        case .attack(.replay):
            return device.map { .forgery(device: $0, rate: parameter("rate_per_s", 1), threat: .replay) } ?? .none
        case .attack(.nodeCapture):
            return device.map { .capture(device: $0, rate: parameter("rate_per_s", 1),
                                         loss: BodyGeometry.offBodyLoss(distance: parameter("distance_m", 3))) } ?? .none
        case .attack(.eavesdropping):
            return .eavesdropping(loss: BodyGeometry.offBodyLoss(distance: parameter("distance_m", 3)))
        case .attack(.denialOfService):
            let hub = gateway ?? device.flatMap { index in
                network.gateways.firstIndex { $0.id == network.devices[index].primaryGateway } } ?? 0
            return .flood(gateway: hub, rate: parameter("rate_per_s", 100), milliwatts: received(-60))
        }
    }
}
