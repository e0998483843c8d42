import Foundation
import TwinConfig
import TwinModels
import TwinUnits

/// When a device gets to transmit: the interval between its transmission
/// opportunities, the spacing of retries, and the air time of its frames.
///
/// Sources: scheduled access `P = m · nSlots · Tslot` and its guard time (Tachtatzis
/// 2010 eq. 14 with `ScheduledAccessLifetimeModel.tachtatzis2012`'s 61.6 µs + 20 ppm,
/// SIn = 8·TSF); a retry waits for the next allocation (IEEE 802.15.6 §6.2, the
/// runtime's `ScheduledAccess`). BLE: one connection event per connection interval,
/// a lost packet is resent at the next event. CSMA/CA: the backoff, a mean of four
/// contention slots of 0.36 ms (Castalia BaselineBANMac), and a retry after the
/// acknowledgement timeout. Frame air time: IEEE 802.15.6 NB (Tachtatzis eq. 7,
/// `NarrowbandTiming`), BLE LE 1M (`BLE1MPHY`), 802.15.4 O-QPSK, or bits over the bit
/// rate with a 34-octet header (wideband), each with the security level's octets.
struct AccessTiming: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case scheduled, ble, csma, wideband }

    var kind: Kind
    /// Interval between transmission opportunities (allocation interval, connection
    /// interval, mean backoff); a packet arriving at random waits U·interval, U ~ U(0, 1).
    var opportunityInterval: Time
    /// Extra delay per retry.
    var retrySpacing: Time
    var frameAirtime: Time
    var acknowledgementAirtime: Time
    var emptyPacketAirtime: Time
    var guardTime: Time
    /// Application packets per second (periodic samples and alarms).
    var packetRate: Double

    init(device: DeviceConfig) {
        let mac = device.mac
        let level = SecurityLevel(rawValue: Swift.min(Swift.max(device.securityLevel, 0), 2)) ?? .unsecured
        let payload = Int(device.traffic.payload.bytes.rounded(.up))
        let periodic = device.traffic.interval.si > 0 && payload > 0 ? 1 / device.traffic.interval.si : 0
        packetRate = periodic + Swift.max(0, device.traffic.alarmRate)
        emptyPacketAirtime = (try? BLE1MPHY.packetAirtime(payloadBytes: 0)) ?? .microseconds(80)
        guardTime = .zero
        let slot = BaselineBANMacParameters.castaliaDefault.contentionSlotLength
        switch mac.access {
        case "scheduled":
            kind = .scheduled
            let superframe = mac.slotLength * Double(Swift.max(mac.slots, 1))
            opportunityInterval = superframe * Double(Swift.max(mac.period, 1))
            retrySpacing = opportunityInterval
            let model = ScheduledAccessLifetimeModel.tachtatzis2012
            let drift = Swift.max(opportunityInterval.si, superframe.si * Double(model.resynchronisationSuperframes))
            guardTime = model.guardTimeBase + .seconds(drift * 2 * model.clockAccuracy)
        case "ble":
            kind = .ble
            opportunityInterval = mac.connectionInterval
            retrySpacing = mac.connectionInterval
        case "wideband":
            kind = .wideband
            opportunityInterval = .zero
            retrySpacing = .zero
        default:
            kind = .csma
            opportunityInterval = slot * 4
            retrySpacing = slot * 4 + NarrowbandTiming.sifs * 2
        }
        let airtime = Self.airtime(device: device, access: kind, payloadBytes: payload, level: level)
        frameAirtime = airtime.frame
        acknowledgementAirtime = airtime.acknowledgement
        if kind == .csma { retrySpacing += frameAirtime + acknowledgementAirtime }
    }

    /// Air time of a data frame and of its acknowledgement.
    private static func airtime(device: DeviceConfig, access: Kind, payloadBytes: Int,
                                level: SecurityLevel) -> (frame: Time, acknowledgement: Time) {
        let bitRate = Swift.max(device.radio.bitRate.si, 1)
        func generic(_ octets: Int) -> Time { .seconds(Double(8 * octets) / bitRate + 20e-6) }
        if access == .wideband {
            return (generic(Swift.min(payloadBytes, 1500) + 34 + (level == .unsecured ? 0 : 16)), generic(34))
        }
        switch device.radio.technology {
        case "ble":
            let body = Swift.min(payloadBytes, BLE1MPHY.maximumPayloadBytes)
            let frame = (try? BLE1MPHY.packetAirtime(payloadBytes: body, encrypted: level != .unsecured)) ?? generic(body + 10)
            return (frame, (try? BLE1MPHY.packetAirtime(payloadBytes: 0)) ?? .microseconds(80))
        case "ieee802154":
            let body = Swift.min(payloadBytes + level.overheadBytes + 11, IEEE802154OQPSK.maximumPSDUBytes)
            return ((try? IEEE802154OQPSK.frameAirtime(psduBytes: body)) ?? generic(body + 6),
                    (try? IEEE802154OQPSK.frameAirtime(psduBytes: 5)) ?? .microseconds(352))
        default:
            let body = Swift.min(payloadBytes + level.overheadBytes, NarrowbandTiming.maximumPayloadBytes)
            guard let mode = narrowbandMode(device.radio) else {
                return (generic(body + NarrowbandTiming.macHeaderBytes + NarrowbandTiming.fcsBytes + 15),
                        generic(NarrowbandTiming.macHeaderBytes + NarrowbandTiming.fcsBytes + 15))
            }
            return ((try? NarrowbandTiming.frameAirtime(payloadBytes: body, mode: mode)) ?? generic(body + 24),
                    (try? NarrowbandTiming.frameAirtime(payloadBytes: 0, mode: mode)) ?? generic(24))
        }
    }

    /// The 802.15.6 NB mode of the radio's band whose data rate is nearest its bit rate.
    private static func narrowbandMode(_ radio: RadioConfig) -> NarrowbandPHY.Mode? {
        guard let band = NarrowbandPHY.Band.containing(radio.frequency) else { return nil }
        return NarrowbandPHY.modes(band).min {
            abs($0.dataRate.si - radio.bitRate.si) < abs($1.dataRate.si - radio.bitRate.si)
        }
    }
}
