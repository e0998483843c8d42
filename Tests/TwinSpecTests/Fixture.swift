import Foundation
import Testing
import TwinDiagnostics
import TwinSpec

/// A fixture file and what its header comments promise:
///
///     # check: intent reject        ← the schema kind, and whether check-jsonschema rejects it
///     # stage: document             ← `document` (readDocument) or `workspace` (checkWorkspace)
///     # expect: TS008 14:5          ← each diagnostic, with `warning` after warnings
struct Fixture: CustomTestStringConvertible {
    struct Expectation: Hashable, Comparable, CustomStringConvertible {
        var code: String
        var line: Int
        var column: Int
        var severity: Severity

        static func < (a: Self, b: Self) -> Bool {
            (a.line, a.column, a.code) < (b.line, b.column, b.code)
        }

        var description: String { "\(code) \(line):\(column)\(severity == .warning ? " warning" : "")" }

        init(code: String, line: Int, column: Int, severity: Severity) {
            self.code = code
            self.line = line
            self.column = column
            self.severity = severity
        }

        init?(_ diagnostic: Diagnostic) {
            guard let range = diagnostic.range else { return nil }
            self.init(code: diagnostic.code.id, line: range.start.line, column: range.start.column,
                      severity: diagnostic.severity)
        }
    }

    var url: URL
    var kind: DocumentKind
    var schemaAccepts: Bool
    var isWorkspaceStage: Bool
    var expected: [Expectation]

    var name: String { url.deletingPathExtension().lastPathComponent }
    var testDescription: String { name }

    init(_ url: URL) throws {
        self.url = url
        let text = try String(contentsOf: url, encoding: .utf8)
        var kind = DocumentKind.usecase, accepts = true, workspace = false
        var expected: [Expectation] = []
        for line in text.split(separator: "\n") where line.hasPrefix("# ") {
            let words = line.dropFirst(2).split(separator: " ").map(String.init)
            switch words.first {
            case "check:" where words.count == 3:
                kind = DocumentKind(rawValue: words[1]) ?? .usecase
                accepts = words[2] == "accept"
            case "stage:" where words.count == 2:
                workspace = words[1] == "workspace"
            case "expect:" where words.count >= 3:
                let position = words[2].split(separator: ":").compactMap { Int($0) }
                guard position.count == 2 else { continue }
                expected.append(Expectation(
                    code: words[1], line: position[0], column: position[1],
                    severity: words.count > 3 && words[3] == "warning" ? .warning : .error))
            default: continue
            }
        }
        self.kind = kind
        self.schemaAccepts = accepts
        self.isWorkspaceStage = workspace
        self.expected = expected.sorted()
    }

    static func all(_ folder: String) -> [Fixture] {
        Support.yamlFiles(in: Support.fixtures.appendingPathComponent(folder)).compactMap { try? Fixture($0) }
    }

    /// The documents of `good/` and the index of `builtin/` that workspace fixtures are
    /// checked with.
    static func workspaceContext() throws -> (documents: [SpecDocument], builtIn: CatalogueIndex) {
        let documents = try all("good").compactMap { try Support.read(file: $0.url).document }
        let builtIn = try all("builtin").compactMap { fixture -> Catalogue? in
            if case .catalogue(let c)? = try Support.read(file: fixture.url).document { return c }
            return nil
        }
        return (documents, CatalogueIndex(catalogues: builtIn))
    }
}
