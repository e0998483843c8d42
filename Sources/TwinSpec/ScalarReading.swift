import TwinDiagnostics
import TwinUnits
import TwinYAML

/// Checks of single values, shared by the `MappingReader` accessors and by list
/// elements. `label` names the key in messages ("`priority` must be 0…7").
enum ScalarReading {
    /// The pattern every id, name and reference matches.
    static let identifierPattern = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"

    static func isIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// `allowed`: the values a closed set takes; quoting is suggested only when the
    /// quoted text would be one of them (`priority: 6` for a goal is not fixed by `"6"`).
    static func string(_ node: Node, label: String, expected: String = "a string", allowed: [String]? = nil,
                       into diagnostics: inout [Diagnostic]) -> Located<String>? {
        if let scalar = node.scalar, case .string(let text) = scalar.value {
            return Located(text, at: node.range)
        }
        var notes: [DiagnosticNote] = []
        if let scalar = node.scalar, scalar.style == .plain, allowed?.contains(scalar.text) ?? true {
            notes.append(DiagnosticNote("quote it to make it a string: \"\(scalar.text)\""))
        }
        diagnostics.append(.error(
            SpecDiagnostics.wrongType, "`\(label)` expects \(expected), found \(node.kindDescription)",
            at: node.range, notes: notes))
        return nil
    }

    static func identifier(_ node: Node, label: String, into diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let text = string(node, label: label, expected: "an identifier", into: &diagnostics) else { return nil }
        if let tooLong = NumberChecks.tooLong(text.value, label: label, at: node.range) {
            diagnostics.append(tooLong)
            return nil
        }
        guard isIdentifier(text.value) else {
            let suggestion = suggestedIdentifier(text.value)
            diagnostics.append(.error(
                SpecDiagnostics.invalidIdentifier,
                "`\(text.value)` is not a valid identifier for `\(label)`",
                at: node.range,
                notes: [DiagnosticNote("identifiers are lower-case letters and digits joined by single hyphens, e.g. `bedside-hub`")],
                fix: suggestion.map { FixIt("make it an identifier", range: node.range, replacement: $0) }))
            return nil
        }
        return text
    }

    /// `Bedside Hub` → `bedside-hub`, when that is a valid identifier.
    static func suggestedIdentifier(_ text: String) -> String? {
        let lowered = text.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let collapsed = lowered.split(separator: "-").joined(separator: "-")
        return isIdentifier(collapsed) ? collapsed : nil
    }

    static func enumeration(_ node: Node, values: [String], label: String,
                            into diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let text = string(node, label: label, expected: "one of \(list(values))", allowed: values,
                                into: &diagnostics) else {
            return nil
        }
        guard values.contains(text.value) else {
            var notes: [DiagnosticNote] = []
            var fix: FixIt?
            if let near = nearestName(to: text.value, among: values) ?? values.first(where: { $0.lowercased() == text.value.lowercased() }) {
                notes.append(DiagnosticNote("did you mean `\(near)`?"))
                fix = FixIt("use the nearest `\(label)` value", range: node.range, replacement: near)
            }
            notes.append(DiagnosticNote("`\(label)` is one of \(list(values))"))
            diagnostics.append(.error(
                SpecDiagnostics.unknownEnumValue, "unknown `\(label)` value `\(text.value)`",
                at: node.range, notes: notes, fix: fix))
            return nil
        }
        return text
    }

    static func integer(_ node: Node, bounds: ClosedRange<Int>, label: String,
                        into diagnostics: inout [Diagnostic]) -> Located<Int>? {
        let value: Int?
        switch node.scalar?.value {
        case .int(let i): value = i
        case .float(let f) where !f.isFinite:
            diagnostics.append(NumberChecks.notFinite(node.scalar?.text ?? "", label: label, at: node.range))
            return nil
        case .float(let f) where f == f.rounded() && abs(f) >= 1e15:
            diagnostics.append(.error(
                SpecDiagnostics.outOfRange,
                "`\(label)` must be between \(bounds.lowerBound) and \(bounds.upperBound), found \(formatNumber(f))",
                at: node.range))
            return nil
        case .float(let f) where f == f.rounded(): value = Int(f)
        default: value = nil
        }
        guard let value else {
            diagnostics.append(.error(
                SpecDiagnostics.wrongType, "`\(label)` expects an integer, found \(node.kindDescription)",
                at: node.range))
            return nil
        }
        guard bounds.contains(value) else {
            diagnostics.append(.error(
                SpecDiagnostics.outOfRange,
                "`\(label)` must be between \(bounds.lowerBound) and \(bounds.upperBound), found \(value)",
                at: node.range))
            return nil
        }
        return Located(value, at: node.range)
    }

    static func number(_ node: Node, minimum: Double?, maximum: Double? = nil, label: String,
                       into diagnostics: inout [Diagnostic]) -> Located<Double>? {
        let value: Double?
        switch node.scalar?.value {
        case .int(let i): value = Double(i)
        case .float(let f) where f.isFinite: value = f
        case .float:
            diagnostics.append(NumberChecks.notFinite(node.scalar?.text ?? "", label: label, at: node.range))
            return nil
        default: value = nil
        }
        guard let value else {
            diagnostics.append(.error(
                SpecDiagnostics.wrongType, "`\(label)` expects a number, found \(node.kindDescription)",
                at: node.range))
            return nil
        }
        if let outside = NumberChecks.outOfRange(value, minimum: minimum, maximum: maximum, label: label, at: node.range) {
            diagnostics.append(outside)
            return nil
        }
        return Located(value, at: node.range)
    }

    static func boolean(_ node: Node, label: String, into diagnostics: inout [Diagnostic]) -> Located<Bool>? {
        if case .bool(let b) = node.scalar?.value { return Located(b, at: node.range) }
        var notes: [DiagnosticNote] = []
        if let text = node.scalar?.text, ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased()) {
            notes.append(DiagnosticNote("YAML 1.2 reads `\(text)` as a string; write `true` or `false`"))
        }
        diagnostics.append(.error(
            SpecDiagnostics.wrongType, "`\(label)` expects `true` or `false`, found \(node.kindDescription)",
            at: node.range, notes: notes))
        return nil
    }

    static func list(_ values: [String]) -> String {
        values.map { "`\($0)`" }.joined(separator: ", ")
    }

    static func formatNumber(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
