import Foundation
import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits
import TwinVocabulary

/// Air time and error-exposed bits of one device's frames, by MAC frame body length.
///
/// Sources, by technology:
/// - IEEE 802.15.6 NB: `NarrowbandTiming.frameAirtime` (Tachtatzis et al. 2010 eqs. 1–7:
///   preamble, PLCP header with BCH(31,19), PSDU with BCH(63,51), pad bits, spreading)
///   in the NB mode of the radio's band whose rate is nearest the configured bit rate;
///   the I-Ack is a frame with an empty body (MAC header + FCS). ban-numbers.md §2.
/// - BLE: `BLE1MPHY.packetAirtime` (Core Spec v5.x Vol 6 Part B §2.1); the central's
///   acknowledgement is an empty PDU.
/// - IEEE 802.15.4: `IEEE802154OQPSK.frameAirtime` with a 9-octet MAC header and 2-octet
///   FCS around the body (802.15.4-2006 §7.2.1), ACK = 5-octet PSDU.
/// - UWB, HBC and NB radios outside the NB bands: MAC header + FCS + 6 octets of PHY
///   overhead at the configured bit rate (Castalia BaselineBANMac `phyLayerOverhead`,
///   ban-numbers.md §5).
/// - Wideband (WLAN, mmWave): the 20 µs OFDM preamble and SIGNAL field (IEEE 802.11-2016
///   §17.3.2) plus a 30-octet MAC header and 4-octet FCS at the configured bit rate.
///
/// The bits a frame exposes to the channel (`(1−BER)^bits`) are its MAC frame: header,
/// body and FCS, as Castalia counts them.
struct FrameFormat: Sendable {
    /// Air time by body length, index = body octets (0...maximumBody).
    let airtimes: [SimTime]
    let maximumBody: Int
    /// Octets of each body taken by security (802.15.6 LSSN + MIC; BLE MIC is in the air time).
    let securityOverhead: Int
    let overheadBits: Int
    let acknowledgementAirtime: SimTime
    let acknowledgementBits: Int

    /// Application octets one frame carries.
    var maximumPayload: Int { Swift.max(1, maximumBody - securityOverhead) }

    func airtime(payload: Int) -> SimTime { airtimes[Swift.min(Swift.max(payload + securityOverhead, 0), maximumBody)] }
    func bits(payload: Int) -> Int { overheadBits + 8 * Swift.min(payload + securityOverhead, maximumBody) }

