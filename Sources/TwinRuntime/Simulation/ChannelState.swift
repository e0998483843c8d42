import Foundation
import TwinEngine
import TwinModels
import TwinUnits
import TwinVocabulary

/// The body-wide channel: the wearer's posture (a Markov chain, or forced by a scenario)
/// and the jammers and interferers active at each gateway.
///
/// Sources: the posture chain and each posture's fading are twin.json's `activity`
/// (`BodyActivity`: the profile's published time budget and bouts, CTMC structure per
/// Zhao & Xing 2023; `ActivityFading` per Castalia/NICTA and Smith et al. 2009/2011).
/// The wearer's shared fading (`BodyFading`: the bout's shadow and the fast fade common
/// to all links) lives here; each link's own part is in `DeviceLinkFading`. The chain
/// runs only when the plan chose a mobility model (`posture-fading`); otherwise the
/// wearer stands still without fading (until a scenario forces a posture). The chain
/// starts in a posture drawn from the time budget. Jammers and interferers are
/// received levels at the gateway (the scenario's `power_dBm`), added to the noise in
/// linear power; how each behaves over time is its `JammerMode`.
struct ChannelState: Sendable {
    /// An external transmitter heard at a gateway.
    struct ExternalSource: Sendable {
        var event: Int
        var milliwatts: Double
        var mode: JammerMode
        /// A random jammer's current phase (constant sources are always on; bursty and
        /// reactive ones are decided per frame).
        var on: Bool = true

        /// Adds to every frame now (and, above the CCA threshold, blocks carrier sense).
        var isContinuouslyOn: Bool {
            switch mode {
            case .constant: true
            case .random: on
            case .bursty, .reactive: false
            }
        }
    }

    let postureEnabled: Bool
    let activity: BodyActivity
    var chain: PostureChain { activity.chain }
    var generator: Xoshiro256
    /// Draws of the wearer's shared fading (its own stream, so the chain's draws do not
    /// depend on how many frames were sent).
    var fadingGenerator: Xoshiro256
    /// The wearer's shared fading; nil while the wearer stands still without fading.
    private(set) var body: BodyFading?
    /// The chain's own state (kept running under a forced posture).
    var natural: Posture = .standing
    private(set) var forced: Posture?
    var posture: Posture { forced ?? natural }
    /// Active sources per gateway; change them through `addSource`, `removeSources` and
    /// `setSources`, which keep `noiseMeter` and `hasPerFrameSources` in step.
    private(set) var sources: [[ExternalSource]]
    /// Whether any source is decided per frame (bursty or reactive). Stored, not
    /// scanned: every frame asks, and the scan over nested arrays cost 1.2 % of a
    /// 24 h run (perf); sources change only at scenario events.
    private(set) var hasPerFrameSources = false
    /// What the attack detector's energy measurement has seen since its last tick.
    private(set) var noiseMeter: NoiseMeter

    init(postureEnabled: Bool, activity: BodyActivity, gateways: Int, streams: RandomStreams) {
        self.postureEnabled = postureEnabled
        self.activity = activity
        generator = streams.generator("body", "posture")
        fadingGenerator = streams.generator("body", "fading")
        sources = Array(repeating: [], count: gateways)
        noiseMeter = NoiseMeter(gateways: gateways)
        if postureEnabled {
            natural = activity.stationaryPosture(uniform: generator.uniform())
            body = BodyFading(posture: natural, table: activity.fading, using: &fadingGenerator)
        }
    }

    /// The fading is sampled on a 10 ms grid: Castalia's temporal model draws fades at
    /// 10 ms at the finest (ban-numbers.md §5), the walking coherence (175 ms) is fitted
    /// to its 10 ms-sampled fade durations, and frames closer than that (a WLAN burst,
    /// a scheduled allocation) see one level, which keeps the per-frame caches useful.
    static let fadingStep = SimTime.milliseconds(10)
    private var fadedAt = SimTime.zero

    /// Moves the shared fading (`body`, nil without fading) to `time`; it moves only
    /// once `fadingStep` has passed since it last moved. In place: `BodyFading` holds
    /// its per-posture table, and a copy per frame cost retains and releases (perf).
    mutating func advanceFading(to time: SimTime) {
        guard body != nil, time - fadedAt >= Self.fadingStep else { return }
        fadedAt = time
        body!.advance(to: time.time, using: &fadingGenerator)
    }

