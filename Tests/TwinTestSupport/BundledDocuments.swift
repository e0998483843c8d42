import Foundation
import TwinDiagnostics
import TwinSpec
import TwinYAML

/// Reads the repository's Templates/*.yaml and Intents/*.yaml (found relative to this
/// file) through the normal YAML + spec pipeline.
public enum BundledDocuments {
    /// The bundled intents with the use case each compiles against.
    public static let pairs = [("icu-monitoring", "proactive-qa"), ("field-triage", "first-responder"),
                               ("immersive-session", "ar-gaming")]

    /// The intent and use case of one of `pairs`.
    public static func documents(_ pair: (String, String)) throws -> (Intent, UseCase) {
        (try intent(pair.0), try useCase(pair.1))
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static func read(_ relativePath: String) throws -> SpecDocument {
        let url = repositoryRoot.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(text, file: relativePath)
    }

    public static func parse(_ text: String, file: String) throws -> SpecDocument {
        let parsed = parseYAML(text: text, file: file)
        guard let yaml = parsed.document, !parsed.diagnostics.hasErrors else {
            throw LoadError(description: "\(file): \(parsed.diagnostics.map(\.message))")
        }
        let (typed, diagnostics) = readDocument(yaml)
        guard let typed else {
            throw LoadError(description: "\(file): \(diagnostics.map { "\($0.range?.description ?? "") \($0.message)" })")
        }
        return typed
    }

    public static func all() throws -> [SpecDocument] {
        let fm = FileManager.default
        var documents: [SpecDocument] = []
        for folder in ["Templates", "Intents"] {
            let names = try fm.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".yaml") }.sorted()
            for name in names { documents.append(try read("\(folder)/\(name)")) }
        }
        return documents
    }

    public static func intent(_ name: String) throws -> Intent {
        guard case .intent(let intent) = try read("Intents/\(name).yaml") else {
            throw LoadError(description: "\(name) is not an intent")
        }
        return intent
    }

    public static func useCase(_ name: String) throws -> UseCase {
        guard case .usecase(let useCase) = try read("Templates/\(name).yaml") else {
            throw LoadError(description: "\(name) is not a use case")
        }
        return useCase
    }
}
