/// How wide a line of SVG text will be drawn, estimated without a browser so charts can
/// lay labels out (marker labels in rows, body-map labels beside their nodes, legends
/// as wide as their longest name). The page asks for the system sans-serif; the
/// per-character advances are those of DejaVu Sans (the widest common fallback, so
/// the estimate errs on the wide side for Helvetica, Roboto or Segoe UI), in ems.
enum TextWidth {
    /// The width in pixels of `text` at `size` px; bold text is about 8 % wider.
    static func estimate(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text { ems += advance(character) }
        return ems * size * (bold ? 1.08 : 1)
    }

    /// The advance of one character in ems (classes, not a full metrics table).
    private static func advance(_ character: Character) -> Double {
        switch character {
        case "i", "j", "l", ".", ",", ":", ";", "'", "|", "!", " ", "·": return 0.32
        case "f", "t", "r", "(", ")", "[", "]", "-", "/", "I", "\"": return 0.42
        case "m", "w", "%", "@", "M", "W", "—", "…": return 0.95
        case "0"..."9": return 0.64
        default:
            if character.isUppercase { return 0.72 }
            if character.isASCII { return 0.61 }
            return 0.84  // symbols such as ≥, ≤, →, µ
        }
    }
}
