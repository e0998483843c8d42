import TwinEngine
import TwinModels

/// What the jammers and a node-capture attacker do while their scenario event runs:
/// jamming periods of a random jammer, the frames a reactive jammer hits, the forged
/// frames of a captured node and the frame-counter collisions they cause.
///
/// The attacker's own on-air time is summed per event (`attackerAirtime`, reported as
/// `ScenarioEventOutcome.attackerAirtime`): the cost of the attack to the attacker, the
/// quantity that makes a reactive jammer cheap (Wilhelm et al. WiSec 2011; Xu et al.
/// MobiHoc 2005 compare jammer models by energy efficiency the same way).
extension BANSimulation {
    /// A device whose keys the attacker holds (node capture).
    struct Capture: Sendable {
        var event: Int
        var device: Int
        /// A forged frame took the counter value the genuine device will use next.
        var counterTaken = false
    }

    /// Turns the continuous sources of `event` on at every target gateway: frames on the
    /// air see the new power, and a source above the CCA threshold keeps the
    /// narrowband channel busy until `until`.
    mutating func jammerOn(_ index: Int, until: SimTime, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        for gateway in channel.sources.indices {
            guard let source = channel.sources[gateway].first(where: { $0.event == index }) else { continue }
            let constant = channel.constantPower(at: gateway)
            for medium in gateways[gateway].media {
                media[medium].externalChanged(to: constant, at: now)
                if media[medium].kind == .narrowband,
                   decibelMilliwatts(source.milliwatts) >= media[medium].clearChannelThreshold {
                    channelBusy(medium, until: until, except: -1, scheduler: &scheduler)
                }
            }
        }
    }

    /// A random jammer (Xu et al. 2005) starts a jamming period of exponential length.
    mutating func randomJammerStartsJamming(_ index: Int, scheduler: inout Scheduler<Event>) {
        guard case .external(_, _, .random(let meanOn, _)) = events[index].action else { return }
        let now = scheduler.now
        channel.setSources(of: index, on: true, time: now)
        let length = events[index].stream.exponential(mean: meanOn)
        let stop = now < .max - length ? now + length : .max
        let periodEnd = Swift.min(stop, events[index].end ?? .max)
        jammerOn(index, until: periodEnd, scheduler: &scheduler)
        attackerAirtime[index] += Swift.max(.zero, Swift.min(periodEnd, horizon) - now)
        if stop < (events[index].end ?? .max) {
            scheduleBeforeHorizon(.jammerToggle(Int32(index)), after: length, scheduler: &scheduler)
        }
    }

    /// A random jammer's period is over: jamming turns to sleeping and back.
    mutating func jammerToggles(_ index: Int, scheduler: inout Scheduler<Event>) {
        guard case .external(let targets, _, .random(_, let meanOff)) = events[index].action,
              let gateway = targets.first,
              let source = channel.sources[gateway].first(where: { $0.event == index }) else { return }
        if source.on {
            let now = scheduler.now
            channel.setSources(of: index, on: false, time: now)
            let length = events[index].stream.exponential(mean: meanOff)
            if length < .max - now, now + length < (events[index].end ?? .max) {
                scheduleBeforeHorizon(.jammerToggle(Int32(index)), after: length, scheduler: &scheduler)
            }
        } else {
            randomJammerStartsJamming(index, scheduler: &scheduler)
        }
    }


    /// Power in milliwatts (the unit the media sum interference in) of the sources at
    /// `gateway` decided per frame, for a frame of `device` received at `levelDBm` lasting
    /// `airtime`: each bursty interferer is on with its duty cycle (a draw on the
    /// receiving device's stream); each reactive jammer that senses the frame (level ≥
    /// its threshold) and reacts before it ends jams the rest of it, and that time is its
    /// on-air time. Bare doubles because this sits on every frame's reception path,
    /// where the channel keeps dBm and mW as plain numbers.
    mutating func perFrameInterference(_ device: Int, gateway: Int, levelDBm: Double, airtime: SimTime) -> Double {
        guard channel.hasPerFrameSources else { return 0 }
        var total = 0.0
        for source in channel.sources[gateway] {
            switch source.mode {
            case .bursty(let duty):
                if devices[device].receptionStream.uniform() < duty { total += source.milliwatts }
            case .reactive(let senseLevel, let reaction):
                guard levelDBm >= senseLevel.dBm, airtime > reaction else { continue }
                total += source.milliwatts
                attackerAirtime[source.event] += airtime - reaction
            case .constant, .random:
                continue
            }
        }
        return total
    }

    /// The captured node's keys sign a forged frame: it passes the MIC and the frame
    /// counter at any level and is accepted. At levels ≥ 1 it uses up the counter the
    /// genuine device sends next.
    mutating func capturedDeviceForges(_ index: Int, device: Int, at time: SimTime) {
        let slot = Swift.max(0, devices[device].serving)
        let gateway = parameters[device].gateways[slot]
        guard gateways[gateway].up else { return }
        devices[device].outcome.forgedAccepted += 1
        if parameters[device].security > .unsecured, let capture = captures.firstIndex(where: { $0.event == index }) {
            captures[capture].counterTaken = true
        }
    }

    /// `gateway` decoded a genuine frame of `device`: if a forged frame already took its
    /// counter, the gateway sees an authenticated counter reused — the detector's
    /// counter-collision alarm.
    mutating func checkCounter(_ device: Int, gateway: Int, at time: SimTime) {
        for capture in captures.indices where captures[capture].device == device && captures[capture].counterTaken {
            captures[capture].counterTaken = false
            detector.counterCollision(gateway: gateway, at: time)
        }
    }

    /// Whether the attacker holds `device`'s keys.
    func isCaptured(_ device: Int) -> Bool { captures.contains { $0.device == device } }
}
