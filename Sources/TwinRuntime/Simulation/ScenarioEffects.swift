import TwinEngine
import TwinModels

/// Applies scenario events at their start and undoes them at their end.
extension BANSimulation {
    /// Air time of one forged association request (a 20-octet body in the 2.4 GHz NB
    /// fastest mode, Tachtatzis 2010 eq. 7).
    static let floodFrameAirtime = SimTime(
        (try? NarrowbandTiming.frameAirtime(payloadBytes: 20, mode: NarrowbandPHY.ism2400Fastest)) ?? .microseconds(400))

    mutating func scenarioStarts(_ index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let event = events[index]
        switch event.action {
        case .gatewayFailure(let gateway):
            gatewayFails(gateway, scheduler: &scheduler)
        case .deviceFailure(let device):
            failDevice(device, permanently: event.end == nil, scheduler: &scheduler)
        case .linkDegradation(let targets, let loss):
            for device in targets { devices[device].fading.degradation += loss }
        case .posture(let posture):
            channel.forced = posture
            redrawPostures(at: now)
        case .batteryDepletion(let device, let fraction):
            devices[device].energy.deplete(toFraction: fraction, at: now)
            devices[device].lastConsumed = devices[device].energy.consumed(at: now)
            devices[device].lastCheck = now
        case .external(let targets, let power, let mode):
            for gateway in targets {
                channel.addSource(.init(event: index, milliwatts: power, mode: mode), at: gateway, time: now)
            }
            let effectEnd = Swift.min(event.end ?? .max, horizon)
            switch mode {
            case .constant:
                jammerOn(index, until: event.end ?? .max, scheduler: &scheduler)
                attackerAirtime[index] += Swift.max(.zero, effectEnd - now)
            case .bursty(let duty):
                for gateway in targets {
                    let constant = channel.constantPower(at: gateway)
                    for medium in gateways[gateway].media { media[medium].externalChanged(to: constant, at: now) }
                }
                attackerAirtime[index] += SimTime(nanoseconds: Int64(
                    (Double(Swift.max(.zero, effectEnd - now).nanoseconds) * Swift.min(duty, 1)).rounded()))
            case .random:
                randomJammerStartsJamming(index, scheduler: &scheduler)
            case .reactive:
                break
            }
        case .capture(let device, let rate, let loss):
            captures.append(Capture(event: index, device: device))
            eavesdroppers.append(Eavesdropper(event: index, loss: loss, device: device))
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .forgery(_, let rate, _), .flood(_, let rate, _):
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .eavesdropping(let loss):
            eavesdroppers.append(Eavesdropper(event: index, loss: loss))
        case .none:
            break
        }
        if let end = event.end { scheduler.schedule(.scenarioEnd(Int32(index)), at: end) }
    }

    mutating func scenarioEnds(_ index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch events[index].action {
        case .gatewayFailure(let gateway):
            gatewayRecovers(gateway, scheduler: &scheduler)
        case .deviceFailure(let device):
            recoverDevice(device, scheduler: &scheduler)
        case .linkDegradation(let targets, let loss):
            for device in targets { devices[device].fading.degradation -= loss }
        case .posture:
            channel.forced = nil
            redrawPostures(at: now)
        case .external(let targets, _, _):
            for gateway in targets { channel.removeSources(of: index, at: gateway, time: now) }
        case .eavesdropping:
            eavesdroppers.removeAll { $0.event == index }
        case .capture:
            eavesdroppers.removeAll { $0.event == index }
            captures.removeAll { $0.event == index }
        case .batteryDepletion, .forgery, .flood, .none:
            break
        }
    }

    mutating func scheduleNextAttackFrame(_ index: Int, rate: Double, scheduler: inout Scheduler<Event>) {
        guard rate > 0, rate.isFinite else { return }
        let gap = events[index].stream.exponential(mean: SimTime(.seconds(1 / rate)))
        if let end = events[index].end, gap >= end - scheduler.now { return }
        scheduleBeforeHorizon(.attackFrame(Int32(index)), after: gap, scheduler: &scheduler)
    }

    /// One forged frame (spoofing, replay) or association request (DoS).
    mutating func attackFrame(_ index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch events[index].action {
        case .forgery(let device, let rate, let threat):
            let slot = Swift.max(0, devices[device].serving)
            let gateway = parameters[device].gateways[slot]
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
            capturedDeviceForges(index, device: device, at: now)
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .flood(let gateway, let rate, let power):
            if gateways[gateway].up {
                let medium = gateways[gateway].media[MediumKind.narrowband.rawValue]
                let end = now + Self.floodFrameAirtime
                media[medium].add(sender: -1, power: power, start: now, end: end,
                                  external: channel.constantPower(at: gateway))
                channelBusy(medium, until: end, except: -1, scheduler: &scheduler)
                gateways[gateway].busy.add(from: now, to: end)
                detector.unsolicited(gateway: gateway, at: now)
                attackerAirtime[index] += Self.floodFrameAirtime
            }
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        default:
            break
        }
    }

    /// Every link draws its posture loss anew (posture changed).
    mutating func redrawPostures(at time: SimTime) {
        let posture = channel.posture
        for device in devices.indices { devices[device].fading.redraw(posture: posture, at: time) }
    }

    /// The wearer's posture chain moves on.
    mutating func postureChanges(scheduler: inout Scheduler<Event>) {
        channel.step()
        if channel.forced == nil { redrawPostures(at: scheduler.now) }
        schedulePostureChange(scheduler: &scheduler)
    }

    /// The chain's next transition, unless it falls after the horizon.
    mutating func schedulePostureChange(scheduler: inout Scheduler<Event>) {
        scheduleBeforeHorizon(.posture, after: channel.nextDwell(), scheduler: &scheduler)
    }
}

/// A passive receiver off the body (eavesdropping scenario, or the listener of a node
/// capture, which reads only the captured device).
struct Eavesdropper: Sendable {
    var event: Int
    /// Mean path loss from the body to it (dB).
    var loss: Double
    /// The only device it listens to (node capture); nil: every device.
    var device: Int?
}
