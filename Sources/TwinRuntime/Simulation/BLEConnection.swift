import TwinEngine
import TwinModels

/// BLE connection events for BLE peripherals (smartwatch, glasses on BLE).
///
/// Source: Bluetooth Core Specification v5.x Vol 6 Part B §4.5 (connection events every
/// connInterval at the anchor point; the central transmits first, the peripheral
/// answers T_IFS = 150 µs later; packets are acknowledged by the next packet and
/// retransmitted until acknowledged) and §2.1 (LE 1M packet air time, `BLE1MPHY`).
/// Peripheral latency is 0, so the peripheral attends every event: an event without
/// data (central's empty poll, T_IFS, the peripheral's empty reply) is accounted
/// analytically in bulk, and only events carrying data are simulated (arrivals are
/// generated when the event looks at the queue, `catchUpTraffic`). A lost data
/// packet is retried in the same event, up to `maxRetries` times in all; the event
/// ends before the next anchor.
extension BANSimulation {
    /// The first anchor at or after `time`.
    func nextAnchor(_ device: Int, atOrAfter time: SimTime) -> SimTime {
        let interval = parameters[device].connectionInterval
        let phase = devices[device].connectionPhase
        guard time > phase else { return phase }
        let index = (time - phase - SimTime(nanoseconds: 1)) / interval + 1
        return phase + interval * index
    }

    /// Makes sure the first connection event with data is simulated: the next one when
    /// data is queued, else the first one after the next arrival.
    mutating func ensureConnectionEvent(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].connectionEventPending, devices[device].isRunning, devices[device].serving >= 0 else { return }
        var target = Swift.max(scheduler.now, devices[device].connectionAccountedUntil + SimTime(nanoseconds: 1))
        if devices[device].queue.isEmpty { target = Swift.max(target, nextArrival(device)) }
        guard target < .max - parameters[device].connectionInterval else { return }
        devices[device].connectionEventPending = true
        scheduler.schedule(.connectionEvent(device: Int32(device), epoch: devices[device].accessEpoch),
                           at: nextAnchor(device, atOrAfter: target))
    }

    /// Energy of the empty events the peripheral attended after the last accounted one
    /// and strictly before `time`.
    mutating func accountIdleConnectionEvents(_ device: Int, until time: SimTime) {
        guard parameters[device].access == .ble, devices[device].isRunning, devices[device].serving >= 0 else {
            devices[device].connectionAccountedUntil = Swift.max(devices[device].connectionAccountedUntil, time)
            return
        }
        let from = devices[device].connectionAccountedUntil
        guard time > from else { return }
        let first = nextAnchor(device, atOrAfter: from + SimTime(nanoseconds: 1))
        if first < time {
            let count = Int64((time - SimTime(nanoseconds: 1) - first) / parameters[device].connectionInterval) + 1
            let empty = parameters[device].frame.acknowledgementAirtime
            devices[device].energy.wakeUp(parameters[device].wakeUpTime * count)
            devices[device].energy.receive(empty * count)
            devices[device].energy.listen(MACTiming.bleInterFrameSpace * count)
            devices[device].energy.transmit(empty * count)
        }
        devices[device].connectionAccountedUntil = time - SimTime(nanoseconds: 1)
    }

    mutating func connectionEvent(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard epoch == devices[device].accessEpoch else { return }
        devices[device].connectionEventPending = false
        guard devices[device].isRunning, devices[device].serving >= 0 else { return }
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        accountIdleConnectionEvents(device, until: now)
        devices[device].connectionAccountedUntil = now
        if checkBattery(device, at: now, scheduler: &scheduler) { return }
        let slot = devices[device].serving
        let gateway = parameters[device].gateways[slot]
        let medium = gateways[gateway].media[parameters[device].medium.rawValue]
        let frame = parameters[device].frame
        let ifs = MACTiming.bleInterFrameSpace
        let empty = frame.acknowledgementAirtime
        let limit = now + parameters[device].connectionInterval - ifs
        devices[device].energy.wakeUp(parameters[device].wakeUpTime)
        // The central's poll: without it (gateway down) the peripheral listens and gives up.
        guard gateways[gateway].up else {
            devices[device].energy.listen(empty + ifs)
            ensureConnectionEvent(device, scheduler: &scheduler)
            return
        }
        devices[device].fading.refresh(posture: channel.posture, at: now)
        let level = devices[device].fading.received(transmit: parameters[device].transmitLevel,
                                                    link: parameters[device].links[slot], slot: slot)
        let external = channel.constantPower(at: gateway)
        var time = now + empty + ifs
        devices[device].energy.receive(empty)
        while var packet = devices[device].queue.first {
            let airtime = frame.airtime(payload: Int(packet.payload))
            guard time + airtime + ifs + empty <= limit || time == now + empty + ifs else { break }
            _ = devices[device].queue.popFirst()
            packet.attempts += 1
            countTransmission(packet, device: device)
            devices[device].energy.transmit(airtime)
            devices[device].energy.listen(ifs * 2)
            devices[device].energy.receive(empty)
            let end = time + airtime
            let interference = media[medium].add(sender: -1, power: receivedPower(device, level: level), start: time, end: end,
                                                 external: external)
                + perFrameInterference(device, gateway: gateway, levelDBm: level, airtime: airtime)
            overhear(device, at: time)
            let decoded = receive(packet, device: device, gateway: gateway, level: level, interference: interference, at: end)
            if decoded, !packet.reachedGateway {
                packet.reachedGateway = true
                if packet.counted { devices[device].outcome.accessDelay.record(end - packet.headOfQueue) }
                forward(packet, device: device, gateway: gateway, at: end)
            }
            time = end + ifs + empty + ifs
            if decoded {
                devices[device].windowAcknowledged += 1
            } else if Int(packet.attempts) > parameters[device].maxRetries {
                drop(packet, device: device, reason: .retriesExhausted)
            } else if !devices[device].queue.prepend(packet) {
                drop(packet, device: device, reason: .queueOverflow)
            }
        }
        gateways[gateway].busy.add(from: now, to: time)
        ensureConnectionEvent(device, scheduler: &scheduler)
    }
}
