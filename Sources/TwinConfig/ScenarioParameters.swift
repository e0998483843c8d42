import TwinJSON
import TwinUnits

extension JSONObjectReader {
    /// A scenario event's `parameters`: each a known name (`power_dBm`, `rate_per_s`,
    /// `on_s`, …) with a value in its declared range (`DeclaredRanges.scenarioParameter`).
    /// An unknown name is reported rather than ignored: the runtime would silently use
    /// its default, and a jammer's `on_s` of a nanosecond would flood the event queue.
    mutating func scenarioParameters(_ key: String) -> [String: Double] {
        let all = numberMap(key)
        var kept: [String: Double] = [:]
        guard let members = raw(key), case .object(let list, _) = members else { return kept }
        let base = path.isEmpty ? key : "\(path).\(key)"
        for member in list where all[member.key] != nil {  // a non-number is reported by `numberMap`
            guard let range = DeclaredRanges.scenarioParameter(member.key) else {
                context.error(ConfigDiagnostics.unknownMember, "unknown scenario parameter `\(base).\(member.key)`",
                              at: member.keyPosition)
                continue
            }
            if let value = checked(member.value, path: "\(base).\(member.key)", in: range) { kept[member.key] = value }
        }
        return kept
    }
}
