import TwinEngine
import TwinModels

/// Routing of the MAC events to the access components (`CSMAAccess`,
/// `ScheduledAccess`, `BLEAccess`, `WidebandFlow`), with the device's parts and the
/// medium, and of their frames to the frame path (`BANSimulation+Frames`).
///
/// Every activity of a device starts with a battery check (`checkBattery`): a device
/// whose battery ran out since the last check stops at the interpolated death time
/// instead of transmitting.
extension BANSimulation {
    // MARK: CSMA/CA

    /// Takes the device's next packet into service (or lets its radio sleep).
    mutating func startService(_ device: Int, scheduler: inout Scheduler<Event>) {
        csma.startService(device, node: &devices[device], media: &media, scheduler: &scheduler)
    }

    /// The backoff counter reached zero: transmit.
    mutating func backoffDone(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        let live = epoch == devices[device].life.accessEpoch && devices[device].isRunning && devices[device].serving >= 0
        guard csma.backoffExpires(device, live: live, media: &media) else { return }
        let now = scheduler.now
        if checkBattery(device, at: now) { return }
        let slot = devices[device].serving
        let gateway = parameters[device].gateways[slot]
        let level = receivedLevel(device, slot: slot, at: now)
        let sent = csma.transmit(device, level: level, channel: spectra[device].channel(event: 0), node: &devices[device],
                                 external: channel.constantPower(at: gateway), busy: &gateways[gateway].busy,
                                 media: &media, scheduler: &scheduler)
        if sent { overhear(device, at: now) }
    }

    /// The frame, pSIFS and the ACK slot are over: the gateway decides the frame (with
    /// what overlapped it), the device the ACK; then the MAC moves on.
    mutating func exchangeEnd(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard var exchange = csma.endExchange(device, live: epoch == devices[device].life.accessEpoch) else { return }
        let gateway = parameters[device].gateways[exchange.slot]
        let airtime = parameters[device].frame.airtime(payload: Int(exchange.packet.payload))
        let interference = media[parameters[device].media[exchange.slot]].take(sender: Int32(device))
            + perFrameInterference(device, gateway: gateway, levelDBm: exchange.level, airtime: airtime)
            + wlanInterference(device, gateway: gateway, airChannel: spectra[device].channel(event: 0), airtime: airtime)
        let received = frameArrives(&exchange.packet, device: device, slot: exchange.slot, level: exchange.level,
                                    interference: interference, at: exchange.dataEnd)
        let acknowledged = received && acknowledgementArrives(device, level: exchange.level, gateway: gateway)
        csma.concludeExchange(device, packet: exchange.packet, acknowledged: acknowledged, node: &devices[device],
                              media: &media, scheduler: &scheduler)
    }

    // MARK: Scheduled access

    /// Starts the device's allocation chain anew from `time` (see `ScheduledAccess.arm`).
    mutating func armAllocation(_ device: Int, after time: SimTime, scheduler: inout Scheduler<Event>) {
        scheduled.arm(device, after: time, status: devices[device].status, scheduler: &scheduler)
    }

    mutating func allocation(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard scheduled.isCurrent(device, epoch: epoch), !devices[device].life.dead,
              parameters[device].schedule != nil else { return }
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        if devices[device].isRunning, devices[device].serving >= 0, !devices[device].queue.isEmpty,
           !checkBattery(device, at: now) {
            sendAllocation(device, at: now, scheduler: &scheduler)
        }
        if !devices[device].life.dead { armAllocation(device, after: now + SimTime(nanoseconds: 1), scheduler: &scheduler) }
    }

    /// The device's burst in this allocation, each frame decided against what is on the
    /// air as it goes, then the B-Ack.
    private mutating func sendAllocation(_ device: Int, at now: SimTime, scheduler: inout Scheduler<Event>) {
        // The schedule and the frame format are read in place (`parameters` is a `let`):
        // a local copy held across the burst cost a retain, a release and an outlined
        // copy each per allocation.
        guard let firstFrame = scheduled.schedules[device]?.firstFrame(allocationAt: now) else { return }
        let slot = devices[device].serving
        let gateway = parameters[device].gateways[slot]
        var burst = scheduled.takeBurst(device, from: &devices[device].queue, slot: slot,
                                        frame: parameters[device].frame)
        scheduled.schedules[device]?.chargeAllocation(frames: burst.count, wakeUp: parameters[device].wakeUpTime,
                                                      energy: &devices[device].energy)
        let level = receivedLevel(device, slot: slot, at: now)
        let power = devices[device].caches.receivedPower(level: level)
        let external = channel.constantPower(at: gateway)
        var decoded = scheduled.decodedFlags(count: burst.count)
        var start = firstFrame
        let airChannel = spectra[device].channel(event: 0)
        for index in burst.indices {
            let airtime = parameters[device].frame.airtime(payload: Int(burst[index].payload))
            decoded[index] = sendDecidedFrame(&burst[index], device: device, slot: slot, level: level, power: power,
                                              external: external, start: start, airtime: airtime,
                                              airChannel: airChannel)
            start = ScheduleParameters.nextFrame(after: start, airtime: airtime)
        }
        let blockAckEnd = ScheduleParameters.blockAckEnd(nextStart: start, frame: parameters[device].frame)
        csma.channelBusy(parameters[device].media[slot], until: blockAckEnd, except: device, media: &media,
                         scheduler: &scheduler)
        gateways[gateway].busy.add(from: firstFrame, to: blockAckEnd)
        let blockAck = decoded.contains(true) && acknowledgementArrives(device, level: level, gateway: gateway)
        scheduled.settle(burst, decoded: decoded, blockAck: blockAck, maxRetries: parameters[device].maxRetries,
                         node: &devices[device])
    }

