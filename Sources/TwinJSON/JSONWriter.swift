/// Writes `JSONValue`s as text. `canonical` sorts object keys by their UTF-8 bytes so
/// output is byte-identical whatever order the members were built in; numbers use the
/// shortest text that reads back to the same `Double` (Swift's algorithm is the same on
/// every platform), integers without a fraction.
public struct JSONWriter: Sendable {
    public var pretty: Bool
    public var sortKeys: Bool
    public var indent: String {
        didSet { indentBytes = Array(indent.utf8) }
    }
    /// `indent` as bytes: appending a `String.UTF8View` per nesting level per line went
    /// through the generic sequence path and was most of writing a run's JSON report.
    private var indentBytes: [UInt8]

    public init(pretty: Bool = true, sortKeys: Bool = false, indent: String = "  ") {
        self.pretty = pretty
        self.sortKeys = sortKeys
        self.indent = indent
        indentBytes = Array(indent.utf8)
    }

    /// Pretty, sorted: the form of twin.json and schemas.
    public static let canonical = JSONWriter(pretty: true, sortKeys: true)
    /// One line, members in build order: JSON Lines output.
    public static let compact = JSONWriter(pretty: false, sortKeys: false)

    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, level: 0, into: &out)
        if pretty { out.append(UInt8(ascii: "\n")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Written into UTF-8 bytes rather than a `String`: appending to a string re-checks
    /// its capacity and encoding per piece, which made writing twin.json a quarter of
    /// `twinc compile`.
    private func write(_ value: JSONValue, level: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: JSONWriter.format(n).utf8)
        case .string(let s): JSONWriter.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, into: &out)
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            let ordered = sortKeys ? members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } : members
            out.append(UInt8(ascii: "{"))
            for (index, (key, item)) in ordered.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1, into: &out)
                JSONWriter.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ level: Int, into out: inout [UInt8]) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out.append(contentsOf: indentBytes) }
    }

    /// Fixed number text: integral values below 2^53 print as integers; non-finite
    /// values (which JSON cannot hold) print as null.
    public static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 9_007_199_254_740_992 {
            return n == 0 ? "0" : String(Int64(n))
        }
        return n.description
    }

    /// Quotes `s` with JSON's escapes; bytes that need none (all but quote, backslash
    /// and control characters, so every multi-byte UTF-8 sequence) are copied as they are.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
