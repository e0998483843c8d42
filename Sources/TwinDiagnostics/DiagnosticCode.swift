/// A stable diagnostic code such as `TY003`. The id never changes once published (CI
/// scripts and SARIF consumers key on it); `title` is the one-line rule name used in
/// SARIF `rules`, and `explanation` is the long help `twinc explain CODE` prints.
///
/// Each pipeline stage owns one catalogue (an enum of static codes) so a code's prefix
/// tells which stage raised it: `TY` YAML, `TS` spec/checker, `TU` units, `TP` synthesis
/// (plan), `TG` generation, `TR` runtime, `TC` command line and files.
public struct DiagnosticCode: Hashable, Sendable {
    public let id: String
    public let title: String
    public let explanation: String

    public init(_ id: String, title: String, explanation: String) {
        self.id = id
        self.title = title
        self.explanation = explanation
    }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A stage's catalogue of codes, so `twinc explain` and SARIF rule tables can list
/// every code without a global registry.
public protocol DiagnosticCatalogue {
    static var all: [DiagnosticCode] { get }
}
