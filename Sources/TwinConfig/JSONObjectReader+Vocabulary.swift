import TwinDiagnostics
import TwinJSON
import TwinVocabulary

/// twin.json's closed sets read once, at the member: a name twinc does not know is a
/// TK005 that lists the known ones, and every later stage switches over the enum, so
/// the compiler (not a search for string literals) checks each stage handles each case.
extension JSONObjectReader {
    /// `mac.access`: `csma-ca`, `scheduled`, `ble` or `wideband` (the older spellings
    /// `csma` and `contention` read as `csma-ca`). An unknown name reads as `csma-ca`
    /// after its error, so the rest of the device is still checked.
    mutating func accessMode(_ key: String) -> AccessMode {
        guard let value = require(key) else { return .csmaCA }
        guard case .string(let name, _) = value else {
            context.error(ConfigDiagnostics.wrongType, "`\(sub(key))` must be a string", at: value.position)
            return .csmaCA
        }
        guard let mode = AccessMode(twinJSON: name) else {
            let known = AccessMode.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            context.error(ConfigDiagnostics.outOfRange, "`\(sub(key))` is `\(name)`, not one of \(known)", at: value.position)
            return .csmaCA
        }
        return mode
    }
}
