import TwinEngine
import TwinModels

/// What happens to a data frame at the gateway's receiver, the same for every access
/// method: the decision (sensitivity, SINR, `(1−BER)^bits`) and the counters it feeds
/// (the device's window and RSSI, the gateway's receptions and collisions), and whether
/// the frame was strong enough to tell the attack detector something.
///
/// Sources: the receiver's curve is `PhyReceiver` (Castalia Radio.cc SNR2BER, the DQPSK
/// table, 802.15.4 Annex E; ban-numbers.md §5); interference is the worst total power
/// of the frames and jammers that overlapped the frame (`SharedMedium`), as Castalia's
/// radio re-evaluates a reception whenever interference changes.
///
/// - Reads: the device's receiver (its `ReceptionCache`), the frame's exposed bits,
///   whether the gateway is up.
/// - Changes: the device's window, RSSI statistics, reception cache and `reception`
///   stream (one draw per uncertain frame or ACK); the gateway's reception counters.
/// - Schedules: nothing.
/// A relay (issue 11 §4, `RelayPath`) is one more receiver on the way: the same
/// decision with the relay's receiver, after the gateway missed the frame.
enum FrameReception {
    /// What the gateway made of a frame it heard (it was up).
    struct Verdict: Sendable, Equatable {
        var decoded: Bool
        /// At least `AttackDetector.strongSignalMargin` above the sensitivity: a loss of
        /// such a frame is interference, not fading.
        var strong: Bool
        /// Lost, and the interference is why: without it the frame would more likely
        /// than not have been decoded. Since frames on neighbouring channels couple in
        /// at −48 dB (`AirChannel`), "any interference at all" would blame a fade on a
        /// far-away BLE hop; the counterfactual keeps fades and collisions apart.
        var collided: Bool
    }

    /// Decides whether the gateway decodes a frame of `packet` (`bits` bits exposed to
    /// the channel) received at `level` dBm with `interference` mW, and counts it; nil
    /// when the gateway is down (it decodes nothing, and the frame still counts as sent).
    static func decide(_ packet: Packet, bits: Int, level: Double, interference: Double, gatewayUp: Bool,
                       node: inout DeviceState, gateway: inout GatewayOutcome) -> Verdict? {
        node.window.frameSent(level: level, firstTransmission: packet.attempts <= 1)
        if packet.counted { node.outcome.rssi.add(level) }
        guard gatewayUp else { return nil }
        let probability = node.caches.successProbability(level: level, interference: interference, bits: bits)
        let decoded = node.receptionStream.succeeds(probability)
        let collided = !decoded && interference > 0
            && node.caches.receiver.successProbability(received: level, interference: 0, bits: bits) >= 0.5
        if decoded {
            gateway.framesReceived += 1
        } else if collided {
            gateway.collisions += 1
        }
        return Verdict(decoded: decoded,
                       strong: level >= node.caches.receiver.sensitivity + AttackDetector.strongSignalMargin,
                       collided: collided)
    }

    /// Whether the device decodes the gateway's acknowledgement (I-Ack or B-Ack, `bits`
    /// bits) sent back over the same link at `level` dBm with `interference` mW of
    /// jammers there.
    static func acknowledgementArrives(bits: Int, level: Double, interference: Double,
                                       node: inout DeviceState) -> Bool {
        let probability = node.caches.successProbability(level: level, interference: interference, bits: bits,
                                                         acknowledgement: true)
        return node.receptionStream.succeeds(probability)
    }
}

extension DeviceOutcome {
    /// A frame of `packet` went on the air (a retry if it had been tried before).
    mutating func recordTransmission(of packet: Packet) {
        guard packet.counted else { return }
        transmissions += 1
        if packet.attempts > 1 { retransmissions += 1 }
    }

    /// `packet` will never reach the edge. Packets the gateway already decoded are
    /// settled (delivered or lost on the uplink) and not counted again.
    mutating func recordDrop(_ packet: Packet, reason: DropReason) {
        guard packet.counted, !packet.reachedGateway else { return }
        dropped[reason] += 1
    }

    /// A new packet was generated.
    mutating func recordGenerated(_ packet: Packet) {
        guard packet.counted else { return }
        generated += 1
        if packet.isAlarm { alarmsGenerated += 1 }
    }
}
