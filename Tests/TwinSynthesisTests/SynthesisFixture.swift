import Foundation
import Testing
import TwinDiagnostics
import TwinSpec
import TwinSynthesis
import TwinTestSupport
import TwinYAML

/// One intent fixture under `Fixtures/intents` with the use case it names and the TP
/// diagnostics it must produce, written in its header:
///
///     # usecase: base-ward.yaml            ← a file in Fixtures/usecases
///     # expect: TP009 warning 18:13        ← code, `warning` for warnings, line:column
///     # expect: TP007 busy-phone.yaml 48:11  ← a diagnostic in another file
///
/// A fixture without `expect` lines must synthesise without any TP diagnostic.
struct SynthesisFixture: Sendable, CustomTestStringConvertible {
    struct Expectation: Hashable, Comparable, Sendable, CustomStringConvertible {
        var code: String
        var severity: Severity
        var file: String
        var line: Int
        var column: Int

        static func < (a: Self, b: Self) -> Bool {
            (a.file, a.line, a.column, a.code) < (b.file, b.line, b.column, b.code)
        }

        var description: String { "\(code) \(severity) \(file):\(line):\(column)" }

        init(code: String, severity: Severity, file: String, line: Int, column: Int) {
            self.code = code
            self.severity = severity
            self.file = file
            self.line = line
            self.column = column
        }

        init?(_ diagnostic: Diagnostic) {
            guard diagnostic.code.id.hasPrefix("TP"), let range = diagnostic.range else { return nil }
            self.init(code: diagnostic.code.id, severity: diagnostic.severity, file: range.file,
                      line: range.start.line, column: range.start.column)
        }
    }

    var url: URL
    var useCaseFile: String
    var expected: [Expectation]

    var name: String { url.lastPathComponent }
    var testDescription: String { name }

    static var folder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? BundledDocuments.repositoryRoot.appendingPathComponent("Tests/TwinSynthesisTests/Fixtures")
    }

    static func all() -> [SynthesisFixture] {
        let intents = folder.appendingPathComponent("intents")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: intents.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            let url = intents.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            var useCase = ""
            var expected: [Expectation] = []
            for line in text.split(separator: "\n") where line.hasPrefix("#") {
                let words = line.dropFirst().split(separator: " ").map(String.init)
                if words.first == "usecase:", words.count == 2 { useCase = words[1] }
                guard words.first == "expect:", words.count >= 3, let position = words.last else { continue }
                let parts = position.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2 else { continue }
                let middle = words.dropFirst(2).dropLast()
                expected.append(Expectation(
                    code: words[1], severity: middle.contains("warning") ? .warning : .error,
                    file: middle.first { $0.hasSuffix(".yaml") } ?? name, line: parts[0], column: parts[1]))
            }
            return SynthesisFixture(url: url, useCaseFile: useCase, expected: expected.sorted())
        }
    }

    func documents() throws -> (intent: Intent, useCase: UseCase) {
        let useCaseURL = Self.folder.appendingPathComponent("usecases").appendingPathComponent(useCaseFile)
        let intentDocument = try BundledDocuments.parse(String(contentsOf: url, encoding: .utf8), file: name)
        let useCaseDocument = try BundledDocuments.parse(String(contentsOf: useCaseURL, encoding: .utf8), file: useCaseFile)
        guard case .intent(let intent) = intentDocument, case .usecase(let useCase) = useCaseDocument else {
            throw BundledDocuments.LoadError(description: "\(name) must be an intent and \(useCaseFile) a use case")
        }
        return (intent, useCase)
    }

    /// Diagnostics of the earlier stages (reading and workspace checks) must be clean, so
    /// that what the test sees is the synthesis stage's alone.
    func checkedDocuments() throws -> (intent: Intent, useCase: UseCase, earlier: [Diagnostic]) {
        let (intent, useCase) = try documents()
        let earlier = checkWorkspace([.usecase(useCase), .intent(intent)], builtIn: BuiltinCatalogue.index())
        return (intent, useCase, earlier)
    }
}

/// Renders diagnostics for a failing expectation's message.
func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { d in
        "\(d.range?.description ?? "-"): \(d.severity) \(d.code.id): \(d.message)" + d.notes.map { "\n    note: \($0.message)" }.joined()
    }.joined(separator: "\n")
}