    // MARK: BLE

    mutating func connectionEvent(_ device: Int, epoch: Int32, scheduler: inout Scheduler<Event>) {
        guard ble.eventStarts(device, epoch: epoch, status: devices[device].status) else { return }
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        ble.accountIdleEvents(device, until: now, node: &devices[device])
        ble.accounted(device, until: now)
        if checkBattery(device, at: now) { return }
        exchangeConnectionEvent(device, at: now)
        ble.ensureEvent(device, status: devices[device].status, scheduler: &scheduler)
    }

    /// One connection event with data: the central's poll, then the device's packets
    /// while they fit before the next anchor, each answered by the central.
    private mutating func exchangeConnectionEvent(_ device: Int, at now: SimTime) {
        let slot = devices[device].serving
        let gateway = parameters[device].gateways[slot]
        let ifs = MACTiming.bleInterFrameSpace
        let empty = parameters[device].frame.acknowledgementAirtime
        let limit = now + parameters[device].connectionInterval - ifs
        devices[device].energy.wakeUp(parameters[device].wakeUpTime)
        // The central's poll: without it (gateway down) the peripheral listens and gives up.
        guard gateways[gateway].up else {
            devices[device].energy.listen(empty + ifs)
            return
        }
        let level = receivedLevel(device, slot: slot, at: now)
        let external = channel.constantPower(at: gateway)
        let firstPacket = now + empty + ifs
        let airChannel = spectra[device].channel(event: ble.eventCounter(device, at: now))
        var time = firstPacket
        devices[device].energy.receive(empty)
        while var packet = devices[device].queue.first {
            let airtime = parameters[device].frame.airtime(payload: Int(packet.payload))
            guard ConnectionTiming.fits(at: time, airtime: airtime, emptyPacket: empty, limit: limit,
                                        firstPacket: firstPacket) else { break }
            _ = devices[device].queue.popFirst()
            let power = devices[device].caches.receivedPower(level: level)
            let decoded = sendDecidedFrame(&packet, device: device, slot: slot, level: level, power: power,
                                           external: external, start: time, airtime: airtime, airChannel: airChannel)
            BLEAccess.chargeDataPacket(emptyPacket: empty, energy: &devices[device].energy)
            time = BLEAccess.nextPacket(after: time, airtime: airtime, emptyPacket: empty)
            BLEAccess.settle(packet, decoded: decoded, maxRetries: parameters[device].maxRetries,
                             node: &devices[device])
        }
        gateways[gateway].busy.add(from: now, to: time)
    }

    // MARK: Wideband flows

    mutating func widebandBatch(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].life.dead else { return }
        let now = scheduler.now
        processFlow(device, until: now)
        scheduler.schedule(.widebandBatch(device: Int32(device)), at: now + WidebandFlow.window)
    }

    /// Generates and serves the device's packets that arrive before `time`, then
    /// applies the batch to its gateway.
    mutating func processFlow(_ device: Int, until time: SimTime) {
        guard wideband.startBatch(device, until: time) else { return }
        let running = devices[device].isRunning
        if running, checkBattery(device, at: time) { return }
        let slot = devices[device].serving
        let gateway = running && slot >= 0 ? parameters[device].gateways[slot] : -1
        let level = gateway >= 0 ? receivedLevel(device, slot: slot, at: time) : 0
        let result = wideband.serve(device, until: time, running: running, gateway: gateway,
                                    uplink: gateway >= 0 ? gateways[gateway].uplink : nil,
                                    gatewayUp: gateway >= 0 && gateways[gateway].up, level: level,
                                    interference: gateway >= 0 ? channel.meanPower(at: gateway) : 0,
                                    node: &devices[device], recovery: &recovery)
        if !wlans.isEmpty, gateway >= 0 {
            wlanBatch(device, at: time, airtime: result.airtime, gateway: gateway, level: level)
        }
        guard result.sent > 0 else { return }
        gateways[gateway].busy.addDisjoint(result.airtime)
        gateways[gateway].outcome.framesReceived += result.decoded
        gateways[gateway].outcome.framesForwarded += result.forwarded
        // Every frame the bulk flow decoded went to the uplink once (no duplicates).
        gateways[gateway].outcome.uplinkOffered += result.decoded
        gateways[gateway].outcome.uplinkDelayTotal += SimTime(nanoseconds: result.uplinkDelayTotal)
        gateways[gateway].outcome.uplinkDelayMaximum = Swift.max(gateways[gateway].outcome.uplinkDelayMaximum,
                                                                 SimTime(nanoseconds: result.uplinkDelayMaximum))
        if result.strong {
            detector.strongFrames(gateway: gateway, attempted: result.sent, decoded: result.decoded, at: time)
        }
    }
}
