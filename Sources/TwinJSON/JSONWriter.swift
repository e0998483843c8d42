/// Writes `JSONValue`s as text. `canonical` sorts object keys by their UTF-8 bytes so
/// output is byte-identical whatever order the members were built in; numbers use the
/// shortest text that reads back to the same `Double` (Swift's algorithm is the same on
/// every platform), integers without a fraction.
public struct JSONWriter: Sendable {
    public var pretty: Bool
    public var sortKeys: Bool
    public var indent: String

    public init(pretty: Bool = true, sortKeys: Bool = false, indent: String = "  ") {
        self.pretty = pretty
        self.sortKeys = sortKeys
        self.indent = indent
    }

    /// Pretty, sorted: the form of twin.json and schemas.
    public static let canonical = JSONWriter(pretty: true, sortKeys: true)
    /// One line, members in build order: JSON Lines output.
    public static let compact = JSONWriter(pretty: false, sortKeys: false)

    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        if pretty { out += "\n" }
        return out
    }

    private func write(_ value: JSONValue, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONWriter.format(n)
        case .string(let s): JSONWriter.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                newline(level + 1, into: &out)
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let ordered = sortKeys ? members.sorted { Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8) } : members
            out += "{"
            for (index, (key, item)) in ordered.enumerated() {
                if index > 0 { out += "," }
                newline(level + 1, into: &out)
                JSONWriter.escape(key, into: &out)
                out += pretty ? ": " : ":"
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out += "}"
        }
    }

    private func newline(_ level: Int, into out: inout String) {
        guard pretty else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Fixed number text: integral values below 2^53 print as integers; non-finite
    /// values (which JSON cannot hold) print as null.
    public static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 9_007_199_254_740_992 {
            return n == 0 ? "0" : String(Int64(n))
        }
        return "\(n)"
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
