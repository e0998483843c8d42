import Foundation
import TwinConfig
import TwinModels
import TwinSpec
import TwinSynthesis
import TwinUnits
import TwinVocabulary

/// A device's radio in twin.json. The catalogue entry gives technology, rate and
/// sensitivity; its linked TwinModels profile (`profile:NAME`) gives the published
/// TX-level table and state draws (Tachtatzis 2010 Table III, CC2420 and nRF52840
/// datasheets, Castalia BANRadio; ban-numbers.md §4–§5). The requested TX power is set
/// to the lowest listed level at or above it, as a radio with discrete PA settings is.
struct RadioConfigBuilder {
    let device: ResolvedDevice
    let modulation: String

    func radio() -> RadioConfig {
        let spec = device.radio
        let profile = device.radioEntry?.linkedProfileName.flatMap(RadioCatalogue.named)
        let voltage = profile?.supplyVoltage ?? spec?.voltage?.value ?? .volts(3)
        let requested = device.device.radio.txPower?.value ?? spec?.txPowerMax?.value
            ?? profile?.maximumLevel ?? PowerLevel(dBm: 0)
        let levels = txLevels(profile: profile, spec: spec, requested: requested)
        let chosen = levels.first { $0.level.dBm >= requested.dBm - 1e-9 }?.level ?? levels.last?.level ?? requested
        let bitRate = spec?.dataRate?.value ?? profile?.fastestMode?.dataRate ?? Self.defaultRate(device.technology)
        let receive = profile?.receiveCurrent ?? spec?.rxCurrent?.value ?? .milliamperes(10)
        return RadioConfig(
            profile: device.device.radio.profile.value, technology: device.technology, modulation: modulation,
            frequency: Self.centre(of: device.band, technology: device.technology), bitRate: bitRate,
            txPower: chosen, txLevels: levels, rxCurrent: receive,
            listenCurrent: profile?.receiveListenCurrent ?? receive,
            sleepCurrent: profile?.sleepCurrent ?? spec?.sleepCurrent?.value ?? .zero,
            wakeupCurrent: profile?.wakeUpCurrent ?? receive, wakeupTime: profile?.wakeUpTime ?? .zero,
            voltage: voltage,
            sensitivity: spec?.sensitivity?.value ?? profile?.fastestMode?.sensitivity ?? PowerLevel(dBm: -90),
            noiseFloor: profile?.fastestMode?.noiseFloor ?? Self.thermalNoiseFloor(bandwidth: bitRate))
    }

    /// The profile's table, else (a radio with continuous power control and one published
    /// TX current) the catalogue's minimum, the requested and the maximum level.
    private func txLevels(profile: TwinModels.RadioProfile?, spec: TwinSpec.RadioProfile?,
                          requested: PowerLevel) -> [TxLevel] {
        if let profile, !profile.transmitLevels.isEmpty {
            return profile.transmitLevels.map { TxLevel(level: $0.level, current: $0.draw / profile.supplyVoltage) }
                .sorted { $0.level.dBm < $1.level.dBm }
        }
        let current = spec?.txCurrent?.value ?? .milliamperes(10)
        let levels = [spec?.txPowerMin?.value, requested, spec?.txPowerMax?.value].compactMap { $0 }
        let unique = levels.removingRepeats()
        return (unique.isEmpty ? [PowerLevel(dBm: 0)] : unique).sorted { $0.dBm < $1.dBm }
            .map { TxLevel(level: $0, current: current) }
    }

    /// Thermal noise kTB (−174 dBm/Hz) over a bandwidth equal to the bit rate plus a
    /// 10 dB receiver noise figure, for radios whose source gives no noise floor.
    static func thermalNoiseFloor(bandwidth: DataRate) -> PowerLevel {
        PowerLevel(dBm: -174 + 10 * log10(max(bandwidth.si, 1)) + 10)
    }

    static func defaultRate(_ technology: Technology) -> DataRate {
        switch technology {
        case .ble: .kilobitsPerSecond(1000)
        case .ieee802154: .kilobitsPerSecond(250)
        case .banNB: .kilobitsPerSecond(971.4)
        default: .kilobitsPerSecond(100_000)
        }
    }

    /// Centre frequency of a band (the channel models are evaluated there).
    static func centre(of band: Band?, technology: Technology) -> Frequency {
        switch band {
        case .mics402: .megahertz(403.5)
        case .nb420: .megahertz(435)
        case .nb868: .megahertz(866.5)
        case .nb915: .megahertz(915)
        case .nb950: .megahertz(954)
        case .nb2360: .megahertz(2380)
        case .ism2400: .megahertz(2441.75)
        case .uwbLow: .gigahertz(4)
        case .uwbHigh: .gigahertz(8.25)
        case .hbc21: .megahertz(21)
        case .wlan5000: .gigahertz(5.5)
        case .mmwave60: .gigahertz(64)
        case .subTHz: .gigahertz(140)
        case nil: technology == .wlan ? .gigahertz(5.5) : .megahertz(2441.75)
        }
    }
}
