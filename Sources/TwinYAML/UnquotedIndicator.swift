import TwinDiagnostics

/// Recognises the commonest YAML surprise in twinc documents: a comparison written
/// without quotes (`target: >= 99 %`). YAML reads a leading `>` or `|` as the start of
/// a block scalar, so libyaml's own message ("did not find expected comment or line
/// break while scanning a block scalar") says nothing a twin engineer can act on. The
/// docs already tell users to quote comparisons; this turns the syntax error into that
/// advice, with a fix that quotes the value.
enum UnquotedIndicator {
    /// The value written on `line` from `column` (1-based, Unicode scalars), when it
    /// starts with a block-scalar indicator and reads like a comparison or a quantity.
    /// Nil when the text there is something else, so the hint never misleads.
    static func value(in text: String, line: Int, column: Int) -> (value: String, length: Int)? {
        guard line >= 1, column >= 1 else { return nil }
        var current = 1
        var lineText: Substring?
        for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line { lineText = candidate; break }
            current += 1
        }
        guard let lineText else { return nil }
        let scalars = Array(lineText.unicodeScalars)
        guard column - 1 < scalars.count else { return nil }
        var rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
        if let hash = rest.indices.first(where: { rest[$0] == "#" && $0 > rest.startIndex
                                                  && rest[rest.index(before: $0)] == " " }) {
            rest = String(rest[..<hash])
        }
        while let last = rest.last, last == " " || last == "\t" || last == "\r" { rest.removeLast() }
        guard let first = rest.first, first == ">" || first == "|", rest.count > 1 else { return nil }
        let afterIndicator = rest.dropFirst().drop { $0 == "=" || $0 == " " }
        guard let next = afterIndicator.first, next.isNumber || next == "." || next == "-" else { return nil }
        return (rest, rest.unicodeScalars.count)
    }

    /// The TY001 diagnostic for an unquoted comparison at `start` (a libyaml mark).
    static func diagnostic(value: String, length: Int, file: String, line: Int, column: Int,
                           offset: Int) -> Diagnostic {
        let escaped = value.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : String($0) }.joined()
        let where_ = SourceRange(
            file: file,
            start: SourcePosition(line: line, column: column, offset: offset),
            end: SourcePosition(line: line, column: column + length, offset: offset + value.utf8.count))
        return .error(
            YAMLDiagnostics.syntax,
            "a value starting with `\(value.prefix(1))` must be quoted: YAML reads `\(value.prefix(1))` as the start of a block of text",
            at: where_,
            notes: [DiagnosticNote("write comparisons in quotes, as in `target: \">= 99.9 %\"`")],
            fix: FixIt("quote the value", range: where_, replacement: "\"\(escaped)\""))
    }
}
