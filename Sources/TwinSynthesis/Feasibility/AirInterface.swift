import TwinModels
import TwinSpec
import TwinUnits
import TwinVocabulary

/// How one device's frames go on the air, for the compile-time bounds: the frame
/// airtime at the fastest mode its technology offers, the full exchange a frame costs
/// (data, inter-frame space, acknowledgement), the largest payload per frame, and the
/// shortest wait the MAC imposes before sending.
///
/// Sources: IEEE 802.15.6 NB airtime and timing (Tachtatzis 2010 eqs. 1–7, Table II;
/// ban-numbers.md §2) via `NarrowbandTiming`; BLE LE 1M packets and T_IFS (Bluetooth
/// Core v5.x Vol 6 Part B §2.1, §4.1) via `BLE1MPHY`; IEEE 802.15.4 O-QPSK frames
/// (802.15.4-2006 §6.3, §6.5) via `IEEE802154OQPSK`; wideband links (WLAN, mmWave) as
/// the payload at the radio's PHY rate, with no MAC overhead (an optimistic bound).
enum AirInterface: Sendable, Hashable {
    case narrowband(NarrowbandPHY.Mode)
    case ble
    case ieee802154
    case wideband(DataRate)

    /// 802.15.4 MAC header (9 octets with short addresses) and FCS (2) around the
    /// payload; the acknowledgement frame is 5 octets (802.15.4-2006 §7.2.2).
    static let ieee802154Overhead = 11
    static let ieee802154AckBytes = 5

    /// The interface of a device's technology and band (nil for technologies without a
    /// rate, such as a UWB or HBC radio without a data rate in its catalogue entry).
    init?(_ device: ResolvedDevice) {
        switch device.technology {
        case .banNB:
            let band = Self.narrowbandBand(device.band) ?? .ism2400
            guard let fastest = NarrowbandPHY.modes(band).max(by: { $0.dataRate < $1.dataRate }) else { return nil }
            self = .narrowband(fastest)
        case .ble:
            self = .ble
        case .ieee802154:
            self = .ieee802154
        default:
            guard let rate = device.radio?.dataRate?.value, rate.si > 0 else { return nil }
            self = .wideband(rate)
        }
    }

    static func narrowbandBand(_ band: Band?) -> NarrowbandPHY.Band? {
        switch band {
        case .mics402: .mics402
        case .nb420: .band420
        case .nb868: .band863
        case .nb915: .band902
        case .nb950: .band950
        case .nb2360: .band2360
        case .ism2400: .ism2400
        default: nil
        }
    }

    var name: String {
        switch self {
        case .narrowband(let mode): "IEEE 802.15.6 NB \(mode.modulation.rawValue) at \(mode.dataRate.quantity.formatted)"
        case .ble: "BLE LE 1M"
        case .ieee802154: "IEEE 802.15.4 O-QPSK at 250 kbps"
        case .wideband(let rate): "wideband link at \(rate.quantity.formatted)"
        }
    }

    /// Largest payload one frame carries.
    var maximumPayloadBytes: Int {
        switch self {
        case .narrowband: NarrowbandTiming.maximumPayloadBytes
        case .ble: BLE1MPHY.maximumPayloadBytes
        case .ieee802154: IEEE802154OQPSK.maximumPSDUBytes - Self.ieee802154Overhead
        case .wideband: 1500
        }
    }

    /// Airtime of one frame carrying `payloadBytes` (at most `maximumPayloadBytes`).
    func frameAirtime(payloadBytes: Int) -> Time {
        let bytes = min(max(payloadBytes, 0), maximumPayloadBytes)
        switch self {
        case .narrowband(let mode):
            return (try? NarrowbandTiming.frameAirtime(payloadBytes: bytes, mode: mode)) ?? .zero
        case .ble:
            return (try? BLE1MPHY.packetAirtime(payloadBytes: bytes)) ?? .zero
        case .ieee802154:
            return (try? IEEE802154OQPSK.frameAirtime(psduBytes: bytes + Self.ieee802154Overhead)) ?? .zero
        case .wideband(let rate):
            return DataSize.bytes(Double(bytes)) / rate
        }
    }

    /// One acknowledged frame exchange: data, inter-frame space, acknowledgement (and
    /// for BLE the space before the next exchange of the event).
    func exchange(payloadBytes: Int) -> Time {
        let data = frameAirtime(payloadBytes: payloadBytes)
        switch self {
        case .narrowband(let mode):
            let ack = (try? NarrowbandTiming.frameAirtime(payloadBytes: 0, mode: mode)) ?? .zero
            return data + NarrowbandTiming.sifs + ack
        case .ble:
            return data + BLE1MPHY.interFrameSpace * 2 + ((try? BLE1MPHY.packetAirtime(payloadBytes: 0)) ?? .zero)
        case .ieee802154:
            let ack = (try? IEEE802154OQPSK.frameAirtime(psduBytes: Self.ieee802154AckBytes)) ?? .zero
            return data + IEEE802154OQPSK.turnaround + ack
        case .wideband:
            return data
        }
    }

    /// The share of the air time `traffic` needs: every packet split into frames of at
    /// most `maximumPayloadBytes`, each one exchange.
    func airtimeShare(_ traffic: ResolvedTraffic) -> Ratio {
        let periodic = traffic.rate.si > 0 ? traffic.rate.si / traffic.payload.si : 0
        return Ratio(si: periodic * exchanges(payloadBytes: Int(traffic.payload.bytes.rounded())).si
            + traffic.alarmRate * exchanges(payloadBytes: Int(traffic.alarmPayload.bytes.rounded())).si)
    }

    /// The exchanges one packet of `payloadBytes` needs, back to back.
    func exchanges(payloadBytes: Int) -> Time {
        let full = payloadBytes / maximumPayloadBytes
        let rest = payloadBytes % maximumPayloadBytes
        return exchange(payloadBytes: maximumPayloadBytes) * Double(full) + (rest > 0 ? exchange(payloadBytes: rest) : .zero)
    }

    /// From the first bit of a packet to its last on the air: the exchanges of all but
    /// its last frame, then the last frame (its acknowledgement is not waited for).
    func deliveryTime(payloadBytes: Int) -> Time {
        let frames = max(1, (payloadBytes + maximumPayloadBytes - 1) / maximumPayloadBytes)
        let last = payloadBytes - (frames - 1) * maximumPayloadBytes
        return exchange(payloadBytes: maximumPayloadBytes) * Double(frames - 1) + frameAirtime(payloadBytes: last)
    }

    /// The most application data the link can carry: full frames back to back, each one
    /// exchange (payload bits over exchange time).
    var capacity: DataRate {
        DataRate(si: Double(8 * maximumPayloadBytes) / exchange(payloadBytes: maximumPayloadBytes).si)
    }

    /// The shortest channel access before a frame under CSMA/CA: one clear channel
    /// assessment (63 symbols on the NB PHY, 8 on 802.15.4); none on the others here
    /// (BLE waits for its connection event, handled by `ConnectionEventWait`).
    var minimumChannelAccess: Time {
        switch self {
        case .narrowband(let mode): NarrowbandTiming.ccaTime(mode.band)
        case .ieee802154: .microseconds(128)
        case .ble, .wideband: .zero
        }
    }
}
