import Foundation
import Testing
import TwinDiagnostics
import TwinSpec
import TwinYAML

/// Shared helpers: parse and read a document from text or from a file, locate the
/// package's bundled templates and the test fixtures.
enum Support {
    /// The package root (this file is Tests/TwinSpecTests/Support.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixtures: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? packageRoot.appendingPathComponent("Tests/TwinSpecTests/Fixtures")
    }

    /// Every `.yaml` file under a package folder (`Templates`, `Intents`), sorted.
    static func bundledFiles(_ folder: String) -> [URL] {
        yamlFiles(in: packageRoot.appendingPathComponent(folder))
    }

    static func yamlFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    struct Outcome {
        var document: SpecDocument?
        var diagnostics: [Diagnostic]
        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        var codes: [String] { errors.map(\.code.id) }
    }

    /// Parses and reads one text; parse diagnostics are included.
    static func read(_ text: String, file: String = "test.yaml") -> Outcome {
        let parsed = parseYAML(text: text, file: file)
        guard let document = parsed.document else { return Outcome(document: nil, diagnostics: parsed.diagnostics) }
        let (typed, diagnostics) = readDocument(document)
        return Outcome(document: typed, diagnostics: parsed.diagnostics + diagnostics)
    }

    static func read(file url: URL) throws -> Outcome {
        read(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
    }

    /// Renders diagnostics for a failing expectation's message.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { d in
            "\(d.range?.description ?? "-"): \(d.severity) \(d.code.id): \(d.message)"
                + d.notes.map { "\n    note: \($0.message)" }.joined()
        }.joined(separator: "\n")
    }
}
