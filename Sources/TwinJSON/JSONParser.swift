/// A JSON value read from text, with the line and column where it starts, so a bad
/// twin.json can be reported at the offending member like a bad YAML file.
public indirect enum LocatedJSON: Sendable {
    case null(JSONPosition)
    case bool(Bool, JSONPosition)
    case number(Double, JSONPosition)
    case string(String, JSONPosition)
    case array([LocatedJSON], JSONPosition)
    case object([(key: String, keyPosition: JSONPosition, value: LocatedJSON)], JSONPosition)

    public var position: JSONPosition {
        switch self {
        case .null(let p), .bool(_, let p), .number(_, let p), .string(_, let p), .array(_, let p), .object(_, let p):
            return p
        }
    }

    /// The plain value, positions dropped.
    public var value: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b, _): return .bool(b)
        case .number(let n, _): return .number(n)
        case .string(let s, _): return .string(s)
        case .array(let items, _): return .array(items.map(\.value))
        case .object(let members, _): return .object(members.map { ($0.key, $0.value.value) })
        }
    }

    public subscript(key: String) -> LocatedJSON? {
        guard case .object(let members, _) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// 1-based line and column (in Unicode scalars) of a JSON value.
public struct JSONPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Why a JSON text could not be read, and where.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var position: JSONPosition
}

/// A strict RFC 8259 reader (no comments, no trailing commas, no duplicate keys) over
/// the text's UTF-8 bytes; nesting is capped so a hostile file cannot exhaust the
/// stack. Columns count Unicode scalars (bytes that do not continue a UTF-8 sequence),
/// as the YAML reader's do.
public struct JSONParser {
    private var bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private let maxDepth: Int

    public init(text: String, maxDepth: Int = 128) {
        self.bytes = Array(text.utf8)
        self.maxDepth = maxDepth
    }

    public static func parse(_ text: String) -> Result<LocatedJSON, JSONSyntaxError> {
        var parser = JSONParser(text: text)
        do {
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
            return .success(value)
        } catch let error as JSONSyntaxError {
            return .failure(error)
        } catch {
            return .failure(JSONSyntaxError(message: "\(error)", position: JSONPosition(line: 1, column: 1)))
        }
    }

    private var here: JSONPosition { JSONPosition(line: line, column: column) }

    private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, position: here) }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The scalar starting at the current byte, for messages.
    private var currentScalar: String {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<min(end, bytes.count)], as: UTF8.self)
    }

    private mutating func advance() {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t")
            || c == UInt8(ascii: "\r") { advance() }
    }

    private mutating func expect(_ literal: String) throws {
        for byte in literal.utf8 {
            guard current == byte else { throw error("expected `\(literal)`") }
            advance()
        }
    }

    private mutating func parseValue(depth: Int) throws -> LocatedJSON {
        guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        let start = here
        switch current {
        case UInt8(ascii: "{"): return try parseObject(depth: depth, start: start)
        case UInt8(ascii: "["):
            advance()
            skipWhitespace()
            var items: [LocatedJSON] = []
            if current == UInt8(ascii: "]") { advance(); return .array(items, start) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                if current == UInt8(ascii: ",") { advance(); continue }
                if current == UInt8(ascii: "]") { advance(); return .array(items, start) }
                throw error("expected `,` or `]` in array started at \(start.line):\(start.column)")
            }
        case UInt8(ascii: "\""): return .string(try parseString(), start)
        case UInt8(ascii: "t"): try expect("true"); return .bool(true, start)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false, start)
        case UInt8(ascii: "n"): try expect("null"); return .null(start)
        case .some(let c) where c == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c):
            return .number(try parseNumber(), start)
        case nil: throw error("unexpected end of input")
        default: throw error("unexpected character `\(currentScalar)`")
        }
    }

    private mutating func parseObject(depth: Int, start: JSONPosition) throws -> LocatedJSON {
        advance()
        skipWhitespace()
        var members: [(key: String, keyPosition: JSONPosition, value: LocatedJSON)] = []
        var seen: Set<String> = []
        if current == UInt8(ascii: "}") { advance(); return .object(members, start) }
        while true {
            skipWhitespace()
            let keyPosition = here
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw JSONSyntaxError(message: "duplicate member `\(key)`", position: keyPosition)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected `:` after member name") }
            advance()
            skipWhitespace()
            members.append((key, keyPosition, try parseValue(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") { advance(); continue }
            if current == UInt8(ascii: "}") { advance(); return .object(members, start) }
            throw error("expected `,` or `}` in object started at \(start.line):\(start.column)")
        }
    }

    /// A run of bytes without escapes becomes the string in one step; only escapes are
    /// decoded one by one. The bytes came from a `String`, so they are valid UTF-8.
    private mutating func parseString() throws -> String {
        advance()
        var out: [UInt8] = []
        while true {
            let runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            guard let c = current else { throw error("unterminated string") }
            if c == UInt8(ascii: "\"") {
                advance()
                if out.isEmpty { return String(decoding: bytes[runStart..<(index - 1)], as: UTF8.self) }
                out.append(contentsOf: bytes[runStart..<(index - 1)])
                return String(decoding: out, as: UTF8.self)
            }
            out.append(contentsOf: bytes[runStart..<index])
            guard c == UInt8(ascii: "\\") else {
                advance()
                throw error("control character in string")
            }
            advance()
            guard let e = current else { throw error("unterminated string") }
            let escaped = currentScalar
            advance()
            while let next = current, next & 0xC0 == 0x80 { advance() }
            switch e {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    try expect("\\u")
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                out.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw error("invalid escape `\\\(escaped)`")
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Self.hexDigit(c) else { throw error("expected 4 hex digits") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws -> Double {
        let start = index
        while let c = current, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".")
            || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) {
            advance()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number `\(text)`") }
        guard value.isFinite else {
            throw error("number `\(text)` is beyond the range of a double (about ±1.8e308); twin.json numbers are finite")
        }
        return value
    }
}
