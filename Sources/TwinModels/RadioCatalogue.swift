import Foundation
import TwinUnits

/// The built-in radio profiles (ban-numbers.md §4 "Transceiver currents" and §5).
/// Each profile's `source` string is what the catalogue shows.
public enum RadioCatalogue {
    private static func levels(_ volts: Double, _ pairs: [(dBm: Double, mA: Double)]) -> [RadioProfile.TransmitLevel] {
        pairs.map { .init(level: PowerLevel(dBm: $0.dBm), draw: Current.milliamperes($0.mA) * Voltage.volts(volts)) }
    }

    private static func levels(mW pairs: [(dBm: Double, mW: Double)]) -> [RadioProfile.TransmitLevel] {
        pairs.map { .init(level: PowerLevel(dBm: $0.dBm), draw: .milliwatts($0.mW)) }
    }

    /// The IEEE 802.15.6 NB model radio of Tachtatzis et al. (3 V): TX 11.3 / 9.0 / 7.5 /
    /// 7.0 mA at 0 / −6 / −12 / −18 dBm, RX 13.1 mA, RxListen 13.8 mA, sleep 0.9 µA,
    /// wake-up 8.9 mA for 3.13 ms (Tachtatzis 2010 Table III ✔). Its one receive mode is
    /// 971.4 kbps π/4-DQPSK; sensitivity −87 dBm and noise floor −104 dBm are borrowed
    /// from Castalia's BANRadio (same ≈1 Mbps DQPSK TG6 proposal) because Table III gives
    /// none; turnaround 50 µs is aTurnaroundTime (Table II).
    public static let ieee802156NB = RadioProfile(
        name: "ieee802156-nb",
        source: "Tachtatzis et al. 2010 Table III (ban-numbers.md §4); sensitivity from Castalia BANRadio.txt (§5)",
        supplyVoltage: .volts(3),
        transmitLevels: levels(3, [(-18, 7.0), (-12, 7.5), (-6, 9.0), (0, 11.3)]),
        receive: Current.milliamperes(13.1) * Voltage.volts(3),
        receiveListen: Current.milliamperes(13.8) * Voltage.volts(3),
        sleep: Current.microamperes(0.9) * Voltage.volts(3),
        wakeUp: Current.milliamperes(8.9) * Voltage.volts(3),
        wakeUpTime: .milliseconds(3.13),
        turnaroundTime: NarrowbandTiming.turnaround,
        receiveModes: [
            .init(name: "971k-dqpsk", dataRate: NarrowbandPHY.ism2400Fastest.dataRate,
                  errorModel: .differentialQPSK(.linear), noiseBandwidth: .hertz(1_000_000),
                  noiseFloor: PowerLevel(dBm: -104), sensitivity: PowerLevel(dBm: -87)),
        ])

    /// Castalia's CC2420 (`Simulations/Parameters/Radio/CC2420.txt` ✔): datasheet currents
    /// × 3.3 V, TX 0/−1/−3/−5/−7/−10/−15/−25 dBm → 57.42…29.04 mW, RX 62 mW (18.8 mA),
    /// sleep 1.4 mW, sleep→RX 0.194 ms at 62 mW, RX⇄TX 0.01 ms; 250 kbps PSK, noise
    /// bandwidth 194 (Castalia's ratio 194/250), noise floor −100 dBm, sensitivity −95 dBm.
    public static let cc2420 = RadioProfile(
        name: "cc2420",
        source: "Castalia Simulations/Parameters/Radio/CC2420.txt; CC2420 datasheet currents x 3.3 V (ban-numbers.md §4)",
        supplyVoltage: .volts(3.3),
        transmitLevels: levels(mW: [(-25, 29.04), (-15, 32.67), (-10, 36.3), (-7, 42.24), (-5, 46.2),
                                    (-3, 50.69), (-1, 55.18), (0, 57.42)]),
        receive: .milliwatts(62),
        sleep: .milliwatts(1.4),
        wakeUp: .milliwatts(62),
        wakeUpTime: .milliseconds(0.194),
        turnaroundTime: .milliseconds(0.01),
        receiveModes: [
            .init(name: "normal", dataRate: .kilobitsPerSecond(250), errorModel: .psk, noiseBandwidth: .hertz(194_000),
                  noiseFloor: PowerLevel(dBm: -100), sensitivity: PowerLevel(dBm: -95)),
        ])

