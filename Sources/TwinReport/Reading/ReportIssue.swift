import TwinJSON

/// One step of a path into the results JSON: a member name or an array index.
public enum JSONPathStep: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// A member of the results JSON the report could not use (wrong type, out of range):
/// the page is still drawn without it, and the driver turns the issue into a warning
/// at the member's line and column. Kept as a JSON path rather than a position because
/// the renderer works on plain `JSONValue`s (positions live in the driver's parse).
public struct ReportIssue: Sendable, Hashable {
    public var path: [JSONPathStep]
    public var message: String

    public init(path: [JSONPathStep], message: String) {
        self.path = path
        self.message = message
    }

    /// `applications.energy.devices[2].lifetime_s`, the way the contract names members.
    public var pathText: String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }
}

/// Collects issues while the sections read their members. A reference so every
/// cursor handed down the sections appends to the same list; one log per rendering,
/// never shared between renderings.
final class IssueLog {
    private(set) var issues: [ReportIssue] = []

    func record(_ path: [JSONPathStep], _ message: String) {
        issues.append(ReportIssue(path: path, message: message))
    }
}
