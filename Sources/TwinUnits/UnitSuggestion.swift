/// "Did you mean" for units: the symbols a user plausibly meant when the one written is
/// unknown (`kbit/s`, `seconds`) or has the wrong dimension (`250 m` for a latency,
/// where `m` is metres). Suggestions stay inside the dimension the key expects, so a
/// data rate never gets `bits` (a size) and a time never gets `mm`.
public enum UnitSuggestion {
    /// Spellings people write that are not symbols twinc accepts, each with the symbol
    /// it means. Accepting them would give every document two spellings; suggesting
    /// them keeps one canonical form in templates and in generated files.
    static let spellings: [String: String] = [
        "bit/s": "bps", "b/s": "bps", "kbit/s": "kbps", "kb/s": "kbps", "kbit": "kbps",
        "Mbit/s": "Mbps", "Mb/s": "Mbps", "Gbit/s": "Gbps", "Gb/s": "Gbps",
        "sec": "s", "secs": "s", "second": "s", "seconds": "s", "msec": "ms", "millisecond": "ms",
        "milliseconds": "ms", "mins": "min", "minute": "min", "minutes": "min", "hr": "h", "hrs": "h",
        "hour": "h", "hours": "h", "day": "d", "days": "d", "week": "w", "weeks": "w",
        "yr": "y", "year": "y", "years": "y", "byte": "B", "bytes": "B", "percent": "%",
        "volt": "V", "volts": "V", "watt": "W", "watts": "W", "hertz": "Hz", "metre": "m", "meter": "m",
        "metres": "m", "meters": "m",
    ]

    /// Symbols of `dimension` the user may have meant by `written`, best first (at most
    /// three): a known spelling, the same letters in another case, a symbol that
    /// extends or shortens the written one (`m` → `ms`, `min`), then edit distance ≤ 2.
    public static func symbols(for written: String, in dimension: Dimension, fuzzy: Bool = true) -> [String] {
        let candidates = UnitSymbol.all.filter { $0.dimension == dimension }.map(\.symbol)
        var ranked: [(rank: Int, symbol: String)] = []
        for symbol in candidates where symbol != written {
            if spellings[written] == symbol || spellings[written.lowercased()] == symbol {
                ranked.append((0, symbol))
            } else if symbol.lowercased() == written.lowercased() {
                ranked.append((1, symbol))
            } else if !written.isEmpty, symbol.hasPrefix(written) || written.hasPrefix(symbol) {
                ranked.append((2 + abs(symbol.count - written.count), symbol))
            } else if fuzzy {
                let distance = editDistance(symbol, written)
                if distance <= min(2, max(1, written.count / 2)) { ranked.append((4 + distance, symbol)) }
            }
        }
        var seen = Set<String>()
        return ranked.sorted { ($0.rank, $0.symbol) < ($1.rank, $1.symbol) }
            .map(\.symbol).filter { seen.insert($0.lowercased()).inserted }.prefix(3).map { $0 }
    }

    /// `text` split into its number as written and its unit (`250 m` → `250`, `m`); nil
    /// when it does not start with a number.
    public static func split(_ text: String) -> (number: String, unit: String)? {
        let trimmed = text.trimmingWhitespace()
        guard let (_, rest, digits) = Quantity.splitNumber(trimmed) else { return nil }
        return (String(digits), rest.trimmingWhitespace())
    }

    /// The written quantity with each suggested unit whose value lies in `contains`
    /// (`250 ms`, `250 min`), best first; empty when none does.
    public static func rewrites(of text: String, as dimension: Dimension,
                                within contains: (Double) -> Bool) -> [String] {
        guard let (number, unit) = split(text), let value = Double(number) else { return [] }
        // The unit is a real one of another dimension: only spellings and prefixes
        // (`m` → `ms`, `min`), not every symbol one edit away (`m` → `d`).
        return symbols(for: unit, in: dimension, fuzzy: false).compactMap { symbol in
            guard let factor = UnitSymbol.named(symbol)?.factor, contains(value * factor) else { return nil }
            return "\(number) \(symbol)"
        }
    }
}
