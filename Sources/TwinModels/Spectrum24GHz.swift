import Foundation
import TwinUnits

/// One shared 2.4 GHz band: every radio channel is a centre frequency and an occupied
/// width, so 802.15.6 NB, BLE and WLAN frames can be judged against each other by how
/// much of the victim's band an interferer covers.
///
/// Channel plans (docs/sources-radio.md §4):
/// - BLE ✔: RF channel k at 2402 + 2k MHz (k = 0…39); data channels 0–10 are RF 1–11,
///   11–36 are RF 13–38; advertising 37, 38, 39 are RF 0, 12, 39 (2402, 2426, 2480 MHz)
///   (Bluetooth Core Spec v5.x Vol 6 Part B §1.4.1). Occupied width 1 MHz for LE 1M,
///   2 MHz for LE 2M ◐ (−20 dB bandwidth of the GFSK signals).
/// - WLAN ✔: channel n = 1…13 at 2407 + 5n MHz (IEEE 802.11 §17/§19 channel plan);
///   occupied 22 MHz for DSSS (802.11b) and 20 MHz for OFDM (802.11g/n) ◐ mask widths.
/// - IEEE 802.15.6 NB 2400–2483.5 MHz ◐: channel n = 0…78 at 2402 + n MHz, 1 MHz wide
///   (Std 802.15.6-2012 §9.8 channelisation, not re-read).
/// - Classic Bluetooth BR ✔: 79 channels at 2402 + k MHz, 1 MHz (802.15.2 analyses).
public struct RadioChannel: Sendable, Hashable {
    public enum Technology: String, Sendable, Hashable {
        case narrowband802_15_6 = "802.15.6-nb"
        case bluetoothLowEnergy = "ble"
        case bluetoothClassic = "bluetooth-br"
        case wlan = "wlan"
    }

    public var technology: Technology
    public var centre: Frequency
    public var width: Frequency

    public init(technology: Technology, centre: Frequency, width: Frequency) {
        self.technology = technology
        self.centre = centre
        self.width = width
    }

    public static let source =
        "Bluetooth Core v5.x Vol 6 Part B §1.4.1; IEEE 802.11 2.4 GHz channel plan; IEEE 802.15.6-2012 §9 (docs/sources-radio.md §4)"

    public var lowerEdge: Frequency { centre - width / 2 }
    public var upperEdge: Frequency { centre + width / 2 }

    /// The width both channels occupy.
    public func overlap(with other: RadioChannel) -> Frequency {
        Self.overlap(centre: centre, width: width, otherCentre: other.centre, otherWidth: other.width)
    }

    /// The width two bands (centre, occupied width) share: the one overlap rule for
    /// `RadioChannel` and for the runtime's frames on the air (`AirChannel`).
    public static func overlap(centre: Frequency, width: Frequency, otherCentre: Frequency,
                               otherWidth: Frequency) -> Frequency {
        let low = Swift.max(centre.si - width.si / 2, otherCentre.si - otherWidth.si / 2)
        let high = Swift.min(centre.si + width.si / 2, otherCentre.si + otherWidth.si / 2)
        return .hertz(Swift.max(0, high - low))
    }

    /// Share of the interferer's power that falls inside this (victim) channel. Narrow
    /// interferers (BLE, 802.15.6 NB, Bluetooth BR) are flat over their width:
    /// `overlap / interferer width`, so a BLE frame inside a WLAN channel puts all of its
    /// power there. WLAN follows its transmit spectral mask (`wlanMask`), so a 20 MHz
    /// OFDM frame puts ≈ 1/19 of its power (the mask integrates to 18.95 MHz at 0 dBr) into a 1 MHz BLE receiver it covers and
    /// ≈ −34 dB into one 13 MHz from its centre.
    public func capturedShare(of interferer: RadioChannel) -> Double {
        guard interferer.width.si > 0 else { return 0 }
        guard interferer.technology == .wlan else { return overlap(with: interferer) / interferer.width }
        let mask = interferer.width.si > 21e6 ? Self.dsssMask : Self.ofdmMask
        let step = 0.05e6
        var inside = 0.0
        var f = lowerEdge.si + step / 2
        while f < upperEdge.si {
            inside += Self.maskDensity(mask, offset: abs(f - interferer.centre.si) / 1e6) * step
            f += step
        }
        return inside / (Self.maskTotal(mask) * 1e6)
    }

    /// Transmit spectral masks (offset MHz, dBr), linear in dB between points, nothing
    /// beyond the last. OFDM ◐: IEEE 802.11-2016 §17.3.9.3 (0 dBr to ±9 MHz, −20 at ±11,
    /// −28 at ±20, −40 at ±30). DSSS ◐: §16.3.7.5 (−30 dBr from ±11 MHz, −50 from ±22).
    static let ofdmMask: [(Double, Double)] = [(0, 0), (9, 0), (11, -20), (20, -28), (30, -40)]
    static let dsssMask: [(Double, Double)] = [(0, 0), (11, 0), (11.001, -30), (22, -30), (22.001, -50), (33, -50)]

