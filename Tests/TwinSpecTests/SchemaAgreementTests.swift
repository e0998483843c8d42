import Foundation
import Testing
import TwinSpec

/// `check-jsonschema` (the Python package CI installs) with the generated schemas must
/// agree with the readers: every bundled template and intent and every good fixture is
/// accepted by both; every fixture marked `reject` is rejected by both; fixtures marked
/// `accept` are structurally fine (the schema accepts them) and only the readers'
/// semantic checks reject them, which shows the schema is not stricter than the format.
@Suite struct SchemaAgreementTests {
    static let tool: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("check-jsonschema") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Case {
        var url: URL
        var kind: DocumentKind
        var schemaAccepts: Bool
        /// Whether the readers accept it at the document stage.
        var readersAccept: Bool
    }

    static func cases() throws -> [Case] {
        var cases = Support.bundledFiles("Templates").map { Case(url: $0, kind: .usecase, schemaAccepts: true, readersAccept: true) }
        cases += Support.bundledFiles("Intents").map { Case(url: $0, kind: .intent, schemaAccepts: true, readersAccept: true) }
        for folder in ["good", "builtin"] {
            cases += Fixture.all(folder).map { Case(url: $0.url, kind: $0.kind, schemaAccepts: true, readersAccept: true) }
        }
        cases += Fixture.all("bad").map { fixture in
            Case(url: fixture.url, kind: fixture.kind, schemaAccepts: fixture.schemaAccepts,
                 readersAccept: fixture.isWorkspaceStage)
        }
        return cases
    }

    @Test(.enabled(if: tool != nil, "check-jsonschema is not on PATH (pip install check-jsonschema); CI installs it"))
    func checkJSONSchemaAgreesWithTheReaders() throws {
        let tool = try #require(Self.tool)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = try Self.cases()
        #expect(cases.count > 40)

        // The readers' verdicts.
        for c in cases {
            let outcome = try Support.read(file: c.url)
            #expect(!outcome.diagnostics.hasErrors == c.readersAccept,
                    "readers on \(c.url.lastPathComponent): \(Support.describe(outcome.diagnostics))")
        }

        // The schema's verdicts, one run per kind.
        for kind in DocumentKind.allCases {
            let schema = directory.appendingPathComponent("\(kind.rawValue).schema.json")
            try jsonSchema(for: kind).write(to: schema, atomically: true, encoding: .utf8)
            let ofKind = cases.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            let rejected = try Self.run(tool, schema: schema, files: ofKind.map(\.url))
            for c in ofKind {
                let schemaAccepts = !rejected.contains(c.url.path)
                #expect(schemaAccepts == c.schemaAccepts,
                        "check-jsonschema \(schemaAccepts ? "accepts" : "rejects") \(c.url.lastPathComponent)")
            }
        }
    }

    /// The files check-jsonschema rejects (schema errors or YAML it cannot load).
    static func run(_ tool: URL, schema: URL, files: [URL]) throws -> Set<String> {
        let process = Process()
        process.executableURL = tool
        process.arguments = ["--schemafile", schema.path, "--output-format", "JSON"] + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        // Not a pipe nobody reads: a long warning on stderr would fill it and block the tool.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                  "check-jsonschema printed no JSON report")
        let entries = (report["errors"] as? [[String: Any]] ?? []) + (report["parse_errors"] as? [[String: Any]] ?? [])
        let rejected = Set(entries.compactMap { $0["filename"] as? String })
        #expect(rejected.isEmpty == (process.terminationStatus == 0))
        return rejected
    }
}
