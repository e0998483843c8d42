/// A number with a dimension, stored in the dimension's canonical unit. This is the
/// dynamically-typed form read from YAML; code that computes converts it once to a
/// statically-typed `Measure` (`Time`, `Power`, …) with `as(_:)`.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public var value: Double
    public var dimension: Dimension

    public init(_ value: Double, _ dimension: Dimension) {
        self.value = value
        self.dimension = dimension
    }

    public var description: String { "\(formatCanonical(value)) \(dimension.canonicalUnit)" }
}

/// Why a text could not be read as a quantity.
public enum QuantityParseError: Error, Hashable, Sendable {
    /// No number at the start ("fast", "").
    case missingNumber
    /// A number without a unit where one is required.
    case missingUnit
    /// The unit symbol is not known; `suggestion` is the closest known symbol.
    case unknownUnit(String, suggestion: String?)
    /// Not a finite number.
    case notFinite
}

extension Quantity {
    /// Parses `250 ms`, `-10 dBm`, `99.9 %`, `2.4kbps`. A bare number is accepted only
    /// when `defaultDimension` says which dimension it has (counts, ratios as 0…1).
    public static func parse(_ text: String, defaultDimension: Dimension? = nil) -> Result<Quantity, QuantityParseError> {
        let trimmed = text.trimmingWhitespace()
        guard let (number, rest, digits) = splitNumber(trimmed) else { return .failure(.missingNumber) }
        guard number.isFinite else { return .failure(.notFinite) }
        let unitText = rest.trimmingWhitespace()
        if unitText.isEmpty {
            if let dimension = defaultDimension { return .success(Quantity(number, dimension)) }
            return .failure(.missingUnit)
        }
        guard let unit = UnitSymbol.named(unitText) else {
            return .failure(.unknownUnit(unitText, suggestion: closestUnit(to: unitText)))
        }
        return .success(Quantity(scaled(digits, number, by: unit.factor), unit.dimension))
    }

    /// `number × factor`, computed in decimal when the factor is a power of ten so that
    /// `99.9 %` is the double nearest 0.999 (not 99.9/100 = 0.9990000000000001) and
    /// generated files show the number the user wrote.
    private static func scaled(_ digits: Substring, _ number: Double, by factor: Double) -> Double {
        guard let exponent = log10Exact(factor) else { return number * factor }
        // A unit of factor 1 without a written exponent: the decimal text is `digits`
        // itself, already parsed into `number`.
        if exponent == 0, !digits.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return number
        }
        var mantissa = digits, written = 0
        if let e = digits.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = digits[..<e]
            written = Int(digits[digits.index(after: e)...]) ?? 0
        }
        // An exponent at Int's edge (`1e-9223372036854775808 ms`) would overflow the sum.
        let (shifted, overflow) = written.addingReportingOverflow(exponent)
        guard !overflow else { return number * factor }
        return Double("\(mantissa)e\(shifted)") ?? number * factor
    }

    /// k when `factor` is exactly 10^k for a small integer k.
    private static func log10Exact(_ factor: Double) -> Int? {
        powersOfTen.first { $0.power == factor }?.exponent
    }

    /// 10^k for k in -12…12 as the decimal text `1ek` reads, made once (not 25 texts
    /// parsed per quantity read, which was a fifth of reading a thousand devices).
    private static let powersOfTen: [(exponent: Int, power: Double)] = (-12...12).map { ($0, Double("1e\($0)") ?? .nan) }

    /// The known unit symbol nearest to a misspelt one, for "did you mean" notes.
    public static func closestUnit(to text: String) -> String? {
        let lowered = text.lowercased()
        if let caseOnly = UnitSymbol.all.first(where: { $0.symbol.lowercased() == lowered }) {
            return caseOnly.symbol
        }
        return nearestName(to: text, among: UnitSymbol.all.map(\.symbol), maxDistance: 2)
    }

    static func splitNumber(_ text: String) -> (Double, Substring, Substring)? {
        var end = text.startIndex
        var sawDigit = false
        var index = text.startIndex
        func accept(_ predicate: (Character) -> Bool) -> Bool {
            guard index < text.endIndex, predicate(text[index]) else { return false }
            index = text.index(after: index)
            return true
        }
        _ = accept { $0 == "+" || $0 == "-" }
        while accept(\.isASCIIDigit) { sawDigit = true }
        if accept({ $0 == "." }) { while accept(\.isASCIIDigit) { sawDigit = true } }
        guard sawDigit else { return nil }
        end = index
        let mark = index
        if accept({ $0 == "e" || $0 == "E" }) {
            _ = accept { $0 == "+" || $0 == "-" }
            var expDigit = false
            while accept(\.isASCIIDigit) { expDigit = true }
            end = expDigit ? index : mark
        }
        guard let value = Double(text[text.startIndex..<end]) else { return nil }
        return (value, text[end...], text[text.startIndex..<end])
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        // Nearly every value is already trimmed: when it starts and ends with a visible
        // ASCII byte, no Character needs to be looked at.
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return whole
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// `!`…`~`: ASCII and not whitespace.
    private static func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
}

/// Shortest round-trippable text for a canonical value (`0.25`, `1e-06`): used in
/// messages only; twin.json has its own fixed formatter.
func formatCanonical(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
}
