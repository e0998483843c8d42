import TwinEngine
import TwinModels

/// IEEE 802.15.6 CSMA/CA with user priorities, immediate acknowledgements and retries.
///
/// Source: IEEE Std 802.15.6-2012 §6.2.2.1 as implemented by Castalia BaselineBANMac
/// (ban-numbers.md §2 "Contention", §5): the backoff counter is drawn uniformly in
/// 1…CW and counts down one contention slot (0.36 ms) at a time while the channel is
/// idle, frozen while it is busy (partial slots are lost); CW starts at CWmin of the
/// user priority, is reset to CWmin on success and doubled (up to CWmax) after every
/// *second* consecutive failure (`UserPriority.nextContentionWindow`). A frame is
/// followed by pSIFS and an I-Ack; without the ACK the device retries up to
/// `maxRetries` times, then drops the packet. The second and later frames of a split
/// sample follow the ACK after pMIFS without a new backoff (burst). Two devices whose
/// counters end in the same slot collide.
///
/// Events per frame: the backoff expiry and the end of the exchange; freezing and
/// resuming other devices' counters re-arms their timers without extra events.
extension BANSimulation {
    /// Takes the next packet into service and starts its backoff (waking the radio first).
    mutating func startService(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning, devices[device].serving >= 0, devices[device].current == nil,
              !devices[device].inExchange, var packet = devices[device].queue.popFirst() else {
            if devices[device].current == nil, !devices[device].inExchange { sleepRadio(device, at: scheduler.now) }
            return
        }
        let now = scheduler.now
        packet.headOfQueue = now
        devices[device].current = packet
        var start = now
        if devices[device].listeningSince == nil {
            let wake = parameters[device].wakeUpTime
            devices[device].energy.wakeUp(wake)
            start = now + wake
            devices[device].listeningSince = start
        }
        beginBackoff(device, from: start, scheduler: &scheduler)
    }

    /// Draws a backoff counter in 1…CW and starts counting once the channel is idle.
    mutating func beginBackoff(_ device: Int, from start: SimTime, scheduler: inout Scheduler<Event>) {
        guard devices[device].serving >= 0 else { return }
        let window = devices[device].contentionWindow
        devices[device].backoffRemaining = parameters[device].priority
            .backoffSlots(window: window, uniform: devices[device].accessStream.uniform())
        let medium = mediumIndex(device)
        media[medium].contenders.append(Int32(device))
        devices[device].backoffMedium = medium
        armBackoff(device, resumeAt: Swift.max(start, media[medium].busyUntil), scheduler: &scheduler)
    }

    /// Schedules the backoff expiry for a counter resuming at `resumeAt` (never when the
    /// channel is blocked for good).
    mutating func armBackoff(_ device: Int, resumeAt: SimTime, scheduler: inout Scheduler<Event>) {
        devices[device].backoffResume = resumeAt
        guard resumeAt < .max else {
            devices[device].backoffHandle = nil
            return
        }
        let fire = resumeAt + parameters[device].backoffSlot * Int64(devices[device].backoffRemaining)
        devices[device].backoffHandle = scheduler.scheduleCancellable(
            .backoffDone(device: Int32(device), epoch: devices[device].accessEpoch), at: fire)
    }

    /// Stops a running or frozen backoff (device stops, changes gateway).
    mutating func abandonBackoff(_ device: Int, scheduler: inout Scheduler<Event>) {
        if let handle = devices[device].backoffHandle { _ = scheduler.cancel(handle) }
        devices[device].backoffHandle = nil
        if devices[device].backoffMedium >= 0 {
            media[devices[device].backoffMedium].removeContender(Int32(device))
            devices[device].backoffMedium = -1
        }
    }

    /// The channel is busy from now until `until`: every other contender freezes its
    /// counter and resumes when it is idle again. A counter that ends right now cannot
    /// sense the new frame and transmits too (a collision).
    mutating func channelBusy(_ medium: Int, until: SimTime, except sender: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let previous = media[medium].busyUntil
        guard until > previous else { return }
        media[medium].busyUntil = until
        for contender in media[medium].contenders where Int(contender) != sender {
            let device = Int(contender)
            guard let handle = devices[device].backoffHandle else { continue }
            var remaining = devices[device].backoffRemaining
            let resume = devices[device].backoffResume
            if now > resume {
                remaining -= Int((now - resume) / parameters[device].backoffSlot)
                if remaining <= 0 { continue }
            }
            _ = scheduler.cancel(handle)
            devices[device].backoffRemaining = remaining
            armBackoff(device, resumeAt: until, scheduler: &scheduler)
        }
    }

