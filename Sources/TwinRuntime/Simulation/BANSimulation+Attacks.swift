import TwinEngine
import TwinModels

/// Routing of the attacker's activity while its scenario event runs (`AttackerActivity`
/// keeps its state and draws): jammers and interferers switching on at their gateways
/// (carrier sense through `CSMAAccess.channelBusy`, the frames on the air through
/// `SharedMedium.externalChanged`), a random jammer's periods, forged frames and
/// association floods.
extension BANSimulation {
    /// Air time of one forged association request (a 20-octet body in the 2.4 GHz NB
    /// fastest mode, Tachtatzis 2010 eq. 7).
    static let floodFrameAirtime = SimTime(
        (try? NarrowbandTiming.frameAirtime(payloadBytes: 20, mode: NarrowbandPHY.ism2400Fastest)) ?? .microseconds(400))

    /// A jammer or interferer of event `index` appears at `targets`.
    mutating func externalSourceStarts(_ index: Int, at targets: [Int], milliwatts power: Double, mode: JammerMode,
                                       scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let end = events[index].end
        for gateway in targets {
            channel.addSource(.init(event: index, milliwatts: power, mode: mode), at: gateway, time: now)
        }
        let effectEnd = Swift.min(end ?? .max, horizon)
        switch mode {
        case .constant:
            jammerOn(index, until: end ?? .max, scheduler: &scheduler)
            attacker.airtime[index] += Swift.max(.zero, effectEnd - now)
        case .bursty(let duty):
            for gateway in targets {
                let constant = channel.constantPower(at: gateway)
                for medium in gateways[gateway].media { media[medium].externalChanged(to: constant, at: now) }
            }
            attacker.airtime[index] += SimTime(nanoseconds: Int64(
                (Double(Swift.max(.zero, effectEnd - now).nanoseconds) * Swift.min(duty, 1)).rounded()))
        case .random:
            randomJammerStartsJamming(index, scheduler: &scheduler)
        case .reactive:
            break
        }
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
                    csma.channelBusy(medium, until: until, except: -1, media: &media, scheduler: &scheduler)
                }
            }
        }
    }

    /// A random jammer (Xu et al. 2005) starts a jamming period of exponential length.
    mutating func randomJammerStartsJamming(_ index: Int, scheduler: inout Scheduler<Event>) {
        guard case .external(_, _, .random(let meanOn, _)) = events[index].action else { return }
        let now = scheduler.now
        channel.setSources(of: index, on: true, time: now)
        let length = attacker.period(index, mean: meanOn)
        let stop = now < .max - length ? now + length : .max
        let periodEnd = Swift.min(stop, events[index].end ?? .max)
        jammerOn(index, until: periodEnd, scheduler: &scheduler)
        attacker.airtime[index] += Swift.max(.zero, Swift.min(periodEnd, horizon) - now)
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
            let length = attacker.period(index, mean: meanOff)
            if length < .max - now, now + length < (events[index].end ?? .max) {
                scheduleBeforeHorizon(.jammerToggle(Int32(index)), after: length, scheduler: &scheduler)
            }
        } else {
            randomJammerStartsJamming(index, scheduler: &scheduler)
        }
    }

    /// The next forged frame or association request of event `index`, unless it falls
    /// after the event's end or the horizon.
    mutating func scheduleNextAttackFrame(_ index: Int, rate: Double, scheduler: inout Scheduler<Event>) {
        guard let gap = attacker.nextAttackGap(index, rate: rate) else { return }
        if let end = events[index].end, gap >= end - scheduler.now { return }
        scheduleBeforeHorizon(.attackFrame(Int32(index)), after: gap, scheduler: &scheduler)
    }

    /// One forged frame (spoofing, replay, a captured node's) or association request (DoS).
    mutating func attackFrame(_ index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch events[index].action {
        case .forgery(let device, let rate, let threat):
            let gateway = parameters[device].gateways[Swift.max(0, devices[device].serving)]
            if gateways[gateway].up {
                if threat.isMitigated(by: parameters[device].security) {
                    devices[device].outcome.forgedRejected += 1
                    detector.forged(gateway: gateway, at: now)
                } else {
                    devices[device].outcome.forgedAccepted += 1
                }
            }
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .capture(let device, let rate, _):
            // The captured node's keys sign the frame: it passes the MIC and the frame
            // counter at any level and is accepted.
            let gateway = parameters[device].gateways[Swift.max(0, devices[device].serving)]
            if gateways[gateway].up {
                devices[device].outcome.forgedAccepted += 1
                attacker.forgeWithCapturedKeys(index, security: parameters[device].security)
            }
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .flood(let gateway, let rate, let power):
            if gateways[gateway].up {
                let medium = gateways[gateway].media[MediumKind.narrowband.rawValue]
                let end = now + Self.floodFrameAirtime
                media.putOnAir(medium, sender: -1, power: power, start: now, end: end,
                               external: channel.constantPower(at: gateway), channel: media[medium].homeChannel)
                csma.channelBusy(medium, until: end, except: -1, media: &media, scheduler: &scheduler)
                gateways[gateway].busy.add(from: now, to: end)
                detector.unsolicited(gateway: gateway, at: now)
                attacker.airtime[index] += Self.floodFrameAirtime
            }
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        default:
            break
        }
    }
}
