import TwinJSON

/// Renders diagnostics as a JSON document for tools that are not SARIF-aware:
/// `{"diagnostics": [...], "summary": {"errors": N, "warnings": N}, "version": 1}`.
public struct JSONRenderer: Sendable {
    public init() {}

    /// `notShown`: diagnostics found beyond the per-file cap, counted in the summary.
    public func render(_ diagnostics: [Diagnostic], notShown: DroppedDiagnostics = DroppedDiagnostics()) -> String {
        JSONWriter.canonical.string(value(diagnostics, notShown: notShown))
    }

    public func value(_ diagnostics: [Diagnostic], notShown: DroppedDiagnostics = DroppedDiagnostics()) -> JSONValue {
        .object([
            "version": .int(1),
            "diagnostics": .array(diagnostics.map(value)),
            "summary": .object([
                "errors": .int(diagnostics.filter { $0.severity == .error }.count + notShown.errors),
                "warnings": .int(diagnostics.filter { $0.severity == .warning }.count + notShown.warnings),
            ]),
        ])
    }

    public func value(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code.id),
            "title": .string(diagnostic.code.title),
            "message": .string(diagnostic.message),
            "location": diagnostic.range.map(location),
            "notes": .array(diagnostic.notes.map { note in
                .object(["message": .string(note.message), "location": note.range.map(location)])
            }),
            "fix": diagnostic.fix.map { fix in
                .object([
                    "message": .string(fix.message),
                    "replacement": .string(fix.replacement),
                    "location": location(fix.range),
                ])
            },
        ])
    }

    private func location(_ range: SourceRange) -> JSONValue {
        .object([
            "file": .string(range.file),
            "line": .int(range.start.line),
            "column": .int(range.start.column),
            "endLine": .int(range.end.line),
            "endColumn": .int(range.end.column),
        ])
    }
}
