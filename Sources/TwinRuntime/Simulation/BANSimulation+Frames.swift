import TwinEngine
import TwinModels

/// The frame path every MAC shares, once a frame leaves the device's radio: onto the
/// medium (with the jammers decided per frame), through the gateway's receiver
/// (`FrameReception`) or, when that missed it, a relay's (`RelayPath`), on to the edge
/// (`GatewayState.forward`), past the observers (eavesdroppers, the attack detector,
/// the node-capture counter check, the recovery tracker).
///
/// A frame is decided once, with the worst interference it saw: CSMA/CA frames at the
/// end of their exchange (`SharedMedium.take`), frames of a scheduled burst or a BLE
/// event as they are sent, against what is already on the air
/// (`sendDecidedFrame`). The first time the gateway decodes a packet its fate is
/// settled (delivered, lost on the uplink, or pending): a retransmission after a lost
/// ACK is a duplicate and counts for nothing more.
extension BANSimulation {
    /// The level (dBm) at which a frame `device` sends now reaches its gateway in
    /// `slot`: every access method asks here. The wearer's shared fading moves to
    /// `time` first (`ChannelState.bodyFading`), then the link's own part
    /// (`DeviceLinkFading`), so links of one body fade together (issue 11 §3).
    mutating func receivedLevel(_ device: Int, slot: Int, at time: SimTime) -> Double {
        channel.advanceFading(to: time)
        return devices[device].fading.level(slot: slot, body: channel.body)
    }

    /// One data frame of a scheduled burst or a BLE event: sent at `start` for `airtime`
    /// at `level` dBm (`power` mW) to the gateway in `slot` with `external` mW of
    /// constant jammers there, and decided at once. True when the gateway decoded it.
    mutating func sendDecidedFrame(_ packet: inout Packet, device: Int, slot: Int, level: Double, power: Double,
                                   external: Double, start: SimTime, airtime: SimTime, airChannel: AirChannel) -> Bool {
        packet.attempts += 1
        devices[device].outcome.recordTransmission(of: packet)
        devices[device].energy.transmit(airtime)
        let end = start + airtime
        let gateway = parameters[device].gateways[slot]
        let interference = media.putOnAir(parameters[device].media[slot], sender: -1, power: power, start: start,
                                          end: end, external: external, channel: airChannel)
            + perFrameInterference(device, gateway: gateway, levelDBm: level, airtime: airtime)
            + wlanInterference(device, gateway: gateway, airChannel: airChannel, airtime: airtime)
        overhear(device, at: start)
        return frameArrives(&packet, device: device, slot: slot, level: level, interference: interference, at: end)
    }

    /// The gateway in `slot` decides a frame of `packet` that ended at `end`; the first
    /// time it decodes the packet, it records the access delay and forwards it. A
    /// relayed device's relay may carry a frame the gateway missed (`relayCarries`):
    /// the gateway then has it when the relay's copy ends.
    mutating func frameArrives(_ packet: inout Packet, device: Int, slot: Int, level: Double, interference: Double,
                               at end: SimTime) -> Bool {
        let gateway = parameters[device].gateways[slot]
        let verdict = receive(packet, device: device, gateway: gateway, level: level, interference: interference,
                              at: end)
        var received = verdict?.decoded ?? false
        packet.lastAttemptGatewayDown = !gateways[gateway].up
        packet.lastAttemptCollided = verdict?.collided ?? false
        var arrival = end, viaRelay = false
        if !relays.isEmpty, verdict != nil, relays[device] != nil,
           let relayed = relayCarries(packet, device: device, slot: slot, directDecoded: received,
                                      interference: interference, at: end) {
            received = true
            arrival = relayed
            viaRelay = true
        }
        if received, !packet.reachedGateway {
            packet.reachedGateway = true
            if packet.counted {
                devices[device].outcome.accessDelay.record(arrival - packet.headOfQueue)
                if viaRelay { devices[device].outcome.relayedDeliveries += 1 }
            }
            forward(packet, device: device, gateway: gateway, at: arrival)
        }
        return received
    }

    /// The reception decision and what watches it: a decoded frame of a device whose
    /// keys the attacker used shows a reused frame counter; a strong frame teaches the
    /// detector.
    mutating func receive(_ packet: Packet, device: Int, gateway: Int, level: Double, interference: Double,
                          at time: SimTime) -> FrameReception.Verdict? {
        let bits = parameters[device].frame.bits(payload: Int(packet.payload))
        guard let verdict = FrameReception.decide(packet, bits: bits, level: level, interference: interference,
                                                  gatewayUp: gateways[gateway].up, node: &devices[device],
                                                  gateway: &gateways[gateway].outcome) else {
            return nil
        }
        if verdict.decoded, !attacker.captures.isEmpty {
            for _ in 0..<attacker.counterCollisions(device: device) { detector.counterCollision(gateway: gateway, at: time) }
        }
        if verdict.strong {
            detector.strongFrames(gateway: gateway, attempted: 1, decoded: verdict.decoded ? 1 : 0, at: time)
        }
        return verdict
    }

