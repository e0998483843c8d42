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
        if let null = null(text) { return null }
        if let bool = bool(text) { return .bool(bool) }
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
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.first == "+" ? String(text.dropFirst()) : text)
    }

    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let mantissaEnd = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? chars.endIndex
        let mantissa = chars[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard !mantissa.isEmpty, parts.allSatisfy(isDigits) else { return nil }
        if parts.count == 1 && parts[0].isEmpty { return nil }
        if parts.count == 2 && parts[0].isEmpty && parts[1].isEmpty { return nil }
        if mantissaEnd != chars.endIndex {
            var exponent = chars[chars.index(after: mantissaEnd)...]
            if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, isDigits(exponent) else { return nil }
        }
        return Double(text.first == "+" ? String(text.dropFirst()) : text)
    }

    /// What a YAML 1.1 reader would make of a plain scalar that YAML 1.2 reads as a
    /// string or a different number, or nil when both agree.
    static func yaml11Reading(of text: String) -> String? {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
            return "the boolean true"
        case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
            return "the boolean false"
        default: break
        }
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        if body.count > 1, body.first == "0", body.allSatisfy({ ("0"..."7").contains($0) }) {
            return "an octal number (\(Int(body, radix: 8).map(String.init) ?? "?") in decimal)"
        }
        if body.contains("_"), body.first?.isNumber == true,
           body.allSatisfy({ $0 == "_" || $0 == "." || ($0.isASCII && $0.isNumber) }) {
            return "the number \(body.filter { $0 != "_" })"
        }
        if body.contains(":"), body.first?.isNumber == true,
           body.split(separator: ":").allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return "a sexagesimal (base 60) number"
        }
        return nil
    }
}
