import Foundation
import TwinUnits

/// A WLAN (802.11) client radio's supply current in each state: transmit as a function
/// of TX output power, receive, listen (idle, awake between frames) and power-save
/// doze, plus the gap below which it cannot doze.
///
/// Why the gap matters: an 802.11 station in power save dozes only after an inactivity
/// timeout (and wakes for a beacon to learn of buffered frames), so a video stream whose
/// frames are 1.4 ms apart keeps the radio awake listening between frames at ~100 mA —
/// it does not sleep at 0.1 mA between them as the earlier placeholder profile did.
///
/// Sources (docs/sources-energy.md §WLAN):
/// - Espressif ESP32 datasheet, RF power consumption at 3.3 V ✔ (as reproduced by
///   docs.deneyapkart.org): TX 802.11b 1 Mbps at +19.5 dBm 240 mA, 802.11g 54 Mbps at
///   +16 dBm 190 mA, 802.11n MCS7 at +14 dBm 180 mA; RX 802.11b/g/n 95–100 mA;
///   light-sleep 0.8 mA. The TX points are at different rates; the PA draw dominates,
///   so they are used as one TX-current-vs-power table (◐ for that use).
/// - Google Pixel 2 (taimen) `power_profile.xml`, AOSP ✔: wifi.controller idle 1 mA,
///   rx 125 mA, tx 350 mA at 3.7 V — a phone-class 2x2 module, one TX level.
/// - The power-save inactivity timeout is 100 ms, mac80211's default
///   `dynamic_ps_timeout` ◐ (not re-read).
public struct WLANRadioProfile: Sendable, Hashable {
    public var name: String
    public var source: String
    public var supplyVoltage: Voltage
    /// (TX output level, supply current), sorted by level.
    public var transmit: [(level: PowerLevel, current: Current)]
    public var receive: Current
    public var listen: Current
    public var doze: Current
    /// A gap between frames shorter than this is spent listening, not dozing.
    public var dozeAfter: Time

    public init(name: String, source: String, supplyVoltage: Voltage, transmit: [(level: PowerLevel, current: Current)],
                receive: Current, listen: Current, doze: Current, dozeAfter: Time) {
        self.name = name
        self.source = source
        self.supplyVoltage = supplyVoltage
        self.transmit = transmit.sorted { $0.level < $1.level }
        self.receive = receive
        self.listen = listen
        self.doze = doze
        self.dozeAfter = dozeAfter
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.source == b.source && a.supplyVoltage == b.supplyVoltage
            && a.transmit.map(\.level) == b.transmit.map(\.level) && a.transmit.map(\.current) == b.transmit.map(\.current)
            && a.receive == b.receive && a.listen == b.listen && a.doze == b.doze && a.dozeAfter == b.dozeAfter
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(supplyVoltage)
    }

    /// TX current at `level`, linear in dBm between listed levels, the lowest level's
    /// current below the table; nil above the highest level.
    public func transmitCurrent(at level: PowerLevel) -> Current? {
        guard let top = transmit.last, level.dBm <= top.level.dBm + 1e-9 else { return nil }
        return .amperes(ModelMath.interpolate(transmit.map { (x: $0.level.dBm, y: $0.current.si) }, at: level.dBm))
    }

    /// Espressif ESP32 at 3.3 V ✔ (see the type comment).
    public static let esp32 = WLANRadioProfile(
        name: "esp32-wlan",
        source: "Espressif ESP32 datasheet RF power consumption at 3.3 V: TX 180/190/240 mA at +14/+16/+19.5 dBm, RX 95-100 mA, light-sleep 0.8 mA ✔; dynamic PS timeout 100 ms ◐",
        supplyVoltage: .volts(3.3),
        transmit: [(PowerLevel(dBm: 14), .milliamperes(180)), (PowerLevel(dBm: 16), .milliamperes(190)),
                   (PowerLevel(dBm: 19.5), .milliamperes(240))],
        receive: .milliamperes(100), listen: .milliamperes(95), doze: .milliamperes(0.8), dozeAfter: .milliseconds(100))

