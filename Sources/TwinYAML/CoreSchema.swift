/// YAML 1.2 core-schema resolution of plain scalars, plus the check for texts that a
/// YAML 1.1 reader would resolve differently (the source of the classic "Norway
/// problem", where the country code `no` becomes `false`).
enum CoreSchema {
    static let strTag = "tag:yaml.org,2002:str"
    static let intTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let boolTag = "tag:yaml.org,2002:bool"
    static let nullTag = "tag:yaml.org,2002:null"
    static let mapTag = "tag:yaml.org,2002:map"
    static let seqTag = "tag:yaml.org,2002:seq"

    /// Resolves an untagged plain scalar.
    static func resolvePlain(_ text: String) -> CoreValue {
        // Only `~`, `n…`/`N…` (null), `t…`/`f…` (bool), digits, signs and `.` can start a
        // non-string; a scalar starting with any other letter is a string.
        if let first = text.utf8.first {
            switch first {
            case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                 UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "~"):
                if let null = null(text) { return null }
                if let bool = bool(text) { return .bool(bool) }
                return .string(text)
            case _ where isLetter(first):
                return .string(text)
            default:
                break  // digits, signs, `.`: a number or a string, never null or a boolean
            }
        } else {
            return .null
        }
        if let int = int(text) { return .int(int) }
        if let float = float(text) { return .float(float) }
        return .string(text)
    }

    static func null(_ text: String) -> CoreValue? {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: return nil
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    static func int(_ text: String) -> Int? {
        let bytes = text.utf8
        if bytes.count >= 2, bytes.first == UInt8(ascii: "0") {
            if bytes.starts(with: "0o".utf8) { return Int(text.dropFirst(2), radix: 8) }
            if bytes.starts(with: "0x".utf8) { return Int(text.dropFirst(2), radix: 16) }
        }
        // [-+]?[0-9]+ accumulated byte by byte, nil on overflow as `Int(_:)` gives: a
        // file of a million scalars spent a quarter of its parse in the generic paths.
        return withBytes(text) { bytes in
            var index = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative || bytes.first == UInt8(ascii: "+") { index = 1 }
            guard index < bytes.count else { return nil }
            var value = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard isDigit(byte) else { return nil }
                let digit = Int(byte &- 0x30)
                let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit)
                    : shifted.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { return nil }
                value = next
                index += 1
            }
            return value
        }
    }

    /// `body` over the UTF-8 bytes of `text` without copying them to the heap.
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// An ASCII digit byte (what `Character.isASCII && isNumber` accepts, byte-wise).
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?, byte by byte
        // (a file of two million scalars spent most of its parse here with Characters).
        let matches = withBytes(text) { bytes -> Bool in
            var index = 0
            func skipSign() { if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 } }
            func skipDigits() -> Int {
                let start = index
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                return index - start
            }
            skipSign()
            var digits = skipDigits()
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                digits += skipDigits()
            }
            guard digits > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                skipSign()
                guard skipDigits() > 0 else { return false }
            }
            return index == bytes.count
        }
        guard matches else { return nil }
        return Double(text.utf8.first == UInt8(ascii: "+") ? String(text.dropFirst()) : text)
    }

    /// What a YAML 1.1 reader would make of a plain scalar that YAML 1.2 reads as a
    /// string or a different number, or nil when both agree.
    static func yaml11Reading(of text: String) -> String? {
        guard let lead = text.utf8.first else { return nil }
        // The boolean words start with y, n or o and have at most three letters; every
        // numeric reading starts with a sign or a digit. Most scalars are decided by
        // their first byte and length, without comparing strings.
        if isLetter(lead) {
            switch lead {
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
                 UInt8(ascii: "o"), UInt8(ascii: "O"):
                guard text.utf8.count <= 3 else { return nil }
            default:
                return nil
            }
            switch text {
            case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
                return "the boolean true"
            case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
                return "the boolean false"
            default:
                return nil
            }
        }
        // One pass over the bytes after the sign: all octal digits, any `_`, any `:`.
        let shape = withBytes(text) { bytes -> (digitLed: Bool, octal: Bool, underscore: Bool, colon: Bool) in
            let start = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? 1 : 0
            guard start < bytes.count, isDigit(bytes[start]) else { return (false, false, false, false) }
            var octal = bytes.count - start > 1 && bytes[start] == UInt8(ascii: "0")
            var underscore = false, colon = false
            for byte in bytes[start...] {
                if byte < 0x30 || byte > 0x37 { octal = false }
                if byte == UInt8(ascii: "_") { underscore = true }
                if byte == UInt8(ascii: ":") { colon = true }
            }
            return (true, octal, underscore, colon)
        }
        guard shape.digitLed, shape.octal || shape.underscore || shape.colon else { return nil }
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        if shape.octal {
            return "an octal number (\(Int(body, radix: 8).map(String.init) ?? "?") in decimal)"
        }
        if shape.underscore, body.allSatisfy({ $0 == "_" || $0 == "." || ($0.isASCII && $0.isNumber) }) {
            return "the number \(body.filter { $0 != "_" })"
        }
        if shape.colon,
           body.split(separator: ":").allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return "a sexagesimal (base 60) number"
        }
        return nil
    }
}
