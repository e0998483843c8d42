import Foundation
import Testing
import TwinJSON

/// Every bad input of the corpus, validated by the built binary: the rendered text
/// (stderr) and SARIF (stdout) must match the golden files, the exit status must be 65,
/// and together the corpus must exercise at least 25 distinct error codes.
@Suite struct DiagnosticGoldenTests {
    static let corpora = ["Tests/Corpus/bad-yaml", "Tests/TwinSpecTests/Fixtures/bad"]

    static var inputs: [String] {
        corpora.flatMap { folder -> [String] in
            let url = Twinc.repositoryRoot.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        }
    }

    /// Workspace-level fixtures need the good ward documents beside them.
    static func arguments(for input: String) -> [String] {
        input.contains("workspace") ? [input, "Tests/TwinSpecTests/Fixtures/good/ward.yaml"] : [input]
    }

    static func goldenName(_ input: String) -> String {
        let folder = input.contains("bad-yaml") ? "yaml" : "spec"
        let base = (input as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
        return "\(folder)/\(base)"
    }

    @Test(arguments: inputs)
    func renderedDiagnosticsMatchGolden(input: String) throws {
        let text = try Twinc.run(["validate"] + Self.arguments(for: input))
        // A fixture that only warns (TS019) exits 0; every other one has an error.
        let expected: Int32 = text.stderr.contains(" error[") ? 65 : 0
        #expect(text.stderr.contains("warning[") || expected == 65, "\(input): neither error nor warning")
        #expect(text.status == expected, "\(input): exit \(text.status)\n\(text.stderr)")
        try expectGolden(text.stderr, named: Self.goldenName(input) + ".txt")
        let sarif = try Twinc.run(["validate", "--format", "sarif"] + Self.arguments(for: input))
        #expect(sarif.status == expected)
        try expectGolden(sarif.stdout, named: Self.goldenName(input) + ".sarif")
    }

    @Test func corpusCoversAtLeast25ErrorCodes() throws {
        var codes: Set<String> = []
        for input in Self.inputs {
            let result = try Twinc.run(["validate", "--format", "json"] + Self.arguments(for: input))
            let value = try JSONParser.parse(result.stdout).get().value
            for diagnostic in value["diagnostics"]?.arrayValue ?? [] where diagnostic["severity"] == "error" {
                if let code = diagnostic["code"]?.stringValue { codes.insert(code) }
            }
        }
        #expect(codes.count >= 25, "only \(codes.count) codes: \(codes.sorted())")
    }
}
