import TwinJSON

/// Renders diagnostics as a SARIF 2.1.0 log (OASIS), the format GitHub code scanning
/// and most CI dashboards ingest. One run, tool `twinc`; `rules` lists every code that
/// can appear (or the ones given), each with its title and long help, and results point
/// at them by id and index.
public struct SARIFRenderer: Sendable {
    public var toolVersion: String
    public var informationURI: String

    public init(toolVersion: String, informationURI: String = "https://github.com/twinc/twinc") {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    public func render(_ diagnostics: [Diagnostic], rules: [DiagnosticCode]? = nil) -> String {
        JSONWriter.canonical.string(value(diagnostics, rules: rules))
    }

    public func value(_ diagnostics: [Diagnostic], rules: [DiagnosticCode]? = nil) -> JSONValue {
        var ruleSet = rules ?? []
        for code in diagnostics.map(\.code) where !ruleSet.contains(code) { ruleSet.append(code) }
        ruleSet.sort { $0.id < $1.id }
        let index = Dictionary(uniqueKeysWithValues: ruleSet.enumerated().map { ($1.id, $0) })
        let driver: JSONValue = .object([
            "name": "twinc",
            "version": .string(toolVersion),
            "informationUri": .string(informationURI),
            "rules": .array(ruleSet.map(rule)),
        ])
        let run: JSONValue = .object([
            "tool": .object(["driver": driver]),
            "columnKind": "unicodeCodePoints",
            "results": .array(diagnostics.map { result($0, ruleIndex: index[$0.code.id] ?? 0) }),
        ])
        return .object([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": .array([run]),
        ])
    }

    private func rule(_ code: DiagnosticCode) -> JSONValue {
        .object([
            "id": .string(code.id),
            "name": .string(ruleName(code.title)),
            "shortDescription": .object(["text": .string(code.title)]),
            "fullDescription": .object(["text": .string(code.explanation)]),
            "help": .object(["text": .string(code.explanation)]),
        ])
    }

    /// SARIF rule names are identifiers: "duplicate mapping key" → "DuplicateMappingKey".
    private func ruleName(_ title: String) -> String {
        title.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
        let related = diagnostic.notes.enumerated().compactMap { offset, note -> JSONValue? in
            guard let range = note.range else { return nil }
            return .object([
                "id": .int(offset + 1),
                "message": .object(["text": .string(note.message)]),
                "physicalLocation": physicalLocation(range),
            ])
        }
        let unlocated = diagnostic.notes.filter { $0.range == nil }.map(\.message)
        let text = ([diagnostic.message] + unlocated.map { "note: \($0)" }).joined(separator: "\n")
        return .object([
            "ruleId": .string(diagnostic.code.id),
            "ruleIndex": .int(ruleIndex),
            "level": .string(level(diagnostic.severity)),
            "message": .object(["text": .string(text)]),
            "locations": diagnostic.range.map { .array([.object(["physicalLocation": physicalLocation($0)])]) },
            "relatedLocations": related.isEmpty ? nil : .array(related),
            "fixes": diagnostic.fix.map { fix in
                .array([.object([
                    "description": .object(["text": .string(fix.message)]),
                    "artifactChanges": .array([.object([
                        "artifactLocation": .object(["uri": .string(fix.range.file)]),
                        "replacements": .array([.object([
                            "deletedRegion": region(fix.range),
                            "insertedContent": .object(["text": .string(fix.replacement)]),
                        ])]),
                    ])]),
                ])])
            },
        ])
    }

    private func physicalLocation(_ range: SourceRange) -> JSONValue {
        .object([
            "artifactLocation": .object(["uri": .string(range.file)]),
            "region": region(range),
        ])
    }

    /// SARIF regions are 1-based with an exclusive end column; a zero-width range
    /// becomes one character wide so viewers have something to highlight.
    private func region(_ range: SourceRange) -> JSONValue {
        var endLine = range.end.line, endColumn = range.end.column
        if (endLine, endColumn) <= (range.start.line, range.start.column) {
            endLine = range.start.line
            endColumn = range.start.column + 1
        }
        return .object([
            "startLine": .int(range.start.line),
            "startColumn": .int(range.start.column),
            "endLine": .int(endLine),
            "endColumn": .int(endColumn),
        ])
    }
}
