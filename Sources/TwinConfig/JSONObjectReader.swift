import TwinDiagnostics
import TwinJSON
import TwinUnits

/// Collects diagnostics while twin.json is read, each pointing at the member (file,
/// line, column) and naming its JSON path (`network.devices[2].radio.txPower_dBm`).
final class ConfigReadContext {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    func range(_ position: JSONPosition) -> SourceRange {
        SourceRange(file: file, line: position.line, column: position.column)
    }

    func error(_ code: DiagnosticCode, _ message: String, at position: JSONPosition) {
        diagnostics.append(.error(code, message, at: range(position)))
    }
}

/// Reads one JSON object member by member, reporting missing members, wrong types and
/// (on `finish()`) members nobody asked for.
struct JSONObjectReader {
    let path: String
    let position: JSONPosition
    private let members: [(key: String, keyPosition: JSONPosition, value: LocatedJSON)]
    private var used: Set<String> = []
    let context: ConfigReadContext

    init?(_ json: LocatedJSON?, path: String, at fallback: JSONPosition, context: ConfigReadContext) {
        self.path = path
        self.context = context
        guard let json else {
            context.error(ConfigDiagnostics.missingMember, "missing `\(path)`", at: fallback)
            return nil
        }
        guard case .object(let members, let position) = json else {
            context.error(ConfigDiagnostics.wrongType, "`\(path)` must be an object", at: json.position)
            return nil
        }
        self.members = members
        self.position = position
    }

    mutating func raw(_ key: String) -> LocatedJSON? {
        used.insert(key)
        return members.first { $0.key == key }?.value
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func require(_ key: String) -> LocatedJSON? {
        guard let value = raw(key) else {
            context.error(ConfigDiagnostics.missingMember, "missing `\(sub(key))`", at: position)
            return nil
        }
        return value
    }

    mutating func string(_ key: String) -> String {
        guard let value = require(key) else { return "" }
        guard case .string(let s, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be a string", at: value.position)
            return ""
        }
        return s
    }

    mutating func optionalString(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        guard case .string(let s, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be a string", at: value.position)
            return nil
        }
        return s
    }

    mutating func number(_ key: String, min: Double? = nil, max: Double? = nil) -> Double {
        guard let value = require(key) else { return 0 }
        return check(value, key: key, min: min, max: max)
    }

    mutating func optionalNumber(_ key: String, min: Double? = nil) -> Double? {
        guard let value = raw(key) else { return nil }
        return check(value, key: key, min: min, max: nil)
    }

    private func check(_ value: LocatedJSON, key: String, min: Double?, max: Double?) -> Double {
        guard case .number(let n, let position) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be a number", at: value.position)
            return 0
        }
        if let min, n < min {
            context.error(ConfigDiagnostics.outOfRange, "`\(sub(key))` is \(n); it must be at least \(min)", at: position)
        }
        if let max, n > max {
            context.error(ConfigDiagnostics.outOfRange, "`\(sub(key))` is \(n); it must be at most \(max)", at: position)
        }
        return n
    }

    mutating func int(_ key: String, min: Int? = nil, max: Int? = nil) -> Int {
        let n = number(key, min: min.map(Double.init), max: max.map(Double.init))
        guard n == n.rounded() else {
            if let value = raw(key) {
                context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be a whole number", at: value.position)
            }
            return 0
        }
        return abs(n) < 1e15 ? Int(n) : 0
    }

    mutating func bool(_ key: String) -> Bool {
        guard let value = require(key) else { return false }
        guard case .bool(let b, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be true or false", at: value.position)
            return false
        }
        return b
    }


    mutating func strings(_ key: String) -> [String] {
        items(key, kind: "a string") { if case .string(let s, _) = $0 { s } else { nil } }
    }

    /// The elements of an array member that `extract` accepts; each other element is
    /// reported as not being `kind` (and dropped).
    mutating func items<T>(_ key: String, kind: String, _ extract: (LocatedJSON) -> T?) -> [T] {
        array(key).compactMap { item, itemPath in
            guard let value = extract(item) else {
                context.error(ConfigDiagnostics.wrongType, "`\(itemPath)` must be \(kind)", at: item.position)
                return nil
            }
            return value
        }
    }

    mutating func numberMap(_ key: String) -> [String: Double] {
        guard let value = raw(key) else { return [:] }
        guard case .object(let members, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be an object", at: value.position)
            return [:]
        }
        var result: [String: Double] = [:]
        for member in members {
            guard case .number(let n, _) = member.value else {
                context.error(ConfigDiagnostics.wrongType, "`\(sub(key)).\(member.key)` must be a number", at: member.value.position)
                continue
            }
            result[member.key] = n
        }
        return result
    }

    /// The items of an array member with their JSON paths.
    mutating func array(_ key: String) -> [(LocatedJSON, String)] {
        guard let value = require(key) else { return [] }
        guard case .array(let items, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be an array", at: value.position)
            return []
        }
        return items.enumerated().map { ($1, "\(sub(key))[\($0)]") }
    }

    /// A nested object; a missing one is reported once (by `require`).
    mutating func object(_ key: String) -> JSONObjectReader? {
        guard let value = require(key) else { return nil }
        return JSONObjectReader(value, path: sub(key), at: position, context: context)
    }

    /// Reports members that were present but never read.
    func finish() {
        for member in members where !used.contains(member.key) {
            context.error(ConfigDiagnostics.unknownMember, "unknown member `\(sub(member.key))`", at: member.keyPosition)
        }
    }
}
