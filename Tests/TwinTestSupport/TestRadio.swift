import TwinConfig
import TwinEngine
import TwinUnits

/// The radios of hand-built test twins, each datasheet number written once for every test
/// target (the same values as the built-in catalogue's profiles, so a hand-built twin
/// behaves like a compiled one):
///
/// - IEEE 802.15.6 NB model radio, 3 V (Tachtatzis et al. 2010 Table III; ban-numbers.md
///   §4): TX 7.0 / 7.5 / 9.0 / 11.3 mA at −18 / −12 / −6 / 0 dBm, RX 13.1 mA, RxListen
///   13.8 mA, sleep 0.9 µA, wake-up 8.9 mA for 3.13 ms; 971.4 kbps π/4-DQPSK,
///   sensitivity −87 dBm and noise floor −104 dBm (Castalia BANRadio).
/// - Nordic nRF52840 BLE 1M, DC/DC at 3 V (product specification): TX 3.83 / 6.40 /
///   16.40 mA at −40 / 0 / +8 dBm, RX 6.26 mA, sleep 1.5 µA, ramp-up 40 µs.
/// - A Wi-Fi 6 (802.11ax) wearable radio at 3.85 V: TX 250 mA at 14 dBm, RX 150 mA.
///
/// A fixture that needs fewer TX levels than the profile lists (to keep an oracle test's
/// search space small) passes the subset it wants; the currents still come from here.
public enum TestRadio {
    /// TX current (mA) by TX power (dBm) of the NB model radio.
    public static let narrowbandTransmit: [(dBm: Double, mA: Double)] = [(-18, 7.0), (-12, 7.5), (-6, 9.0), (0, 11.3)]
    /// TX current (mA) by TX power (dBm) of the nRF52840 (DC/DC).
    public static let bleTransmit: [(dBm: Double, mA: Double)] = [(-40, 3.83), (0, 6.4), (8, 16.4)]

    /// The NB model radio at `txPower`, offering the listed TX levels (default: all).
    public static func narrowband(txPower: Double, levels: [Double]? = nil, wakeUp: Time = .milliseconds(3.13),
                                  profile: String = "ieee802156-nb",
                                  frequency: Frequency = .megahertz(2441.75)) -> RadioConfig {
        RadioConfig(
            profile: profile, technology: .banNB, modulation: "dqpsk", frequency: frequency,
            bitRate: .kilobitsPerSecond(971.4), txPower: PowerLevel(dBm: txPower),
            txLevels: transmitLevels(narrowbandTransmit, only: levels),
            rxCurrent: .milliamperes(13.1), listenCurrent: .milliamperes(13.8), sleepCurrent: .microamperes(0.9),
            wakeupCurrent: .milliamperes(8.9), wakeupTime: wakeUp, voltage: .volts(3),
            sensitivity: PowerLevel(dBm: -87), noiseFloor: PowerLevel(dBm: -104))
    }

    /// The nRF52840 BLE radio at 0 dBm, offering the listed TX levels (default: all).
    public static func ble(levels: [Double]? = nil) -> RadioConfig {
        RadioConfig(
            profile: "nrf52840-ble", technology: .ble, modulation: "gfsk", frequency: .megahertz(2441.75),
            bitRate: .kilobitsPerSecond(1000), txPower: PowerLevel(dBm: 0),
            txLevels: transmitLevels(bleTransmit, only: levels),
            rxCurrent: .milliamperes(6.26), listenCurrent: .milliamperes(6.26), sleepCurrent: .microamperes(1.5),
            wakeupCurrent: .milliamperes(6.26), wakeupTime: .microseconds(40), voltage: .volts(3),
            sensitivity: PowerLevel(dBm: -95), noiseFloor: PowerLevel(dBm: -104))
    }

    /// The wideband (WLAN) radio of AR/VR glasses, modelled at flow level.
    public static func wlan() -> RadioConfig {
        RadioConfig(
            profile: "wlan-ax", technology: .wlan, modulation: "wideband", frequency: .gigahertz(5.5),
            bitRate: .kilobitsPerSecond(100_000), txPower: PowerLevel(dBm: 14),
            txLevels: [TxLevel(level: PowerLevel(dBm: 14), current: .milliamperes(250))],
            rxCurrent: .milliamperes(150), listenCurrent: .milliamperes(150), sleepCurrent: .microamperes(50),
            wakeupCurrent: .milliamperes(150), wakeupTime: .zero, voltage: .volts(3.85),
            sensitivity: PowerLevel(dBm: -82), noiseFloor: PowerLevel(dBm: -94))
    }

    private static func transmitLevels(_ table: [(dBm: Double, mA: Double)], only: [Double]?) -> [TxLevel] {
        table.filter { only?.contains($0.dBm) ?? true }
            .map { TxLevel(level: PowerLevel(dBm: $0.dBm), current: .milliamperes($0.mA)) }
    }
}
