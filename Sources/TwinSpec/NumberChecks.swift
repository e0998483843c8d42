import TwinDiagnostics
import TwinUnits
import TwinYAML

/// The checks every number and identifier passes before its key's own range: finite
/// (TU006, with a message that says why, not "expects a number, found a number") and,
/// for identifiers, short (ids become file names, graph labels and command-line
/// arguments, and a megabyte id would be echoed in every message that names it).
enum NumberChecks {
    /// The longest identifier, in characters.
    static let identifierLength = 64

    /// TU006 for a value whose number is infinite or NaN: `.inf`, `.nan`, or a literal
    /// such as `1e400` that overflows a double.
    static func notFinite(_ text: String, label: String, at range: SourceRange) -> Diagnostic {
        let lowered = text.lowercased()
        let why = lowered.contains("nan") ? "is not a number"
            : lowered.contains("inf") ? "is infinite"
            : "is beyond the range of a double (about ±1.8e308)"
        return .error(
            SpecDiagnostics.notFinite, "`\(label)` must be a finite number: `\(text)` \(why)", at: range,
            notes: [DiagnosticNote("write a finite value within the key's range")])
    }

    /// TS017 for an identifier longer than `identifierLength`; nil when short enough.
    static func tooLong(_ text: String, label: String, at range: SourceRange) -> Diagnostic? {
        let length = text.unicodeScalars.count
        guard length > identifierLength else { return nil }
        return .error(
            SpecDiagnostics.invalidIdentifier,
            "`\(label)` is \(length) characters long; an identifier has at most \(identifierLength)", at: range,
            notes: [DiagnosticNote("ids become file names and command-line arguments; pick a short name such as `bedside-hub`")])
    }

    /// TS009 for a number outside `minimum…maximum`; nil when inside.
    static func outOfRange(_ value: Double, minimum: Double?, maximum: Double?, label: String,
                           at range: SourceRange) -> Diagnostic? {
        let below = minimum.map { value < $0 } ?? false
        let above = maximum.map { value > $0 } ?? false
        guard below || above else { return nil }
        let format = ScalarReading.formatNumber
        let bounds: String = switch (minimum, maximum) {
        case let (min?, max?): "between \(format(min)) and \(format(max))"
        case let (min?, nil): "at least \(format(min))"
        case let (nil, max?): "at most \(format(max))"
        case (nil, nil): "any number"
        }
        return .error(SpecDiagnostics.outOfRange, "`\(label)` must be \(bounds), found \(format(value))", at: range)
    }
}
