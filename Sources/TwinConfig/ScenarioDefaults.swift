import TwinUnits

/// What a jamming or interference event means when it gives no `power_dBm`. One copy,
/// read by everything that must agree on it: the compiler writing derived scenarios,
/// the runtime injecting them, the optimiser explaining a bottleneck under them and the
/// live twin's emulated truth. Four literal copies used to stand in those places.
extension ScenarioEvent {
    /// A jammer 10 dB above the narrowband sensitivity at the hub (−87 dBm + 10 dB):
    /// strong enough to break links, weak enough to stay plausible for a body-worn
    /// attacker.
    public static let defaultJammerPower = PowerLevel(dBm: -77)
    /// Burst interference from another BAN or Wi-Fi nearby.
    public static let defaultInterferencePower = PowerLevel(dBm: -85)

    /// The power of this event's source at the receiver when it gives none: the
    /// jammer's for an attack, the interference's otherwise.
    public var defaultSourcePower: PowerLevel {
        kind == .attack(.jamming) ? Self.defaultJammerPower : Self.defaultInterferencePower
    }
}
