import Testing
import TwinDiagnostics
import TwinJSON

private let code = DiagnosticCode("TX001", title: "unknown key", explanation: "Long help.")

private func sample() -> (Diagnostic, SourceStore) {
    var store = SourceStore()
    store.add(file: "a.yaml", text: "twin: 1\nkind: intent\n  latncy: 250 ms\n")
    let range = SourceRange(file: "a.yaml", start: SourcePosition(line: 3, column: 3),
                            end: SourcePosition(line: 3, column: 9))
    let diagnostic = Diagnostic.error(
        code, "unknown key `latncy`", at: range,
        notes: [DiagnosticNote("did you mean `latency`?"),
                DiagnosticNote("first defined here", at: SourceRange(file: "a.yaml", line: 1, column: 1))])
    return (diagnostic, store)
}

@Suite struct TextRendererTests {
    @Test func printsGCCStyleHeaderSourceAndCaret() {
        let (diagnostic, store) = sample()
        let text = TextRenderer().render(diagnostic, sources: store)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "a.yaml:3:3: error[TX001]: unknown key `latncy`")
        #expect(lines[1] == "   3 |   latncy: 250 ms")
        #expect(lines[2] == "     |   ^~~~~~")
        #expect(lines[3] == "  note: did you mean `latency`?")
        #expect(lines[4] == "a.yaml:1:1: note: first defined here")
        #expect(lines[5] == "   1 | twin: 1")
        #expect(lines[6] == "     | ^")
    }

    @Test func summaryCountsErrorsAndWarnings() {
        let (diagnostic, _) = sample()
        var warning = diagnostic
        warning.severity = .warning
        #expect(TextRenderer().summary([diagnostic, diagnostic, warning]) == "2 errors, 1 warning generated.")
        #expect(TextRenderer().summary([]) == nil)
    }
}

@Suite struct MachineRendererTests {
    @Test func githubEscapesMessageAndProperties() {
        var (diagnostic, _) = sample()
        diagnostic.message = "50% bad\nline, two: x"
        diagnostic.range?.file = "dir,with:odd.yaml"
        let line = GitHubRenderer().render(diagnostic)
        #expect(line.hasPrefix("::error file=dir%2Cwith%3Aodd.yaml,line=3,col=3,endLine=3,endColumn=9,title=TX001 unknown key::"))
        #expect(line.contains("50%25 bad%0Aline, two: x%0Anote: did you mean `latency`?"))
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false)
    }

    @Test func sarifHasRulesLevelsAndRegions() throws {
        let (diagnostic, _) = sample()
        let log = SARIFRenderer(toolVersion: "1.0").value([diagnostic])
        #expect(log["version"] == "2.1.0")
        let run = try #require(log["runs"]?.arrayValue?.first)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.first?["id"] == "TX001")
        #expect(rules.first?["name"] == "UnknownKey")
        let result = try #require(run["results"]?.arrayValue?.first)
        #expect(result["level"] == "error")
        #expect(result["ruleIndex"] == 0)
        let region = try #require(result["locations"]?.arrayValue?.first?["physicalLocation"]?["region"])
        #expect(region["startLine"] == 3)
        #expect(region["startColumn"] == 3)
        #expect(region["endColumn"] == 9)
        #expect(result["relatedLocations"]?.arrayValue?.count == 1)
    }

    @Test func jsonCarriesTheSameValues() throws {
        let (diagnostic, _) = sample()
        let value = JSONRenderer().value([diagnostic])
        let first = try #require(value["diagnostics"]?.arrayValue?.first)
        #expect(first["code"] == "TX001")
        #expect(first["location"]?["line"] == 3)
        #expect(value["summary"]?["errors"] == 1)
    }

    @Test func canonicalJSONSortsKeysAndFormatsNumbers() {
        let value: JSONValue = .object([("b", 1.5), ("a", .int(2)), ("c", .string("x\n\u{1}"))])
        #expect(JSONWriter(pretty: false, sortKeys: true).string(value) == #"{"a":2,"b":1.5,"c":"x\n\u0001"}"#)
        #expect(JSONWriter.format(1e-6) == "1e-06")
        #expect(JSONWriter.format(-0.0) == "0")
        #expect(JSONWriter.format(.nan) == "null")
    }
}
