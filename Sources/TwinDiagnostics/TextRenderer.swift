/// Renders diagnostics the way GCC and Clang do, so editors and terminals make the
/// locations clickable:
///
///     Intents/icu.yaml:12:5: error[TS004]: unknown key `latncy`
///        12 |     latncy: 250 ms
///           |     ^~~~~~
///       note: did you mean `latency`?
///
/// Notes with their own location print their own source line and caret.
public struct TextRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ diagnostics: [Diagnostic], sources: SourceStore) -> String {
        diagnostics.map { render($0, sources: sources) }.joined()
    }

    public func render(_ diagnostic: Diagnostic, sources: SourceStore) -> String {
        var out = ""
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]"
        out += header(diagnostic.range) + paint(label, diagnostic.severity) + ": " + bold(diagnostic.message) + "\n"
        out += excerpt(diagnostic.range, sources: sources)
        for note in diagnostic.notes {
            if let range = note.range {
                out += header(range) + paint("note", .note) + ": " + note.message + "\n"
                out += excerpt(range, sources: sources)
            } else {
                out += "  " + paint("note", .note) + ": " + note.message + "\n"
            }
        }
        if let fix = diagnostic.fix {
            out += "  " + paint("fix", .note) + ": \(fix.message): replace with `\(fix.replacement)`\n"
        }
        return out
    }

    /// A one-line tally for the end of a run: "2 errors, 1 warning generated."
    public func summary(_ diagnostics: [Diagnostic]) -> String? {
        summary(errors: diagnostics.filter { $0.severity == .error }.count,
                warnings: diagnostics.filter { $0.severity == .warning }.count)
    }

    /// The tally for counts that include diagnostics not shown (`DiagnosticCap`).
    public func summary(errors: Int, warnings: Int) -> String? {
        guard errors + warnings > 0 else { return nil }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return parts.joined(separator: ", ") + " generated."
    }

    private func header(_ range: SourceRange?) -> String {
        guard let range else { return "twinc: " }
        return bold("\(range.file):\(range.start.line):\(range.start.column): ")
    }

    /// The source line and a caret line under the range (`^` then `~` to its end when
    /// the range stays on one line). Columns count Unicode scalars, as libyaml does.
    private func excerpt(_ range: SourceRange?, sources: SourceStore) -> String {
        // Very long lines (minified flow collections, a megabyte id, one-line JSON) are
        // cut to a window around the caret so the excerpt stays readable; `…` marks the
        // cut ends.
        let window = 100
        guard let range,
              let line = sources.window(range.start.line, of: range.file, around: range.start.column, width: window)
        else { return "" }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 4) - number.count) + number
        let blank = String(repeating: " ", count: gutter.count)
        let scalars = line.text.unicodeScalars.map { $0 == "\t" ? " " : $0 }
        let cutLeft = line.from > 0, cutRight = line.from + scalars.count < line.columns
        let startColumn = max(1, min(range.start.column, line.columns + 1))
        var width = 1
        if range.end.line == range.start.line, range.end.column > range.start.column {
            width = max(1, min(range.end.column, line.columns + 1) - startColumn)
        }
        // Columns within the shown text (the `…` on the left takes one).
        let caretColumn = startColumn - line.from + (cutLeft ? 1 : 0)
        width = max(1, min(width, scalars.count - (startColumn - line.from - 1)))
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars)
        let text = (cutLeft ? "…" : "") + String(shown) + (cutRight ? "…" : "")
        let caret = String(repeating: " ", count: max(0, caretColumn - 1)) + "^" + String(repeating: "~", count: width - 1)
        return "\(gutter) | \(text)\n\(blank) | \(paint(caret, .error, caret: true))\n"
    }

    private func paint(_ text: String, _ severity: Severity, caret: Bool = false) -> String {
        guard color else { return text }
        let code: String
        switch severity {
        case .error: code = caret ? "32" : "31"
        case .warning: code = "35"
        case .note: code = "36"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
