import TwinEngine
import TwinModels

/// What happens to a frame at the receiver, shared by every access method: the
/// decision (sensitivity, SINR, `(1−BER)^bits`), the counters it feeds (device RSSI
/// and transmissions, gateway receptions and collisions, the detector's delivery
/// window, an eavesdropper's log) and the bookkeeping of drops.
extension BANSimulation {
    /// Decides whether `gateway` decodes a frame of `packet` received at `level` dBm with
    /// `interference` mW, and counts it. A gateway that is down decodes nothing.
    mutating func receive(_ packet: Packet, device: Int, gateway: Int, level: Double, interference: Double,
                          at time: SimTime) -> Bool {
        devices[device].windowSent += 1
        devices[device].windowLevelSum += level
        devices[device].windowLevelCount += 1
        if packet.counted { devices[device].outcome.rssi.add(level) }
        guard gateways[gateway].up else { return false }
        let probability = successProbability(device, level: level, interference: interference,
                                             bits: parameters[device].frame.bits(payload: Int(packet.payload)))
        let decoded = devices[device].receptionStream.succeeds(probability)
        if decoded {
            gateways[gateway].outcome.framesReceived += 1
            if !captures.isEmpty { checkCounter(device, gateway: gateway, at: time) }
        } else if interference > 0 {
            gateways[gateway].outcome.collisions += 1
        }
        if level >= parameters[device].receiver.sensitivity + AttackDetector.strongSignalMargin {
            detector.strongFrames(gateway: gateway, attempted: 1, decoded: decoded ? 1 : 0, at: time)
        }
        return decoded
    }

    /// Success probability of a data frame (or of an ACK to the device) at `level` dBm
    /// with `interference` mW, from the device's cache when nothing changed.
    mutating func successProbability(_ device: Int, level: Double, interference: Double, bits: Int,
                                     acknowledgement: Bool = false) -> Double {
        let cache = acknowledgement ? devices[device].acknowledgementSuccess : devices[device].dataSuccess
        if cache.level == level && cache.interference == interference && cache.bits == bits { return cache.value }
        let value = parameters[device].receiver.successProbability(received: level, interference: interference, bits: bits)
        let fresh = SuccessCache(level: level, interference: interference, bits: bits, value: value)
        if acknowledgement { devices[device].acknowledgementSuccess = fresh } else { devices[device].dataSuccess = fresh }
        return value
    }

    /// mW of the device's received level (cached).
    mutating func receivedPower(_ device: Int, level: Double) -> Double {
        if devices[device].powerLevel != level {
            devices[device].powerLevel = level
            devices[device].powerMilliwatts = milliwatts(level)
        }
        return devices[device].powerMilliwatts
    }

    /// A frame of `packet` goes on the air.
    mutating func countTransmission(_ packet: Packet, device: Int) {
        guard packet.counted else { return }
        devices[device].outcome.transmissions += 1
        if packet.attempts > 1 { devices[device].outcome.retransmissions += 1 }
    }

    /// `packet` will never reach the edge. Packets the gateway already decoded are
    /// settled (delivered or lost on the uplink) and not counted again.
    mutating func drop(_ packet: Packet, device: Int, reason: DropReason) {
        guard packet.counted, !packet.reachedGateway else { return }
        devices[device].outcome.dropped[reason] += 1
    }

    /// Active eavesdroppers log the frame `device` is sending if it reaches them above
    /// the receiver's sensitivity; it is readable unless encrypted (security level 2) —
    /// or if the attacker holds the device's keys (node capture).
    mutating func overhear(_ device: Int, at time: SimTime) {
        guard !eavesdroppers.isEmpty else { return }
        for eavesdropper in eavesdroppers where eavesdropper.device == nil || eavesdropper.device == device {
            let level = parameters[device].transmitLevel - eavesdropper.loss
            guard level >= parameters[device].receiver.sensitivity else { continue }
            devices[device].outcome.framesOverheard += 1
            if parameters[device].security < .authenticatedEncrypted || isCaptured(device) {
                devices[device].outcome.framesExposed += 1
            }
        }
    }
}
