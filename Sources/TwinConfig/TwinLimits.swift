import TwinDiagnostics
import TwinJSON
import TwinUnits

/// Caps on the work one twin may ask for, so a careless or hostile twin.json (or a
/// use case that compiles into one) is refused with a coded diagnostic instead of
/// running for hours or exhausting memory. Each cap is checked where the twin is read
/// (`TwinConfig.read`) and, with the same numbers, where it is compiled.
public enum TwinLimits {
    /// Knobs aimed at one device. The compiler derives at most eight (TX power, retries,
    /// security level, access mode, allocation period or connection interval, gateway,
    /// aggregation); the optimiser's neighbourhood of a device is the product of its
    /// knobs' values, so this and `valuesPerKnob` bound it.
    public static let knobsPerDevice = 16
    /// Values one knob offers (the compiler offers at most nine).
    public static let valuesPerKnob = 32
    /// Events one source (a device's periodic packets, its alarms, an attacker's frames)
    /// may cause per simulated second. At 10,000 a second one source already costs
    /// about as much as the demo twin's whole network.
    public static let eventsPerSourcePerSecond = 10_000.0
    /// Events the whole twin may cause per simulated second: 64 devices on each of a
    /// few gateways at the highest class rates stay well below it.
    public static let eventsPerSecond = 200_000.0
    /// Devices of one twin (`DeclaredRanges.devices`, which the use case reader checks too,
    /// so a use case too large to run is refused at its `devices` key).
    public static let devices = DeclaredRanges.devices.bounds.upperBound
    /// Gateways of one twin (`DeclaredRanges.gateways`).
    public static let gateways = DeclaredRanges.gateways.bounds.upperBound
    /// Goals of one twin (`DeclaredRanges.goals`, checked in the intent too).
    public static let goals = DeclaredRanges.goals.bounds.upperBound
}


extension TwinConfig {
    /// TK011 when the network, or the list of goals, is larger than `TwinLimits` allows.
    func sizeDiagnostics(json: LocatedJSON, context: ConfigReadContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (what, count, limit, member) in [("devices", network.devices.count, TwinLimits.devices, "devices"),
                                            ("gateways", network.gateways.count, TwinLimits.gateways, "gateways"),
                                            ("goals", goals.count, TwinLimits.goals, "goals")]
        where count > limit {
            let list = member == "goals" ? json["goals"] : json["network"]?[member]
            let position = list?.position ?? JSONPosition(line: 1, column: 1)
            found.append(.error(ConfigDiagnostics.twinTooLarge,
                                "the twin has \(count) \(what); the runtime simulates at most \(limit)",
                                at: context.range(position)))
        }
        return found
    }
}