    /// Pixel 2 phone-class WLAN at 3.7 V ✔ (AOSP device/google/taimen power_profile.xml).
    public static let phoneClassPixel2 = WLANRadioProfile(
        name: "pixel2-wlan",
        source: "AOSP device/google/taimen power_profile.xml: wifi.controller idle 1 mA, rx 125 mA, tx 350 mA, 3.7 V ✔",
        supplyVoltage: .volts(3.7),
        transmit: [(PowerLevel(dBm: 20), .milliamperes(350))],
        receive: .milliamperes(125), listen: .milliamperes(125), doze: .milliamperes(1), dozeAfter: .milliseconds(100))
}

/// A WLAN link's traffic and the time shares and average current it costs.
///
/// Frames arrive evenly (a video stream): `n = rate / frame size` frames per second in
/// each direction, each costing its data airtime at the PHY rate plus a fixed per-frame
/// exchange overhead (preamble, SIFS, ACK, backoff). The rest of each inter-frame gap is
/// spent listening when it is shorter than `dozeAfter`, otherwise dozing.
public struct WLANActivity: Sendable, Hashable {
    public var uplinkRate: DataRate
    public var downlinkRate: DataRate
    public var frameSize: DataSize
    public var phyRate: DataRate
    /// Preamble + SIFS + ACK + average backoff per frame exchange (◐ 100 µs for OFDM).
    public var perFrameOverhead: Time
    public var transmitLevel: PowerLevel

    public init(uplinkRate: DataRate, downlinkRate: DataRate = .zero, frameSize: DataSize, phyRate: DataRate,
                perFrameOverhead: Time = .microseconds(100), transmitLevel: PowerLevel) {
        self.uplinkRate = uplinkRate
        self.downlinkRate = downlinkRate
        self.frameSize = frameSize
        self.phyRate = phyRate
        self.perFrameOverhead = perFrameOverhead
        self.transmitLevel = transmitLevel
    }

    /// Fractions of time transmitting, receiving, listening and dozing.
    public struct Shares: Sendable, Hashable {
        public var transmit: Double
        public var receive: Double
        public var listen: Double
        public var doze: Double
        /// Mean gap between frames (both directions together).
        public var gap: Time
    }

    public func shares(on radio: WLANRadioProfile) throws(ModelDomainError) -> Shares {
        try ModelMath.requirePositive(frameSize.si, "WLAN frame size")
        try ModelMath.requirePositive(phyRate.si, "WLAN PHY rate")
        let upFrames = uplinkRate.si / frameSize.si, downFrames = downlinkRate.si / frameSize.si
        let perFrame = frameSize / phyRate + perFrameOverhead
        let tx = upFrames * perFrame.si, rx = downFrames * perFrame.si
        guard tx + rx <= 1 else {
            throw .outOfRange(parameter: "WLAN airtime share", value: tx + rx, allowed: 0...1)
        }
        let frames = upFrames + downFrames
        let idle = 1 - tx - rx
        let gap = frames > 0 ? Time(si: idle / frames) : Time(si: .infinity)
        let listens = gap.si < radio.dozeAfter.si
        return Shares(transmit: tx, receive: rx, listen: listens ? idle : 0, doze: listens ? 0 : idle, gap: gap)
    }

    /// Average supply current; throws when the TX level exceeds the radio's table or
    /// the traffic does not fit the channel.
    public func averageCurrent(on radio: WLANRadioProfile) throws(ModelDomainError) -> Current {
        guard let tx = radio.transmitCurrent(at: transmitLevel) else {
            throw .outOfRange(parameter: "WLAN TX level (dBm)", value: transmitLevel.dBm,
                              allowed: -100...(radio.transmit.last?.level.dBm ?? -100))
        }
        let s = try shares(on: radio)
        return tx * s.transmit + radio.receive * s.receive + radio.listen * s.listen + radio.doze * s.doze
    }
}
