import TwinEngine
import TwinModels

/// The attacker's side of a run: who listens (eavesdroppers, a node-capture listener),
/// whose keys it holds (captures) and the frame counters its forgeries took, its
/// per-frame interferers (bursty, reactive), the draws that time its activity, and its
/// own on-air time.
///
/// The attacker's on-air time is summed per event (`airtime`, reported as
/// `ScenarioEventOutcome.attackerAirtime`): the cost of the attack to the attacker, the
/// quantity that makes a reactive jammer cheap (Wilhelm et al. WiSec 2011; Xu et al.
/// MobiHoc 2005 compare jammer models by energy efficiency the same way). The jammer
/// models themselves are `JammerMode`; the kinds of attack and their parameters
/// `InjectedEvent`.
///
/// - Reads: the sources at a gateway, a frame's level and air time, a device's security
///   level, transmit level and receiver sensitivity.
/// - Changes: its own state; a receiving device's `reception` stream (bursty draws).
/// - Schedules: nothing; the coordinator schedules `.attackFrame` and `.jammerToggle`
///   with the gaps and periods drawn here on each event's own stream.
struct AttackerActivity: Sendable {
    /// A device whose keys the attacker holds (node capture).
    struct Capture: Sendable, Equatable {
        var event: Int
        var device: Int
        /// A forged frame took the counter value the genuine device will use next.
        var counterTaken = false
    }

    var eavesdroppers: [Eavesdropper] = []
    var captures: [Capture] = []
    /// The attacker's on-air time per scenario event (jammers, floods).
    var airtime: [SimTime]
    /// Per scenario event: its own stream (attack frame gaps, random jammer periods).
    private var streams: [Xoshiro256]

    init(events: [InjectedEvent], streams: RandomStreams) {
        airtime = Array(repeating: .zero, count: events.count)
        self.streams = events.map { streams.generator("scenario", String($0.index), $0.kind.name) }
    }

    // MARK: Timing draws

    /// The gap to the next forged frame or association request of `event` at `rate` per
    /// second (exponential); nil for a rate that is not positive and finite.
    mutating func nextAttackGap(_ event: Int, rate: Double) -> SimTime? {
        guard rate > 0, rate.isFinite else { return nil }
        return streams[event].exponential(mean: SimTime(.seconds(1 / rate)))
    }

    /// The length of a random jammer's next jamming (or sleeping) period of `mean`.
    mutating func period(_ event: Int, mean: SimTime) -> SimTime { streams[event].exponential(mean: mean) }

    // MARK: Per-frame effects

    /// Power (mW, the unit the media sum interference in) of `sources` decided per frame,
    /// for a frame received at `levelDBm` lasting `airtime`: each bursty interferer is on
    /// with its duty cycle (a draw on the receiving device's `stream`); each reactive
    /// jammer that senses the frame (level ≥ its threshold) and reacts before it ends
    /// jams the rest of it, and that time is its on-air time. Bare doubles because this
    /// sits on every frame's reception path, where the channel keeps dBm and mW as plain
    /// numbers.
    mutating func perFrameInterference(_ sources: [ChannelState.ExternalSource], levelDBm: Double, airtime: SimTime,
                                       stream: inout Xoshiro256) -> Double {
        var total = 0.0
        for source in sources {
            switch source.mode {
            case .bursty(let duty):
                if stream.uniform() < duty { total += source.milliwatts }
            case .reactive(let senseLevel, let reaction):
                guard levelDBm >= senseLevel.dBm, airtime > reaction else { continue }
                total += source.milliwatts
                self.airtime[source.event] += airtime - reaction
            case .constant, .random:
                continue
            }
        }
        return total
    }

    /// Frames of a device sending at `transmitLevel` dBm that active eavesdroppers log
    /// (above `sensitivity`), and how many of them they can read: all unless encrypted
    /// (security level 2) — or all if the attacker holds the device's keys.
    func overheard(device: Int, transmitLevel: Double, sensitivity: Double,
                   security: SecurityLevel) -> (overheard: Int, exposed: Int) {
        var overheard = 0, exposed = 0
        for eavesdropper in eavesdroppers where eavesdropper.device == nil || eavesdropper.device == device {
            guard transmitLevel - eavesdropper.loss >= sensitivity else { continue }
            overheard += 1
            if security < .authenticatedEncrypted || isCaptured(device) { exposed += 1 }
        }
        return (overheard, exposed)
    }

    // MARK: Node capture

    /// Whether the attacker holds `device`'s keys.
    func isCaptured(_ device: Int) -> Bool { captures.contains { $0.device == device } }

    /// The captured node of `event` signs a forged frame; at security levels ≥ 1 it
    /// uses up the frame counter the genuine device sends next.
    mutating func forgeWithCapturedKeys(_ event: Int, security: SecurityLevel) {
        if security > .unsecured, let capture = captures.firstIndex(where: { $0.event == event }) {
            captures[capture].counterTaken = true
        }
    }

    /// The gateway decoded a genuine frame of `device`: how many forged frames had
    /// already taken its counter (each an authenticated counter reused, the detector's
    /// counter-collision alarm); their counters are released.
    mutating func counterCollisions(device: Int) -> Int {
        var collisions = 0
        for capture in captures.indices where captures[capture].device == device && captures[capture].counterTaken {
            captures[capture].counterTaken = false
            collisions += 1
        }
        return collisions
    }
}

/// A passive receiver off the body (eavesdropping scenario, or the listener of a node
/// capture, which reads only the captured device).
struct Eavesdropper: Sendable, Equatable {
    var event: Int
    /// Mean path loss from the body to it (dB).
    var loss: Double
    /// The only device it listens to (node capture); nil: every device.
    var device: Int?
}
