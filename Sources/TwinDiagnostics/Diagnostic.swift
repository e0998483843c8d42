/// How serious a diagnostic is. Errors stop the pipeline between stages; warnings
/// never change the exit status; notes only appear attached to another diagnostic.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, optionally with its own location
/// ("first defined here", "did you mean `latency`?").
public struct DiagnosticNote: Hashable, Sendable {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = MessageElision.elide(message)
        self.range = range
    }
}

/// A machine-applicable suggestion: replace the text in `range` with `replacement`.
public struct FixIt: Hashable, Sendable {
    public var message: String
    public var range: SourceRange
    public var replacement: String

    public init(_ message: String, range: SourceRange, replacement: String) {
        self.message = MessageElision.elide(message)
        self.range = range
        self.replacement = replacement
    }
}

/// One finding about user input. It is a plain value: stages return arrays of them and
/// every renderer (text, JSON, SARIF, GitHub) formats the same values, so the four
/// outputs can never disagree.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var range: SourceRange?
    public var notes: [DiagnosticNote]
    public var fix: FixIt?

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ message: String,
        at range: SourceRange?,
        notes: [DiagnosticNote] = [],
        fix: FixIt? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = MessageElision.elide(message)
        self.range = range
        self.notes = notes
        self.fix = fix
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange?,
        notes: [DiagnosticNote] = [], fix: FixIt? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: range, notes: notes, fix: fix)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange?,
        notes: [DiagnosticNote] = [], fix: FixIt? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: range, notes: notes, fix: fix)
    }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error: the signal to stop before the next stage.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable presentation order: by file, line, column, then code, so output never
    /// depends on the order in which checks happened to run.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let l = lhs.element, r = rhs.element
            let lf = l.range?.file ?? "", rf = r.range?.file ?? ""
            if lf != rf { return lf < rf }
            let lp = l.range?.start ?? SourcePosition(line: 0, column: 0)
            let rp = r.range?.start ?? SourcePosition(line: 0, column: 0)
            if lp != rp { return lp < rp }
            if l.code.id != r.code.id { return l.code.id < r.code.id }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
