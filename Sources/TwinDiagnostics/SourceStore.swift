/// The text of the documents a run read, keyed by the path diagnostics use. Renderers
/// take it as an explicit collaborator to print the offending source line under a
/// message; nothing is cached globally.
///
/// Lines are split on the breaks libyaml counts when it reports a line number — LF,
/// CR, CR LF (one break), NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029) — so the excerpt under `file:12:5` is line 12 as libyaml saw it, even in a
/// file saved with old Mac line ends or pasted from a word processor.
public struct SourceStore: Sendable {
    private struct Text: Sendable {
        var utf8: [UInt8]
        /// Byte offset where each line starts, and where it ends (before its break).
        var lines: [(start: Int, end: Int)]
    }

    private var texts: [String: Text] = [:]

    public init() {}

    public mutating func add(file: String, text: String) {
        let bytes = Array(text.utf8)
        texts[file] = Text(utf8: bytes, lines: Self.lines(of: bytes))
    }

    /// The 1-based line of `file` without its line terminator, if known.
    public func line(_ number: Int, of file: String) -> String? {
        guard let text = texts[file], number >= 1, number <= text.lines.count else { return nil }
        let line = text.lines[number - 1]
        return String(decoding: text.utf8[line.start..<line.end], as: UTF8.self)
    }

    /// At most `width` columns of line `number` around `column` (1-based, in Unicode
    /// scalars), without copying the whole line: a minified twin.json is one line of
    /// megabytes, and a hundred excerpts of it must not cost a hundred copies. Returns
    /// the text, the 0-based column it starts at and the line's length in columns.
    public func window(_ number: Int, of file: String, around column: Int, width: Int)
        -> (text: String, from: Int, columns: Int)? {
        guard let text = texts[file], number >= 1, number <= text.lines.count else { return nil }
        let span = text.lines[number - 1]
        let bytes = text.utf8[span.start..<span.end]
        // A scalar starts at every byte that is not a UTF-8 continuation byte.
        let columns = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        let from = columns > width ? max(0, min(column - 1 - 40, columns - width)) : 0
        let to = min(columns, from + width)
        var scalar = 0, start = span.end, end = span.end
        for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
            if scalar == from { start = index }
            if scalar == to { end = index; break }
            scalar += 1
        }
        return (String(decoding: text.utf8[start..<end], as: UTF8.self), from, columns)
    }

    /// Line spans of UTF-8 bytes, split at libyaml's line breaks.
    static func lines(of bytes: [UInt8]) -> [(start: Int, end: Int)] {
        var lines: [(start: Int, end: Int)] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var breakLength = 0
            if byte == 0x0A {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                breakLength = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                breakLength = 3
            }
            if breakLength > 0 {
                lines.append((start, index))
                index += breakLength
                start = index
            } else {
                index += 1
            }
        }
        lines.append((start, bytes.count))
        return lines
    }
}
