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
/// the text's Unicode scalars; nesting is capped so a hostile file cannot exhaust the
/// stack.
public struct JSONParser {
    private var scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private let maxDepth: Int

    public init(text: String, maxDepth: Int = 128) {
        self.scalars = Array(text.unicodeScalars)
        self.maxDepth = maxDepth
    }

    public static func parse(_ text: String) -> Result<LocatedJSON, JSONSyntaxError> {
        var parser = JSONParser(text: text)
        do {
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            guard parser.index == parser.scalars.count else { throw parser.error("unexpected text after the JSON value") }
            return .success(value)
        } catch let error as JSONSyntaxError {
            return .failure(error)
        } catch {
            return .failure(JSONSyntaxError(message: "\(error)", position: JSONPosition(line: 1, column: 1)))
        }
    }

    private var here: JSONPosition { JSONPosition(line: line, column: column) }

    private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, position: here) }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\n" || c == "\t" || c == "\r" { advance() }
    }

    private mutating func expect(_ literal: String) throws {
        for scalar in literal.unicodeScalars {
            guard current == scalar else { throw error("expected `\(literal)`") }
            advance()
        }
    }

    private mutating func parseValue(depth: Int) throws -> LocatedJSON {
        guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        let start = here
        switch current {
        case "{": return try parseObject(depth: depth, start: start)
        case "[":
            advance()
            skipWhitespace()
            var items: [LocatedJSON] = []
            if current == "]" { advance(); return .array(items, start) }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                if current == "," { advance(); continue }
                if current == "]" { advance(); return .array(items, start) }
                throw error("expected `,` or `]` in array started at \(start.line):\(start.column)")
            }
        case "\"": return .string(try parseString(), start)
        case "t": try expect("true"); return .bool(true, start)
        case "f": try expect("false"); return .bool(false, start)
        case "n": try expect("null"); return .null(start)
        case .some(let c) where c == "-" || ("0"..."9").contains(c): return .number(try parseNumber(), start)
        case nil: throw error("unexpected end of input")
        default: throw error("unexpected character `\(current!)`")
        }
    }

    private mutating func parseObject(depth: Int, start: JSONPosition) throws -> LocatedJSON {
        advance()
        skipWhitespace()
        var members: [(key: String, keyPosition: JSONPosition, value: LocatedJSON)] = []
        var seen: Set<String> = []
        if current == "}" { advance(); return .object(members, start) }
        while true {
            skipWhitespace()
            let keyPosition = here
            guard current == "\"" else { throw error("expected a member name in quotes") }
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw JSONSyntaxError(message: "duplicate member `\(key)`", position: keyPosition)
            }
            skipWhitespace()
            guard current == ":" else { throw error("expected `:` after member name") }
            advance()
            skipWhitespace()
            members.append((key, keyPosition, try parseValue(depth: depth + 1)))
            skipWhitespace()
            if current == "," { advance(); continue }
            if current == "}" { advance(); return .object(members, start) }
            throw error("expected `,` or `}` in object started at \(start.line):\(start.column)")
        }
    }

    private mutating func parseString() throws -> String {
        advance()
        var out = String.UnicodeScalarView()
        while let c = current {
            advance()
            switch c {
            case "\"": return String(out)
            case "\\":
                guard let e = current else { break }
                advance()
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        try expect("\\u")
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    out.append(scalar)
                default: throw error("invalid escape `\\\(e)`")
                }
            default:
                guard c.value >= 0x20 else { throw error("control character in string") }
                out.append(c)
            }
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Int(String(c), radix: 16) else { throw error("expected 4 hex digits") }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws -> Double {
        var text = ""
        while let c = current, c == "-" || c == "+" || c == "." || c == "e" || c == "E" || ("0"..."9").contains(c) {
            text.unicodeScalars.append(c)
            advance()
        }
        guard let value = Double(text) else { throw error("invalid number `\(text)`") }
        guard value.isFinite else {
            throw error("number `\(text)` is beyond the range of a double (about ±1.8e308); twin.json numbers are finite")
        }
        return value
    }
}