    /// Castalia's BANRadio (TG6 NB proposal, `BANRadio.txt` ✔): TX −25/−20/−15/−12/−10 dBm →
    /// 2.9/2.9/2.93/2.96/3.0 mW, RX 3.1 mW, sleep 0.05 mW, sleep→RX 0.194 ms at 3.0 mW,
    /// RX⇄TX 0.02 ms; modes 1024 kbps DIFFQPSK (sens. −87 dBm) and 512 kbps DIFFBPSK
    /// (−91 dBm), noise bandwidth 1000 (ratio 1000/1024), noise floor −104 dBm. Castalia
    /// gives powers only; the 3 V supply used to express currents is twinc's assumption.
    public static let castaliaBANRadio = RadioProfile(
        name: "castalia-banradio",
        source: "Castalia Simulations/Parameters/Radio/BANRadio.txt (ban-numbers.md §4, §5); 3 V supply assumed",
        supplyVoltage: .volts(3),
        transmitLevels: levels(mW: [(-25, 2.9), (-20, 2.9), (-15, 2.93), (-12, 2.96), (-10, 3.0)]),
        receive: .milliwatts(3.1),
        sleep: .milliwatts(0.05),
        wakeUp: .milliwatts(3.0),
        wakeUpTime: .milliseconds(0.194),
        turnaroundTime: .milliseconds(0.02),
        receiveModes: [
            .init(name: "high", dataRate: .kilobitsPerSecond(1024), errorModel: .differentialQPSK(.linear),
                  noiseBandwidth: .hertz(1_000_000), noiseFloor: PowerLevel(dBm: -104), sensitivity: PowerLevel(dBm: -87)),
            .init(name: "low", dataRate: .kilobitsPerSecond(512), errorModel: .differentialBPSK,
                  noiseBandwidth: .hertz(1_000_000), noiseFloor: PowerLevel(dBm: -104), sensitivity: PowerLevel(dBm: -91)),
        ])

    /// Nordic nRF52840 with the DC/DC regulator at 3 V (product specification, radio
    /// current consumption ✔): TX 3.83 mA @ −40 dBm, 6.40 mA @ 0 dBm, 16.40 mA @ +8 dBm;
    /// RX 6.26 mA (BLE 1M). Sleep 1.5 µA (System ON, RTC running), wake-up (RX ramp-up)
    /// 40 µs, sensitivities −95 dBm (BLE 1M) and −100 dBm (802.15.4) are ◐ placeholders
    /// not re-read. Interpolating between −40 and 0 dBm is coarse (the PA steps are not
    /// linear in dBm); use `supportedLevel(atLeast:)` for listed points.
    public static let nrf52840DCDC = RadioProfile(
        name: "nrf52840-dcdc",
        source: "Nordic nRF52840 Product Specification, radio current consumption, DC/DC at 3 V (ban-numbers.md §4); sleep/sensitivity ◐",
        supplyVoltage: .volts(3),
        transmitLevels: levels(3, [(-40, 3.83), (0, 6.40), (8, 16.40)]),
        receive: Current.milliamperes(6.26) * Voltage.volts(3),
        sleep: Current.microamperes(1.5) * Voltage.volts(3),
        wakeUp: Current.milliamperes(6.26) * Voltage.volts(3),
        wakeUpTime: .microseconds(40),
        turnaroundTime: BLE1MPHY.interFrameSpace,
        receiveModes: [
            .init(name: "ble-1m", dataRate: BLE1MPHY.bitRate, errorModel: .gfsk, noiseBandwidth: .hertz(1_000_000),
                  noiseFloor: PowerLevel(dBm: -104), sensitivity: PowerLevel(dBm: -95)),
            .init(name: "ieee802154", dataRate: IEEE802154OQPSK.bitRate, errorModel: .oqpsk802154,
                  noiseBandwidth: .hertz(2_000_000), noiseFloor: PowerLevel(dBm: -101), sensitivity: PowerLevel(dBm: -100)),
        ])

    /// nRF52840 with the LDO regulator: TX 10.8 mA @ 0 dBm, RX 10.1 mA (same page ✔);
    /// other values as the DC/DC profile.
    public static let nrf52840LDO = RadioProfile(
        name: "nrf52840-ldo",
        source: "Nordic nRF52840 Product Specification, radio current consumption, LDO at 3 V (ban-numbers.md §4)",
        supplyVoltage: .volts(3),
        transmitLevels: levels(3, [(0, 10.8)]),
        receive: Current.milliamperes(10.1) * Voltage.volts(3),
        sleep: Current.microamperes(1.5) * Voltage.volts(3),
        wakeUp: Current.milliamperes(10.1) * Voltage.volts(3),
        wakeUpTime: .microseconds(40),
        turnaroundTime: BLE1MPHY.interFrameSpace,
        receiveModes: nrf52840DCDC.receiveModes)

    /// Every built-in profile, in a fixed order.
    public static let all: [RadioProfile] = [ieee802156NB, cc2420, castaliaBANRadio, nrf52840DCDC, nrf52840LDO]

    /// The profile with this name.
    public static func named(_ name: String) -> RadioProfile? { all.first { $0.name == name } }
}