    /// The backoff counter reached zero: transmit.
    mutating func backoffDone(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard epoch == devices[device].accessEpoch, devices[device].isRunning,
              devices[device].current != nil, devices[device].serving >= 0 else { return }
        devices[device].backoffHandle = nil
        if devices[device].backoffMedium >= 0 {
            media[devices[device].backoffMedium].removeContender(Int32(device))
            devices[device].backoffMedium = -1
        }
        let now = scheduler.now
        if checkBattery(device, at: now, scheduler: &scheduler) { return }
        guard var packet = devices[device].current else { return }
        packet.attempts += 1
        let slot = devices[device].serving
        let gateway = parameters[device].gateways[slot]
        let medium = gateways[gateway].media[parameters[device].medium.rawValue]
        if let since = devices[device].listeningSince { devices[device].energy.listen(now - since) }
        devices[device].listeningSince = nil
        let airtime = parameters[device].frame.airtime(payload: Int(packet.payload))
        devices[device].energy.transmit(airtime)
        countTransmission(packet, device: device)
        devices[device].fading.refresh(posture: channel.posture, at: now)
        let level = devices[device].fading.received(transmit: parameters[device].transmitLevel,
                                                    link: parameters[device].links[slot], slot: slot)
        let dataEnd = now + airtime
        let exchangeEnd = dataEnd + MACTiming.sifs + parameters[device].frame.acknowledgementAirtime
        let power = receivedPower(device, level: level)
        media[medium].add(sender: Int32(device), power: power, start: now, end: dataEnd,
                          external: channel.constantPower(at: gateway))
        channelBusy(medium, until: exchangeEnd, except: device, scheduler: &scheduler)
        gateways[gateway].busy.add(from: now, to: exchangeEnd)
        overhear(device, at: now)
        devices[device].current = packet
        devices[device].inExchange = true
        devices[device].exchangeSlot = slot
        devices[device].exchangeLevel = level
        devices[device].exchangeDataEnd = dataEnd
        scheduler.schedule(.exchangeEnd(device: Int32(device), epoch: devices[device].accessEpoch), at: exchangeEnd)
    }

    /// The frame, pSIFS and the ACK slot are over: decide the frame and the ACK, then
    /// move on (next packet, retry, or drop).
    mutating func exchangeEnd(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard epoch == devices[device].accessEpoch, devices[device].inExchange, var packet = devices[device].current else {
            return
        }
        let now = scheduler.now
        devices[device].inExchange = false
        let slot = devices[device].exchangeSlot
        let gateway = parameters[device].gateways[slot]
        let medium = gateways[gateway].media[parameters[device].medium.rawValue]
        let level = devices[device].exchangeLevel
        let interference = media[medium].take(sender: Int32(device)) + perFrameInterference(
            device, gateway: gateway, levelDBm: level, airtime: parameters[device].frame.airtime(payload: Int(packet.payload)))
        let received = receive(packet, device: device, gateway: gateway, level: level, interference: interference,
                               at: devices[device].exchangeDataEnd)
        packet.lastAttemptGatewayDown = !gateways[gateway].up
        if received, !packet.reachedGateway {
            packet.reachedGateway = true
            if packet.counted { devices[device].outcome.accessDelay.record(devices[device].exchangeDataEnd - packet.headOfQueue) }
            forward(packet, device: device, gateway: gateway, at: devices[device].exchangeDataEnd)
        }
        let acknowledged = received && devices[device].receptionStream.succeeds(
            successProbability(device, level: level, interference: channel.constantPower(at: gateway),
                               bits: parameters[device].frame.acknowledgementBits, acknowledgement: true))
        let ackTime = parameters[device].frame.acknowledgementAirtime
        devices[device].energy.listen(MACTiming.sifs)
        if acknowledged { devices[device].energy.receive(ackTime) } else { devices[device].energy.listen(ackTime) }
        devices[device].listeningSince = now
        if acknowledged {
            devices[device].windowAcknowledged += 1
            devices[device].contentionWindow = parameters[device].priority.contentionWindowMinimum
            devices[device].consecutiveFailures = 0
            devices[device].current = nil
            continueAfterSuccess(device, scheduler: &scheduler)
            return
        }
        devices[device].consecutiveFailures += 1
        let failures = devices[device].consecutiveFailures
        devices[device].contentionWindow = parameters[device].priority.nextContentionWindow(
            current: devices[device].contentionWindow, consecutiveFailures: failures)
        if Int(packet.attempts) > parameters[device].maxRetries || devices[device].serving < 0 {
            drop(packet, device: device,
                 reason: packet.lastAttemptGatewayDown || devices[device].serving < 0 ? .noGatewayReachable : .retriesExhausted)
            devices[device].current = nil
            devices[device].contentionWindow = parameters[device].priority.contentionWindowMinimum
            devices[device].consecutiveFailures = 0
            startService(device, scheduler: &scheduler)
            return
        }
        devices[device].current = packet
        beginBackoff(device, from: now, scheduler: &scheduler)
    }

    /// After an acknowledged frame: the rest of a burst follows after pMIFS; otherwise
    /// the next packet contends, or the radio sleeps.
    private mutating func continueAfterSuccess(_ device: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if devices[device].serving >= 0, let next = devices[device].queue.first, next.continuesBurst,
           var packet = devices[device].queue.popFirst() {
            packet.headOfQueue = now
            devices[device].current = packet
            devices[device].backoffRemaining = 0
            devices[device].backoffResume = now + MACTiming.mifs
            devices[device].backoffHandle = scheduler.scheduleCancellable(
                .backoffDone(device: Int32(device), epoch: devices[device].accessEpoch),
                at: now + MACTiming.mifs)
            return
        }
        startService(device, scheduler: &scheduler)
    }

    /// The medium index of the device's serving gateway.
    func mediumIndex(_ device: Int) -> Int {
        let gateway = parameters[device].gateways[Swift.max(0, devices[device].serving)]
        return gateways[gateway].media[parameters[device].medium.rawValue]
    }

    /// The radio goes to sleep (accounting the listening time since it last woke).
    mutating func sleepRadio(_ device: Int, at time: SimTime) {
        if let since = devices[device].listeningSince, time > since { devices[device].energy.listen(time - since) }
        devices[device].listeningSince = nil
    }
}
