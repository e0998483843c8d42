import TwinEngine
import TwinModels

/// Routing of scenario events (`InjectedEvent`) to the components they act on, at
/// their start and, for events with a duration, their end; and the wearer's posture
/// chain (`ChannelState`), whose every change starts a new fading bout for all links.
extension BANSimulation {
    mutating func scenarioStarts(_ index: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let event = events[index]
        switch event.action {
        case .gatewayFailure(let gateway):
            gatewayFails(gateway, scheduler: &scheduler)
        case .deviceFailure(let device):
            failDevice(device, permanently: event.end == nil, scheduler: &scheduler)
        case .linkDegradation(let targets, let loss):
            for device in targets { degradeLinks(of: device, by: loss) }
        case .posture(let posture):
            channel.force(posture, at: now)
        case .batteryDepletion(let device, let fraction):
            devices[device].energy.deplete(toFraction: fraction, at: now)
            devices[device].life.checked(at: now, consumed: devices[device].energy.consumed(at: now))
        case .external(let targets, let power, let mode):
            externalSourceStarts(index, at: targets, milliwatts: power, mode: mode, scheduler: &scheduler)
        case .capture(let device, let rate, let loss):
            attacker.captures.append(AttackerActivity.Capture(event: index, device: device))
            attacker.eavesdroppers.append(Eavesdropper(event: index, loss: loss, device: device))
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .forgery(_, let rate, _), .flood(_, let rate, _):
            scheduleNextAttackFrame(index, rate: rate, scheduler: &scheduler)
        case .eavesdropping(let loss):
            attacker.eavesdroppers.append(Eavesdropper(event: index, loss: loss))
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
            for device in targets { degradeLinks(of: device, by: -loss) }
        case .posture:
            channel.force(nil, at: now)
        case .external(let targets, _, _):
            for gateway in targets { channel.removeSources(of: index, at: gateway, time: now) }
        case .eavesdropping:
            attacker.eavesdroppers.removeAll { $0.event == index }
        case .capture:
            attacker.eavesdroppers.removeAll { $0.event == index }
            attacker.captures.removeAll { $0.event == index }
        case .batteryDepletion, .forgery, .flood, .none:
            break
        }
    }

    // MARK: Posture

    /// The wearer's posture chain moves on (a new fading bout unless a scenario holds
    /// the posture).
    mutating func postureChanges(scheduler: inout Scheduler<Event>) {
        channel.step()
        if channel.forced == nil { channel.postureChanged(at: scheduler.now) }
        schedulePostureChange(scheduler: &scheduler)
    }

    /// The chain's next transition, unless it falls after the horizon.
    mutating func schedulePostureChange(scheduler: inout Scheduler<Event>) {
        scheduleBeforeHorizon(.posture, after: channel.nextDwell(), scheduler: &scheduler)
    }
}

extension BANSimulation {
    /// A `link-degradation` of `device` (`loss` dB more, or less when it ends): every
    /// link the device sends on, its gateways' and, when it is relayed, the hop to its
    /// relay (`RelayPath.hearing`) — a degraded antenna or a detuned link weakens what
    /// the relay overhears as much as what the gateway hears.
    mutating func degradeLinks(of device: Int, by loss: Double) {
        devices[device].fading.degradation += loss
        if device < relays.count { relays[device]?.hearing.degradation += loss }
    }
}
