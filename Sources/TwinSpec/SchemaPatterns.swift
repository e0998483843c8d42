import TwinUnits

/// ECMA-262 patterns for quantities and thresholds that accept exactly what
/// `Quantity.parse` and `Threshold.parse` accept (a dimension's units only; the
/// statistic in lower case, as the readers require).
enum SchemaPatterns {
    static let number = #"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"#

    static func units(_ dimension: Dimension?) -> String {
        let symbols = UnitSymbol.all.filter { dimension == nil || $0.dimension == dimension }.map(\.symbol)
        let ordered = Array(Set(symbols)).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        return "(" + ordered.map(escape).joined(separator: "|") + ")"
    }

    static func quantity(_ dimension: Dimension) -> String {
        #"^\s*"# + number + #"\s*"# + units(dimension) + #"\s*$"#
    }

    static let statistic = #"(mean|avg|average|max|min|p([0-9]+(\.[0-9]*)?|\.[0-9]+))"#

    static var threshold: String {
        #"^\s*("# + statistic + #"\s*)?(<=|<|>=|>|==)\s*"# + number + #"\s*"# + units(nil) + #"?\s*$"#
    }

    private static func escape(_ symbol: String) -> String {
        symbol.map { "\\^$.|?*+()[]{}/".contains($0) ? "\\\($0)" : String($0) }.joined()
    }
}