    /// A scenario holds the wearer in `posture` from `time` (nil: the chain's own again).
    mutating func force(_ posture: Posture?, at time: SimTime) {
        forced = posture
        postureChanged(at: time)
    }

    /// A new posture bout begins: new parameters and a new shared shadow.
    mutating func postureChanged(at time: SimTime) {
        fadedAt = time
        if body != nil {
            body!.changePosture(to: posture, at: time.time, using: &fadingGenerator)
        } else {
            body = BodyFading(posture: posture, at: time.time, table: activity.fading, using: &fadingGenerator)
        }
    }

    /// `source` starts at `gateway` at `time`.
    mutating func addSource(_ source: ExternalSource, at gateway: Int, time: SimTime) {
        sources[gateway].append(source)
        hasPerFrameSources = Self.anyPerFrame(sources)
        noiseMeter.powerChanged(at: gateway, to: measuredPower(at: gateway), at: time)
    }

    /// The sources of scenario event `event` at `gateway` stop at `time`.
    mutating func removeSources(of event: Int, at gateway: Int, time: SimTime) {
        sources[gateway].removeAll { $0.event == event }
        hasPerFrameSources = Self.anyPerFrame(sources)
        noiseMeter.powerChanged(at: gateway, to: measuredPower(at: gateway), at: time)
    }

    /// The sources of `event` (a random jammer) turn on or off at `time`, everywhere.
    mutating func setSources(of event: Int, on: Bool, time: SimTime) {
        for gateway in sources.indices {
            var changed = false
            for index in sources[gateway].indices where sources[gateway][index].event == event {
                sources[gateway][index].on = on
                changed = true
            }
            if changed { noiseMeter.powerChanged(at: gateway, to: measuredPower(at: gateway), at: time) }
        }
    }

    /// The detector's noise measurement at `gateway` over the window ending at `time`
    /// (mW; nil for an empty window), and a new window from `time`.
    mutating func closeNoiseWindow(at gateway: Int, time: SimTime) -> Double? {
        noiseMeter.closeWindow(at: gateway, at: time)
    }

    /// Time until the chain leaves its current state.
    mutating func nextDwell() -> SimTime {
        SimTime(chain.dwellTime(in: natural, uniform: generator.uniform()))
    }

    /// Moves the chain to its next state.
    mutating func step() {
        natural = chain.nextPosture(from: natural, uniform: generator.uniform())
    }

    /// Sum of the sources at `gateway` that are on continuously right now (constant
    /// jammers, random jammers in a jamming period), mW.
    func constantPower(at gateway: Int) -> Double {
        var total = 0.0
        for source in sources[gateway] where source.isContinuouslyOn { total += source.milliwatts }
        return total
    }

    /// Mean power of all sources at `gateway` (mW), weighted by the time each is on
    /// between frames: what an energy detector averaging over a window measures. A
    /// reactive jammer adds nothing (it is only on while a frame is).
    func meanPower(at gateway: Int) -> Double {
        var total = 0.0
        for source in sources[gateway] { total += source.milliwatts * source.mode.idleDutyCycle }
        return total
    }

    /// Power (mW) an energy detector between frames sees at `gateway` right now: the
    /// constant and random jammers that are on at full power, bursty interferers at their
    /// duty cycle (each frame finds them on independently, so between frames only their
    /// mean is defined), reactive jammers not at all (they are on only over frames).
    func measuredPower(at gateway: Int) -> Double {
        var total = 0.0
        for source in sources[gateway] {
            switch source.mode {
            case .constant, .random: if source.on { total += source.milliwatts }
            case .bursty(let duty): total += source.milliwatts * Swift.min(duty, 1)
            case .reactive: continue
            }
        }
        return total
    }

    private static func anyPerFrame(_ sources: [[ExternalSource]]) -> Bool {
        sources.contains { $0.contains { source in
            switch source.mode {
            case .bursty, .reactive: true
            case .constant, .random: false
            }
        } }
    }
}
