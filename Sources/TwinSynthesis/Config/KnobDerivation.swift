import TwinConfig
import TwinUnits

/// The settings the optimiser may turn, each a discrete range in twin.json with its
/// current value: TX power over the radio's listed levels, the retry limit, the
/// 802.15.6 security level, the scheduled-access allocation period and the BLE
/// connection interval. Knob ids are `device.parameter`, in device order.
struct KnobDerivation {
    let network: NetworkConfig

    func knobs() -> [KnobConfig] {
        network.devices.flatMap(knobs(of:))
    }

    private func knobs(of device: DeviceConfig) -> [KnobConfig] {
        var result: [KnobConfig] = []
        let levels = device.radio.txLevels.map(\.level.dBm)
        if levels.count > 1 {
            result.append(KnobConfig(id: "\(device.id).tx-power", parameter: "tx-power", targets: [device.id],
                                     values: levels, current: device.radio.txPower.dBm, unit: "dBm"))
        }
        let mac = device.mac
        if mac.access != "wideband" {
            result.append(KnobConfig(id: "\(device.id).max-retries", parameter: "max-retries", targets: [device.id],
                                     values: [0, 1, 2, 3, 4, 7], current: Double(mac.maxRetries), unit: "count"))
            result.append(KnobConfig(id: "\(device.id).security-level", parameter: "security-level",
                                     targets: [device.id], values: [0, 1, 2], current: Double(device.securityLevel),
                                     unit: "level"))
        }
        if mac.access == "scheduled" {
            let values = [1, 2, 4, 8, 16, 32, mac.period].map(Double.init).removingRepeats().sorted()
            result.append(KnobConfig(id: "\(device.id).period", parameter: "allocation-period", targets: [device.id],
                                     values: values, current: Double(mac.period), unit: "superframes"))
        }
        if mac.access == "ble" {
            let current = mac.connectionInterval.si
            let values = [0.0075, 0.015, 0.03, 0.05, 0.1, 0.25, 0.5, 1, current].removingRepeats().sorted()
            result.append(KnobConfig(id: "\(device.id).connection-interval", parameter: "connection-interval",
                                     targets: [device.id], values: values, current: current, unit: "s"))
        }
        return result
    }
}
