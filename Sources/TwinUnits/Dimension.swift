/// The physical dimensions twinc knows. A quantity read from YAML is checked against
/// the dimension its key expects ("latency: 5 mAh" names `time` as expected).
///
/// `powerLevel` (dBm) and `gain` (dB) are logarithmic and kept apart from linear `power`
/// (W): adding two dBm values is a unit error, not a sum of powers.
public enum Dimension: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case time
    case power
    case powerLevel
    case gain
    case energy
    case charge
    case current
    case voltage
    case dataRate
    case dataSize
    case frequency
    case ratio
    case distance
    case count

    /// The SI (or canonical) unit a value of this dimension is stored in.
    public var canonicalUnit: String {
        switch self {
        case .time: "s"
        case .power: "W"
        case .powerLevel: "dBm"
        case .gain: "dB"
        case .energy: "J"
        case .charge: "C"
        case .current: "A"
        case .voltage: "V"
        case .dataRate: "bit/s"
        case .dataSize: "bit"
        case .frequency: "Hz"
        case .ratio: "1"
        case .distance: "m"
        case .count: "1"
        }
    }

    /// Human name used in messages ("expected a time, e.g. `250 ms`").
    public var description: String {
        switch self {
        case .time: "time"
        case .power: "power"
        case .powerLevel: "power level"
        case .gain: "gain"
        case .energy: "energy"
        case .charge: "charge"
        case .current: "current"
        case .voltage: "voltage"
        case .dataRate: "data rate"
        case .dataSize: "data size"
        case .frequency: "frequency"
        case .ratio: "ratio"
        case .distance: "distance"
        case .count: "count"
        }
    }

    /// A typical value, for messages and JSON Schema examples.
    public var example: String {
        switch self {
        case .time: "250 ms"
        case .power: "3 mW"
        case .powerLevel: "-10 dBm"
        case .gain: "3 dB"
        case .energy: "18720 J"
        case .charge: "225 mAh"
        case .current: "6.4 mA"
        case .voltage: "3 V"
        case .dataRate: "2.4 kbps"
        case .dataSize: "64 B"
        case .frequency: "2.4 GHz"
        case .ratio: "99.9 %"
        case .distance: "30 cm"
        case .count: "4"
        }
    }
}
