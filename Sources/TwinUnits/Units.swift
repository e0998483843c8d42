/// The unit symbols accepted in documents, each with its dimension and its factor to
/// the canonical unit. Charge is stored in coulombs, so `mAh` is 3.6 C; energy in
/// joules, so `Wh` is 3600 J. Binary prefixes are not used for data: 1 kB = 1000 B,
/// as in the 802.15.6 and ISO/IEEE 11073 tables the models cite.
public struct UnitSymbol: Sendable, Hashable {
    public let symbol: String
    public let dimension: Dimension
    public let factor: Double

    public static let all: [UnitSymbol] = [
        // time
        .init(symbol: "ns", dimension: .time, factor: 1e-9),
        .init(symbol: "us", dimension: .time, factor: 1e-6),
        .init(symbol: "µs", dimension: .time, factor: 1e-6),
        .init(symbol: "ms", dimension: .time, factor: 1e-3),
        .init(symbol: "s", dimension: .time, factor: 1),
        .init(symbol: "min", dimension: .time, factor: 60),
        .init(symbol: "h", dimension: .time, factor: 3600),
        .init(symbol: "d", dimension: .time, factor: 86_400),
        .init(symbol: "w", dimension: .time, factor: 604_800),
        .init(symbol: "y", dimension: .time, factor: 31_536_000),
        // linear power
        .init(symbol: "nW", dimension: .power, factor: 1e-9),
        .init(symbol: "uW", dimension: .power, factor: 1e-6),
        .init(symbol: "µW", dimension: .power, factor: 1e-6),
        .init(symbol: "mW", dimension: .power, factor: 1e-3),
        .init(symbol: "W", dimension: .power, factor: 1),
        // logarithmic
        .init(symbol: "dBm", dimension: .powerLevel, factor: 1),
        .init(symbol: "dB", dimension: .gain, factor: 1),
        // energy
        .init(symbol: "nJ", dimension: .energy, factor: 1e-9),
        .init(symbol: "uJ", dimension: .energy, factor: 1e-6),
        .init(symbol: "µJ", dimension: .energy, factor: 1e-6),
        .init(symbol: "mJ", dimension: .energy, factor: 1e-3),
        .init(symbol: "J", dimension: .energy, factor: 1),
        .init(symbol: "kJ", dimension: .energy, factor: 1e3),
        .init(symbol: "mWh", dimension: .energy, factor: 3.6),
        .init(symbol: "Wh", dimension: .energy, factor: 3600),
        // charge
        .init(symbol: "uAh", dimension: .charge, factor: 3.6e-3),
        .init(symbol: "µAh", dimension: .charge, factor: 3.6e-3),
        .init(symbol: "mAh", dimension: .charge, factor: 3.6),
        .init(symbol: "Ah", dimension: .charge, factor: 3600),
        .init(symbol: "C", dimension: .charge, factor: 1),
        // current
        .init(symbol: "nA", dimension: .current, factor: 1e-9),
        .init(symbol: "uA", dimension: .current, factor: 1e-6),
        .init(symbol: "µA", dimension: .current, factor: 1e-6),
        .init(symbol: "mA", dimension: .current, factor: 1e-3),
        .init(symbol: "A", dimension: .current, factor: 1),
        // voltage
        .init(symbol: "mV", dimension: .voltage, factor: 1e-3),
        .init(symbol: "V", dimension: .voltage, factor: 1),
        // data rate
        .init(symbol: "bps", dimension: .dataRate, factor: 1),
        .init(symbol: "kbps", dimension: .dataRate, factor: 1e3),
        .init(symbol: "Mbps", dimension: .dataRate, factor: 1e6),
        .init(symbol: "Gbps", dimension: .dataRate, factor: 1e9),
        // data size
        .init(symbol: "bit", dimension: .dataSize, factor: 1),
        .init(symbol: "bits", dimension: .dataSize, factor: 1),
        .init(symbol: "B", dimension: .dataSize, factor: 8),
        .init(symbol: "kB", dimension: .dataSize, factor: 8e3),
        .init(symbol: "MB", dimension: .dataSize, factor: 8e6),
        // frequency
        .init(symbol: "Hz", dimension: .frequency, factor: 1),
        .init(symbol: "kHz", dimension: .frequency, factor: 1e3),
        .init(symbol: "MHz", dimension: .frequency, factor: 1e6),
        .init(symbol: "GHz", dimension: .frequency, factor: 1e9),
        // ratio
        .init(symbol: "%", dimension: .ratio, factor: 1e-2),
        .init(symbol: "ppm", dimension: .ratio, factor: 1e-6),
        // distance
        .init(symbol: "mm", dimension: .distance, factor: 1e-3),
        .init(symbol: "cm", dimension: .distance, factor: 1e-2),
        .init(symbol: "m", dimension: .distance, factor: 1),
        .init(symbol: "km", dimension: .distance, factor: 1e3),
    ]

    private static let bySymbol: [String: UnitSymbol] = Dictionary(
        all.map { ($0.symbol, $0) }, uniquingKeysWith: { first, _ in first })

    public static func named(_ symbol: String) -> UnitSymbol? { bySymbol[symbol] }
}
