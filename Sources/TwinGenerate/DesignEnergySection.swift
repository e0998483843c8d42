import TwinConfig
import TwinModels
import TwinSynthesis
import TwinUnits

/// design.md's device-energy section: what each device draws besides its radio, the
/// regulator and the cell it draws through, and the modelling shortcuts those choices
/// rest on (named here, as the run report names its own, so no shortcut is hidden).
extension DesignDocument {
    func energySection(_ out: inout Markdown) {
        let devices = input.config.network.devices
        out.heading(2, "Device energy")
        out.paragraph("Lifetime is computed from energy through each device's regulator down to its cell's cutoff "
            + "(`DeviceLifetimeModel`); the platform draws its average power whenever the device runs. Sources of every "
            + "part: twin.json's `platform`, docs/sources-energy.md.")
        out.table(["device", "platform", "average draw", "regulator", "cell", "cutoff"], devices.map { d in
            let power = DeviceSupplyResolution.platform(deviceClass: d.deviceClass, rail: d.radio.voltage).platform.averagePower
            let parts = d.platform.components.map(\.name).joined(separator: ", ")
            let cutoff = d.battery.curve.last.map { Voltage(si: $0.voltage.si * Double(max(1, d.battery.cells))).quantity.formatted } ?? "—"
            return [d.id, "\(d.platform.name) (\(parts))", power.quantity.formatted,
                    "\(d.platform.regulator.name) (\(d.platform.regulator.kind.rawValue))",
                    "\(d.battery.chemistry?.rawValue ?? "flat") × \(d.battery.cells), "
                        + d.battery.capacity.quantity.formatted, cutoff]
        })
        var shortcuts = [
            "Each device class's platform and regulator are TwinModels' `DeviceClassEnergyProfile` chosen by class id; "
                + "a use case cannot override them yet (edit twin.json's `platform` to change one device). Parts marked ◐ "
                + "in their source are placeholders, not read datasheet values.",
            "Discharge curves are each chemistry's typical light-load shape, not digitised from one datasheet; the "
                + "battery draw is re-read from the curve once per monitor tick (at most 1 s).",
            "A WLAN stream whose frames come closer than 100 ms (power-save timeout) listens between frames; other "
                + "radios sleep between the activities their MAC accounts.",
            "The regulator's loss is in the battery's drain and the lifetime, not in the energy breakdown (which is "
                + "energy on the rail).",
        ]
        let guessed = devices.filter { $0.battery.profile == "custom" }.map(\.id)
        if !guessed.isEmpty {
            shortcuts.append("The cell chemistry of " + guessed.map { "`\($0)`" }.joined(separator: ", ")
                + " is read from the nominal voltage the use case gives (no catalogue cell named).")
        }
        let bare = devices.filter { $0.platform.name == "mcu-sleep" }.map(\.id)
        if !bare.isEmpty {
            shortcuts.append(bare.map { "`\($0)`" }.joined(separator: ", ")
                + ": no platform profile for the class; only an MCU asleep (3 µA) is counted besides the radio.")
        }
        out.paragraph("Modelling shortcuts:")
        out.bullets(shortcuts)
    }
}
