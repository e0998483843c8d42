import TwinDiagnostics
import TwinJSON
import TwinUnits

extension ConfigReadContext {
    /// An error with notes (the declared range's reason).
    func error(_ code: DiagnosticCode, _ message: String, at position: JSONPosition, notes: [String]) {
        diagnostics.append(.error(code, message, at: range(position), notes: notes.map { DiagnosticNote($0) }))
    }

    /// TK005 for `value` outside `range`, naming the member by its JSON path.
    func outOfRange(_ path: String, _ value: Double, _ range: QuantityRange, at position: JSONPosition) {
        let written = QuantityRange.format(value, range.dimension)
        error(ConfigDiagnostics.outOfRange, "`\(path)` is \(written); it must be \(range.description)",
              at: position, notes: [range.reason])
    }
}

/// Members read against the ranges of `DeclaredRanges`, the same ranges the YAML front
/// end checks, so a hand-edited twin.json is held to what `compile` could have written.
/// JSON numbers are always finite (the parser refuses `1e400`), so the only question
/// is the range.
extension JSONObjectReader {
    private func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A required number within `range`; 0 after reporting when it is missing, of the
    /// wrong type or outside the range.
    mutating func number(_ key: String, in range: QuantityRange) -> Double {
        guard let value = require(key) else { return range.lowerBound }
        return checked(value, key: key, in: range) ?? range.lowerBound
    }

    /// An optional number within `range`: nil when absent or after reporting it.
    mutating func optionalNumber(_ key: String, in range: QuantityRange) -> Double? {
        guard let value = raw(key) else { return nil }
        return checked(value, key: key, in: range)
    }

    /// A required time within `range`.
    mutating func time(_ key: String, in range: QuantityRange) -> Time { Time(si: number(key, in: range)) }

    /// A required whole number within `range`.
    mutating func int(_ key: String, in range: CountRange) -> Int {
        int(key, min: range.bounds.lowerBound, max: range.bounds.upperBound)
    }

    /// A number standing for a value in `range`, reported at its position when it is not.
    func checked(_ value: LocatedJSON, key: String, in range: QuantityRange) -> Double? {
        checked(value, path: path(key), in: range)
    }

    func checked(_ value: LocatedJSON, path: String, in range: QuantityRange) -> Double? {
        guard case .number(let n, let position) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(path)` must be a number", at: value.position)
            return nil
        }
        guard range.contains(n) else {
            context.outOfRange(path, n, range, at: position)
            return nil
        }
        return n
    }
}
