/// The page's colours. Categorical colours are the Tableau 10 set (distinct for the
/// colour-blind in most pairs); link quality uses a continuous traffic-light scale.
enum Palette {
    static let ink = "#222222"
    static let muted = "#666666"
    static let grid = "#e3e3e3"
    static let axis = "#888888"
    static let good = "#2e9e44"
    static let marginal = "#e8a317"
    static let bad = "#d62728"
    static let unknown = "#9e9e9e"
    static let body = "#f1e4d8"
    static let bodyOutline = "#c9b29b"

    static let categorical = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ]

    /// The `index`-th categorical colour (cycling after ten).
    static func series(_ index: Int) -> String { categorical[((index % categorical.count) + categorical.count) % categorical.count] }

    /// Link colour for a packet delivery ratio: red at 80 % or less, amber at 90 %,
    /// green at 100 %, interpolated in between (a frame-level PDR before retries sits
    /// mostly in this band, so a coarser scale would paint every link one colour).
    static func pdr(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return unknown }
        let red = (0xd6, 0x27, 0x28), amber = (0xe8, 0xa3, 0x17), green = (0x2e, 0x9e, 0x44)
        let t = min(max((ratio - pdrScaleLow) / (1 - pdrScaleLow), 0), 1)
        return t < 0.5 ? mix(red, amber, t * 2) : mix(amber, green, (t - 0.5) * 2)
    }

    /// The PDR at which the link scale is fully red.
    static let pdrScaleLow = 0.8

    private static func mix(_ a: (Int, Int, Int), _ b: (Int, Int, Int), _ t: Double) -> String {
        func channel(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return hex(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for value in [r, g, b] {
            let v = min(max(value, 0), 255)
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }

    /// CVSS v3.1 qualitative severity colours (FIRST's rating scale: None, Low, Medium,
    /// High, Critical).
    static func severity(_ name: String) -> String {
        switch name.lowercased() {
        case "critical": return "#7b1fa2"
        case "high": return bad
        case "medium": return marginal
        case "low": return "#f2d024"
        default: return unknown
        }
    }

    /// Colours of the radio states in the energy breakdown, in `EnergyState` order.
    static let energyStates: [(member: String, label: String, colour: String)] = [
        ("transmit", "transmit", "#e15759"), ("receive", "receive", "#4e79a7"),
        ("listen", "listen", "#76b7b2"), ("sleep", "sleep", "#bab0ac"),
        ("wakeUp", "wake-up", "#edc948"), ("baseline", "baseline", "#9c755f"),
    ]
}
