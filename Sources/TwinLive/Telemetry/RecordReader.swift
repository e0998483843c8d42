import TwinDiagnostics
import TwinJSON
import TwinUnits

/// Reads the members of one telemetry record (a JSON object on one line) against the
/// fields its type allows, collecting every problem with its line and column: an unknown
/// member (with a did-you-mean, which catches units in the wrong name), a missing one,
/// a wrong JSON type, a number out of range.
struct RecordReader {
    let members: [(key: String, keyPosition: JSONPosition, value: LocatedJSON)]
    let start: JSONPosition
    let file: String
    let line: Int
    let recordType: String
    var diagnostics: [Diagnostic] = []

    init?(_ json: LocatedJSON, file: String, line: Int, type: String, diagnostics: inout [Diagnostic]) {
        guard case .object(let members, let start) = json else {
            diagnostics.append(.error(LiveDiagnostics.wrongType, "a telemetry line must be a JSON object",
                                      at: RecordReader.range(file, line, json.position)))
            return nil
        }
        self.members = members
        self.start = start
        self.file = file
        self.line = line
        self.recordType = type
    }

    static func range(_ file: String, _ line: Int, _ position: JSONPosition) -> SourceRange {
        SourceRange(file: file, line: line, column: position.column)
    }

    func range(_ position: JSONPosition) -> SourceRange { Self.range(file, line, position) }

    /// Reports members not in `allowed`, with the nearest allowed name.
    mutating func rejectUnknown(allowed: [String]) {
        for member in members where !allowed.contains(member.key) {
            var notes: [DiagnosticNote] = []
            if let near = nearestName(to: member.key, among: allowed, maxDistance: 4) {
                notes.append(DiagnosticNote("did you mean `\(near)`?"))
            }
            diagnostics.append(.error(LiveDiagnostics.unknownField,
                                      "`\(recordType)` records have no member `\(member.key)`",
                                      at: range(member.keyPosition), notes: notes))
        }
    }

    func member(_ key: String) -> (key: String, keyPosition: JSONPosition, value: LocatedJSON)? {
        members.first { $0.key == key }
    }

    mutating func missing(_ key: String) {
        diagnostics.append(.error(LiveDiagnostics.missingField, "`\(recordType)` record without `\(key)`",
                                  at: range(start)))
    }

    mutating func string(_ key: String, required: Bool = true) -> (String, JSONPosition)? {
        guard let member = member(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .string(let text, let position) = member.value else {
            diagnostics.append(.error(LiveDiagnostics.wrongType, "`\(key)` must be a string", at: range(member.value.position)))
            return nil
        }
        return (text, position)
    }

    mutating func number(_ key: String, required: Bool = false, in bounds: ClosedRange<Double>) -> Double? {
        guard let member = member(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .number(let value, let position) = member.value else {
            diagnostics.append(.error(LiveDiagnostics.wrongType, "`\(key)` must be a number", at: range(member.value.position)))
            return nil
        }
        guard value.isFinite, bounds.contains(value) else {
            diagnostics.append(.error(LiveDiagnostics.outOfRange,
                                      "`\(key)` is \(JSONWriter.format(value)), outside \(JSONWriter.format(bounds.lowerBound))…\(JSONWriter.format(bounds.upperBound))",
                                      at: range(position)))
            return nil
        }
        return value
    }

    mutating func count(_ key: String, required: Bool = false) -> Int? {
        guard let value = number(key, required: required, in: 0...1e12) else { return nil }
        guard value == value.rounded() else {
            diagnostics.append(.error(LiveDiagnostics.wrongType, "`\(key)` must be a whole number",
                                      at: range(member(key)?.value.position ?? start)))
            return nil
        }
        return Int(value)
    }

    mutating func time() -> Timestamp? {
        guard let (text, position) = string("time") else { return nil }
        guard let time = RFC3339.parse(text) else {
            diagnostics.append(.error(LiveDiagnostics.wrongType, "`time` must be an RFC 3339 date-time, found `\(text)`",
                                      at: range(position),
                                      notes: [DiagnosticNote("for example `2026-12-02T04:18:10.125Z`")]))
            return nil
        }
        return time
    }

    /// A reference to one of `names` (devices, gateways) by id.
    mutating func reference(_ key: String, among names: [String], what: String) -> Int? {
        guard let (text, position) = string(key) else { return nil }
        guard let index = names.firstIndex(of: text) else {
            var notes: [DiagnosticNote] = []
            if let near = nearestName(to: text, among: names, maxDistance: 3) { notes.append(DiagnosticNote("did you mean `\(near)`?")) }
            diagnostics.append(.error(LiveDiagnostics.unknownReference, "the twin has no \(what) `\(text)`",
                                      at: range(position), notes: notes))
            return nil
        }
        return index
    }
}