    /// The frame format of `device`; nil when the radio has no usable bit rate.
    static func make(device: DeviceConfig, access: AccessMode) -> FrameFormat? {
        let radio = device.radio
        let level = SecurityLevel(rawValue: device.securityLevel) ?? .unsecured
        guard radio.bitRate.si > 0, radio.bitRate.si.isFinite else { return nil }
        if access == .wideband {
            return generic(bitRate: radio.bitRate.si, maximumBody: 1500, headerOctets: 34, preamble: 20e-6,
                           securityOverhead: level == .unsecured ? 0 : 16)
        }
        switch radio.technology {
        case .ble:
            let encrypted = level != .unsecured
            var times: [SimTime] = []
            for body in 0...BLE1MPHY.maximumPayloadBytes {
                times.append(SimTime((try? BLE1MPHY.packetAirtime(payloadBytes: body, encrypted: encrypted)) ?? .zero))
            }
            let ack = SimTime((try? BLE1MPHY.packetAirtime(payloadBytes: 0)) ?? .microseconds(80))
            return FrameFormat(airtimes: times, maximumBody: BLE1MPHY.maximumPayloadBytes, securityOverhead: 0,
                               overheadBits: 80 + (encrypted ? 32 : 0), acknowledgementAirtime: ack,
                               acknowledgementBits: 80)
        case .ieee802154:
            let header = 11
            let maximum = IEEE802154OQPSK.maximumPSDUBytes - header
            var times: [SimTime] = []
            for body in 0...maximum {
                times.append(SimTime((try? IEEE802154OQPSK.frameAirtime(psduBytes: body + header)) ?? .zero))
            }
            let ack = SimTime((try? IEEE802154OQPSK.frameAirtime(psduBytes: 5)) ?? .microseconds(352))
            return FrameFormat(airtimes: times, maximumBody: maximum, securityOverhead: level.overheadBytes,
                               overheadBits: 8 * (IEEE802154OQPSK.overheadBytes + header), acknowledgementAirtime: ack,
                               acknowledgementBits: 8 * (IEEE802154OQPSK.overheadBytes + 5))
        case .banNB:
            if let mode = narrowbandMode(frequency: radio.frequency, bitRate: radio.bitRate) {
                var times: [SimTime] = []
                for body in 0...NarrowbandTiming.maximumPayloadBytes {
                    times.append(SimTime((try? NarrowbandTiming.frameAirtime(payloadBytes: body, mode: mode)) ?? .zero))
                }
                let macOverhead = NarrowbandTiming.macHeaderBytes + NarrowbandTiming.fcsBytes
                return FrameFormat(airtimes: times, maximumBody: NarrowbandTiming.maximumPayloadBytes,
                                   securityOverhead: level.overheadBytes, overheadBits: 8 * macOverhead,
                                   acknowledgementAirtime: times[0], acknowledgementBits: 8 * macOverhead)
            }
            fallthrough
        case .banUWB, .banHBC, .wlan, .mmwave, .subTHz, .cellular, .ethernet:
            return generic(bitRate: radio.bitRate.si, maximumBody: NarrowbandTiming.maximumPayloadBytes,
                           headerOctets: NarrowbandTiming.macHeaderBytes + NarrowbandTiming.fcsBytes + 6, preamble: 0,
                           securityOverhead: level.overheadBytes)
        }
    }

    private static func generic(bitRate: Double, maximumBody: Int, headerOctets: Int, preamble: Double,
                                securityOverhead: Int) -> FrameFormat {
        let times = (0...maximumBody).map { SimTime(.seconds(preamble + Double(8 * ($0 + headerOctets)) / bitRate)) }
        return FrameFormat(airtimes: times, maximumBody: maximumBody, securityOverhead: securityOverhead,
                           overheadBits: 8 * headerOctets, acknowledgementAirtime: times[0],
                           acknowledgementBits: 8 * headerOctets)
    }

    /// The NB mode of the band holding `frequency` whose PSDU rate is nearest `bitRate`.
    static func narrowbandMode(frequency: Frequency, bitRate: DataRate) -> NarrowbandPHY.Mode? {
        guard let band = NarrowbandPHY.Band.containing(frequency) else { return nil }
        return NarrowbandPHY.modes(band).min { abs($0.dataRate.si - bitRate.si) < abs($1.dataRate.si - bitRate.si) }
    }
}

/// Timing constants as simulation ticks: pSIFS, pMIFS (Tachtatzis 2010 Table II), BLE
/// T_IFS (Core Spec Vol 6 Part B §4.1), and the beacon + B-Ack reception and wake-ups per
/// scheduled allocation of `ScheduledAccessLifetimeModel.tachtatzis2012`.
///
/// Literals, not `SimTime(NarrowbandTiming.sifs)`: a `static let` computed from another
/// module's constant is a lazy global, and every read in the hot loop went through
/// `swift_once` (5.3 M calls in a 3 h run of the demo, about 1 % of its instructions).
/// `MACTimingTests` checks each literal against the cited model's value, so they cannot
/// drift apart.
enum MACTiming {
    static var sifs: SimTime { SimTime(nanoseconds: 50_000) }
    static var mifs: SimTime { SimTime(nanoseconds: 20_000) }
    static var bleInterFrameSpace: SimTime { SimTime(nanoseconds: 150_000) }
    static var beaconAndBlockAck: SimTime { SimTime(nanoseconds: 2_316_300) }
    static var wakeUpsPerAllocation: Int64 { 2 }
}
