import TwinEngine
import TwinModels

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
              let sent = path.scheduleForward(frameEnd: end, airtime: airtime, acknowledgement: acknowledgement)
        else { return nil }
        // The relay's copy: its own TX energy and the ACK it listens for.
        devices[relay].energy.transmit(airtime)
        devices[relay].energy.receive(acknowledgement)
        if packet.counted { devices[relay].outcome.framesRelayed += 1 }
        let gateway = parameters[device].gateways[slot]
        gateways[gateway].busy.add(from: sent - airtime, to: sent)
        let level = devices[relay].fading.level(slot: path.relaySlots[slot], body: channel.body)
        let probability = devices[relay].caches.successProbability(level: level, interference: interference, bits: bits)
        guard path.stream.succeeds(probability) else { return nil }
        gateways[gateway].outcome.framesReceived += 1
        return sent
    }
}
