import TwinDiagnostics
import TwinJSON
import TwinVocabulary

/// twin.json's closed sets read once, at the member: a name twinc does not know is a
/// TK005 at the member, naming its JSON path and listing the known names, and every
/// later stage switches over the enum, so the compiler (not a search for string
/// literals) checks each stage handles each case. An unknown name reads as a fallback
/// after its error, so the rest of the document is still checked (the config is
/// refused anyway).
extension JSONObjectReader {
    /// `mac.access`: `csma-ca`, `scheduled`, `ble` or `wideband` (the older spellings
    /// `csma` and `contention` read as `csma-ca`).
    mutating func accessMode(_ key: String) -> AccessMode {
        vocabulary(key, known: AccessMode.allCases.map(\.rawValue), fallback: .csmaCA, AccessMode.init(twinJSON:))
    }

    /// A radio's or a link's `technology` (`ban-nb`, `ble`, `wlan`, …).
    mutating func technology(_ key: String) -> Technology {
        vocabulary(key, known: Technology.allCases.map(\.rawValue), fallback: .banNB, Technology.init(rawValue:))
    }

    /// A scenario's `kind`: `baseline`, a fault's or a threat's name, or `script`.
    mutating func scenarioKind(_ key: String) -> ScenarioKind {
        vocabulary(key, known: ScenarioKind.allCases.map(\.name), fallback: .script, ScenarioKind.init(twinJSON:))
    }

    /// A scenario event's `kind`: a fault's or a threat's name (a denial of service as
    /// `dos`; the older `node-failure`, `posture` and `denial-of-service` also read).
    mutating func scenarioEventKind(_ key: String) -> ScenarioEventKind {
        vocabulary(key, known: ScenarioEventKind.allCases.map(\.name), fallback: .fault(.gatewayFailure),
                   ScenarioEventKind.init(twinJSON:))
    }

    /// A device's or gateway's `placement` (`chest`, `wrist-left`, `off-body`, …; the
    /// short names of older hand-written twins, `hip`, `pocket`, `implant`, also read).
    mutating func placement(_ key: String) -> Placement {
        vocabulary(key, known: Placement.allCases.map(\.rawValue), fallback: .offBody, Placement.init(twinJSON:))
    }

    /// A member naming one case of a closed set whose raw values are its twin.json names.
    mutating func closedSet<Value>(_ key: String, fallback: Value) -> Value
    where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
        vocabulary(key, known: Value.allCases.map(\.rawValue), fallback: fallback, Value.init(rawValue:))
    }

    /// An optional member naming one case of a closed set; absent (or, as older files
    /// wrote "none", empty) reads as nil.
    mutating func optionalClosedSet<Value>(_ key: String) -> Value?
    where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
        switch raw(key) {
        case nil, .string("", _)?: return nil
        default: break
        }
        return vocabulary(key, known: Value.allCases.map(\.rawValue), fallback: Value?.none) { name in
            Value(rawValue: name).map { Optional($0) }
        }
    }

    /// An array member whose items each name one case of a closed set.
    mutating func closedSetList<Value>(_ key: String) -> [Value]
    where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
        vocabularyList(key, known: Value.allCases.map(\.rawValue), Value.init(rawValue:))
    }

    /// A string member naming one of a closed set: `parse` maps a name (with any older
    /// spellings) to its value. TK004 when it is not a string, TK005 when `parse` does
    /// not know the name; `fallback` after either.
    mutating func vocabulary<Value>(_ key: String, known: [String], fallback: Value,
                                    _ parse: (String) -> Value?) -> Value {
        guard let value = require(key) else { return fallback }
        return vocabularyValue(value, path: sub(key), known: known, fallback: fallback, parse)
    }

    /// An array member whose items each name one of a closed set (a goal's `threats`,
    /// `faults`); an item twinc does not know is a TK005 at it and is dropped.
    mutating func vocabularyList<Value>(_ key: String, known: [String], _ parse: (String) -> Value?) -> [Value] {
        array(key).compactMap { item, itemPath in
            // Value? as the value read, nil (dropped) after the error.
            vocabularyValue(item, path: itemPath, known: known, fallback: Value?.none) { name in
                parse(name).map { Optional($0) }
            }
        }
    }

    private func vocabularyValue<Value>(_ value: LocatedJSON, path: String, known: [String], fallback: Value,
                                        _ parse: (String) -> Value?) -> Value {
        guard case .string(let name, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(path)` must be a string", at: value.position)
            return fallback
        }
        guard let parsed = parse(name) else {
            let list = known.map { "`\($0)`" }.joined(separator: ", ")
            context.error(ConfigDiagnostics.outOfRange, "`\(path)` is `\(name)`, not one of \(list)", at: value.position)
            return fallback
        }
        return parsed
    }
}
