import Foundation

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

    /// The text colour that reads on a `background` (`#rrggbb`): white or ink,
    /// whichever has the higher WCAG 2 contrast ratio with it (white on blue and red,
    /// ink on yellow and light teal).
    static func text(on background: String) -> String {
        guard let luminance = relativeLuminance(background) else { return ink }
        let white = 1.05 / (luminance + 0.05)
        let dark = (luminance + 0.05) / ((relativeLuminance(ink) ?? 0) + 0.05)
        return white >= dark ? "#ffffff" : ink
    }

    /// WCAG 2 relative luminance of a `#rrggbb` colour; nil for anything else.
    static func relativeLuminance(_ hex: String) -> Double? {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        func value(_ c: UInt8) -> Int? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
        }
        var channels: [Double] = []
        for index in stride(from: 1, to: 7, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            let c = Double(high * 16 + low) / 255
            channels.append(c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
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