    static func maskDensity(_ mask: [(Double, Double)], offset: Double) -> Double {
        guard let last = mask.last, offset <= last.0 else { return 0 }
        for index in 1..<mask.count where offset <= mask[index].0 {
            let (x0, y0) = mask[index - 1], (x1, y1) = mask[index]
            let dB = x1 > x0 ? y0 + (offset - x0) / (x1 - x0) * (y1 - y0) : y1
            return pow(10, dB / 10)
        }
        return 0
    }

    /// ∫ mask over both sides, in "MHz at 0 dBr".
    static func maskTotal(_ mask: [(Double, Double)]) -> Double {
        let step = 0.01
        var total = 0.0, offset = step / 2
        let end = mask.last?.0 ?? 0
        while offset < end {
            total += maskDensity(mask, offset: offset) * step
            offset += step
        }
        return 2 * total
    }

    /// Share of this channel's band the interferer covers (0 = clear, 1 = fully inside).
    public func coveredShare(by interferer: RadioChannel) -> Double {
        guard width.si > 0 else { return 0 }
        return overlap(with: interferer) / width
    }

    // MARK: channel plans

    /// BLE channel by channel index (0–36 data, 37–39 advertising); nil outside 0…39.
    public static func ble(channelIndex index: Int, phy2M: Bool = false) -> RadioChannel? {
        let rf: Int
        switch index {
        case 0...10: rf = index + 1
        case 11...36: rf = index + 2
        case 37: rf = 0
        case 38: rf = 12
        case 39: rf = 39
        default: return nil
        }
        return RadioChannel(technology: .bluetoothLowEnergy, centre: .megahertz(2402 + 2 * Double(rf)),
                            width: .megahertz(phy2M ? 2 : 1))
    }

    /// WLAN channel 1…13 (DSSS 22 MHz or OFDM 20 MHz); nil outside 1…13.
    public static func wlan(channel: Int, dsss: Bool = false) -> RadioChannel? {
        guard (1...13).contains(channel) else { return nil }
        return RadioChannel(technology: .wlan, centre: .megahertz(2407 + 5 * Double(channel)),
                            width: .megahertz(dsss ? 22 : 20))
    }

    /// IEEE 802.15.6 NB channel 0…78 in 2400–2483.5 MHz; nil outside.
    public static func narrowband(channel: Int) -> RadioChannel? {
        guard (0...78).contains(channel) else { return nil }
        return RadioChannel(technology: .narrowband802_15_6, centre: .megahertz(2402 + Double(channel)), width: .megahertz(1))
    }

    /// Classic Bluetooth BR channel 0…78.
    public static func bluetoothClassic(channel: Int) -> RadioChannel? {
        guard (0...78).contains(channel) else { return nil }
        return RadioChannel(technology: .bluetoothClassic, centre: .megahertz(2402 + Double(channel)), width: .megahertz(1))
    }
}

/// How much co-channel and adjacent-channel interference a receiver tolerates: the
/// carrier-to-interference ratio it needs at each offset between the two centres.
///
/// LE 1M receiver ✔◐: Bluetooth Core Spec Vol 6 Part A §4.2 interference performance —
/// co-channel 21 dB, ±1 MHz 15 dB, ±2 MHz −17 dB, ≥ ±3 MHz −27 dB (widely reproduced,
/// not re-read here). A frame is lost when C/I falls below the requirement at its offset.
public struct InterferenceRejection: Sendable, Hashable {
    /// (offset MHz upper bound, required C/I dB), ascending offsets; beyond the last, the last.
    public var requirements: [(offset: Double, ratio: Double)]

    public init(requirements: [(offset: Double, ratio: Double)]) { self.requirements = requirements }

    public static func == (a: Self, b: Self) -> Bool {
        a.requirements.elementsEqual(b.requirements) { $0.offset == $1.offset && $0.ratio == $1.ratio }
    }
    public func hash(into hasher: inout Hasher) {
        for r in requirements { hasher.combine(r.offset); hasher.combine(r.ratio) }
    }

    public static let bleOneMegabit = InterferenceRejection(
        requirements: [(0.5, 21), (1.5, 15), (2.5, -17), (.infinity, -27)])

    /// The C/I a frame needs when the interferer's centre is `offset` away.
    public func requiredRatio(offset: Frequency) -> Decibels {
        let mhz = abs(offset.si) / 1e6
        let row = requirements.first { mhz <= $0.offset } ?? requirements.last
        return Decibels(dB: row?.ratio ?? 0)
    }
}
