import TwinEngine
import TwinModels

/// IEEE 802.15.6 scheduled (m-periodic) access: one event per allocation.
///
/// Source: Tachtatzis et al. 2012 (ADHOCNETS 2011, LNICST 89) and 2010 (GLOBECOM WS),
/// ban-numbers.md §8★A, through `ScheduledAccessLifetimeModel.tachtatzis2012`. The
/// hub's superframe of `slots` slots of `slotLength` starts with the beacon; the
/// device's allocation is its own slot after the beacon slot, every `period`
/// superframes (interval P = m·TSF). At an allocation with data the device:
/// - wakes up twice (for the beacon and for its slot: `wakeUpsPerInterval` × the
///   radio's wake-up time),
/// - receives the beacon and the B-Ack (`receiveTimePerInterval`, 2.3163 ms fitted),
/// - listens for the guard time `GT = 61.6 µs + 2·max(P, 8·TSF)·20 ppm`, pMIFS between
///   frames and pSIFS before the B-Ack,
/// - sends the queued frames back to back while they fit before the superframe ends.
/// Frames the B-Ack does not confirm are retried at the next allocation, up to
/// `maxRetries`. An allocation without data costs nothing (the device sleeps through
/// it) and is not even an event: the next allocation simulated is the first one after
/// the next arrival (arrivals are generated when the allocation looks at the queue,
/// `catchUpTraffic`). Over a run the
/// average current is that of the analytic model, which the validation tests check
/// against Tachtatzis et al.'s Table 3.
extension BANSimulation {
    /// Schedules the device's first allocation at or after `time` at its serving
    /// gateway that will have data: with an empty queue, the first one at or after the
    /// next arrival (none when no arrival is left).
    mutating func armAllocation(_ device: Int, after time: SimTime, scheduler: inout Scheduler<Event>) {
        guard let schedule = parameters[device].schedule else { return }
        devices[device].scheduleEpoch &+= 1
        let target = devices[device].queue.isEmpty ? Swift.max(time, nextArrival(device)) : time
        guard target < .max - schedule.interval else { return }
        let offset = schedule.offsets[Swift.max(0, devices[device].serving)]
        let elapsed = target - offset
        var index = elapsed.nanoseconds <= 0 ? 0 : elapsed / schedule.interval
        if offset + schedule.interval * index < target { index += 1 }
        scheduler.schedule(.allocation(device: Int32(device), epoch: devices[device].scheduleEpoch),
                           at: offset + schedule.interval * index)
    }

    mutating func allocation(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard epoch == devices[device].scheduleEpoch, !devices[device].dead, parameters[device].schedule != nil else {
            return
        }
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        if devices[device].isRunning, devices[device].serving >= 0, !devices[device].queue.isEmpty,
           !checkBattery(device, at: now, scheduler: &scheduler) {
            transmitAllocation(device, at: now, scheduler: &scheduler)
        }
        if !devices[device].dead { armAllocation(device, after: now + SimTime(nanoseconds: 1), scheduler: &scheduler) }
    }

    /// The device's frames in this allocation, its energy, and the B-Ack.
    private mutating func transmitAllocation(_ device: Int, at now: SimTime, scheduler: inout Scheduler<Event>) {
        guard let schedule = parameters[device].schedule else { return }
        let slot = devices[device].serving
        let gateway = parameters[device].gateways[slot]
        let medium = gateways[gateway].media[parameters[device].medium.rawValue]
        let frame = parameters[device].frame
        let mifs = MACTiming.mifs, sifs = MACTiming.sifs
        let capacity = schedule.superframe - schedule.offsets[slot]

        // The frames that fit in the allocation, in queue order.
        var packets: [Packet] = []
        swap(&packets, &scratchPackets)
        packets.removeAll(keepingCapacity: true)
        defer { scratchPackets = packets }
        var used = schedule.guardTime + sifs + frame.acknowledgementAirtime
        while let next = devices[device].queue.first {
            let need = frame.airtime(payload: Int(next.payload)) + (packets.isEmpty ? .zero : mifs)
            if !packets.isEmpty && used + need > capacity { break }
            guard let packet = devices[device].queue.popFirst() else { break }
            packets.append(packet)
            used += need
        }

        // Energy: the Tachtatzis per-interval budget.
        devices[device].energy.wakeUp(parameters[device].wakeUpTime * MACTiming.wakeUpsPerAllocation)
        devices[device].energy.receive(MACTiming.beaconAndBlockAck)
        devices[device].energy.listen(schedule.guardTime + mifs * Int64(packets.count - 1) + sifs)

        // The burst: frames decided now against what is on the air.
        devices[device].fading.refresh(posture: channel.posture, at: now)
        let level = devices[device].fading.received(transmit: parameters[device].transmitLevel,
                                                    link: parameters[device].links[slot], slot: slot)
        let power = receivedPower(device, level: level)
        let external = channel.constantPower(at: gateway)
        var start = now + schedule.guardTime
        var decoded: [Bool] = []
        swap(&decoded, &scratchDecoded)
        decoded.removeAll(keepingCapacity: true)
        decoded.append(contentsOf: repeatElement(false, count: packets.count))
        defer { scratchDecoded = decoded }
        for index in packets.indices {
            packets[index].attempts += 1
            countTransmission(packets[index], device: device)
            let airtime = frame.airtime(payload: Int(packets[index].payload))
            devices[device].energy.transmit(airtime)
            let end = start + airtime
            let interference = media[medium].add(sender: -1, power: power, start: start, end: end, external: external)
                + perFrameInterference(device, gateway: gateway, levelDBm: level, airtime: airtime)
            overhear(device, at: start)
            decoded[index] = receive(packets[index], device: device, gateway: gateway, level: level,
                                     interference: interference, at: end)
            packets[index].lastAttemptGatewayDown = !gateways[gateway].up
            if decoded[index], !packets[index].reachedGateway {
                packets[index].reachedGateway = true
                if packets[index].counted { devices[device].outcome.accessDelay.record(end - packets[index].headOfQueue) }
                forward(packets[index], device: device, gateway: gateway, at: end)
            }
            start = end + mifs
        }
        let burstEnd = start - mifs
        let blockAckEnd = burstEnd + sifs + frame.acknowledgementAirtime
        channelBusy(medium, until: blockAckEnd, except: device, scheduler: &scheduler)
        gateways[gateway].busy.add(from: now + schedule.guardTime, to: blockAckEnd)

        // The B-Ack confirms what the hub decoded; the rest waits for the next allocation.
        let blockAck = decoded.contains(true) && devices[device].receptionStream.succeeds(
            successProbability(device, level: level, interference: external, bits: frame.acknowledgementBits,
                               acknowledgement: true))
        for index in packets.indices.reversed() {
            if blockAck && decoded[index] {
                devices[device].windowAcknowledged += 1
                continue
            }
            let packet = packets[index]
            if Int(packet.attempts) > parameters[device].maxRetries {
                drop(packet, device: device, reason: packet.lastAttemptGatewayDown ? .noGatewayReachable : .retriesExhausted)
            } else if !devices[device].queue.prepend(packet) {
                drop(packet, device: device, reason: .queueOverflow)
            }
        }
    }
}