    /// Whether the device decodes the gateway's ACK to a frame received at `level`.
    mutating func acknowledgementArrives(_ device: Int, level: Double, gateway: Int) -> Bool {
        FrameReception.acknowledgementArrives(bits: parameters[device].frame.acknowledgementBits, level: level,
                                              interference: channel.constantPower(at: gateway), node: &devices[device])
    }

    /// The gateway decoded `packet` of `device` for the first time at `time`: forward it
    /// to the edge and settle its fate.
    mutating func forward(_ packet: Packet, device: Int, gateway: Int, at time: SimTime) {
        let delivery = gateways[gateway].forward(payload: packet.payload, decodedAt: time, horizon: horizon,
                                                 stream: &devices[device].uplinkStream)
        devices[device].record(delivery, of: packet, budget: parameters[device].latencyBudget)
        if case .delivered(let arrival) = delivery, !recovery.eventTimes.isEmpty {
            recovery.delivered(device: device, crossedAt: time, arrivedAt: arrival)
        }
    }

    /// Power (mW) of the jammers at `gateway` decided per frame (bursty, reactive) for a
    /// frame of `device` at `levelDBm` lasting `airtime`.
    mutating func perFrameInterference(_ device: Int, gateway: Int, levelDBm: Double, airtime: SimTime) -> Double {
        guard channel.hasPerFrameSources else { return 0 }
        return attacker.perFrameInterference(channel.sources[gateway], levelDBm: levelDBm, airtime: airtime,
                                             stream: &devices[device].receptionStream)
    }

    /// Active eavesdroppers log the frame `device` is sending.
    mutating func overhear(_ device: Int, at time: SimTime) {
        guard !attacker.eavesdroppers.isEmpty else { return }
        let heard = attacker.overheard(device: device, transmitLevel: parameters[device].transmitLevel,
                                       sensitivity: parameters[device].receiver.sensitivity,
                                       security: parameters[device].security)
        devices[device].outcome.framesOverheard += heard.overheard
        devices[device].outcome.framesExposed += heard.exposed
    }
}

/// The relay's part of the frame path (issue 11 §4; the model and its shortcuts are
/// `RelayPath`'s): for every frame of a relayed device the relay listens, and when the
/// gateway missed the frame and the relay decoded it, the relay sends it on.
extension BANSimulation {
    /// The relay of `device` for a frame of `packet` that ended at `end` on the way to
    /// the gateway in `slot` (`directDecoded`: whether the gateway decoded it). Returns
    /// when the gateway has the relay's copy; nil when the relay does not deliver it (it
    /// is down, did not decode the frame, its buffer is full, the gateway missed its
    /// copy too, the gateway already had the packet, or did not need the relay).
    mutating func relayCarries(_ packet: Packet, device: Int, slot: Int, directDecoded: Bool, interference: Double,
                               at end: SimTime) -> SimTime? {
        guard var path = relays[device] else { return nil }
        let relay = path.relay
        guard devices[relay].isRunning else { return nil }
        defer { relays[device] = path }
        let frame = parameters[device].frame
        let airtime = frame.airtime(payload: Int(packet.payload))
        let acknowledgement = frame.acknowledgementAirtime
        // Incremental DF: the relay listens to the frame and the gateway's ACK window.
        devices[relay].energy.receive(airtime + acknowledgement)
        guard !directDecoded, !packet.reachedGateway else { return nil }
        let bits = frame.bits(payload: Int(packet.payload))
        guard path.hears(bits: bits, interference: interference, body: channel.body),
              let sent = forwardQueues[relay].scheduleForward(frameEnd: end, airtime: airtime,
                                                              acknowledgement: acknowledgement)
        else { return nil }
        // The relay's copy: its own TX energy and the ACK it listens for.
        devices[relay].energy.transmit(airtime)
        devices[relay].energy.receive(acknowledgement)
        if packet.counted { devices[relay].outcome.framesRelayed += 1 }
        let gateway = parameters[device].gateways[slot]
        // Ahead of the allocation or exchange of the source frame, which is booked after this.
        gateways[gateway].busy.addAhead(from: sent - airtime, to: sent)
        let level = devices[relay].fading.level(slot: path.relaySlots[slot], body: channel.body)
        let probability = devices[relay].caches.successProbability(level: level, interference: interference, bits: bits)
        guard path.stream.succeeds(probability) else { return nil }
        gateways[gateway].outcome.framesReceived += 1
        return sent
    }
}
