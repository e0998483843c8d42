import Testing
import TwinDiagnostics
@testable import TwinYAML

private func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLParseResult {
    parseYAML(text: text, file: "t.yaml", limits: limits)
}

@Suite struct NodeTreeTests {
    @Test func keepsLineAndColumnOfEveryNode() throws {
        let result = parse("twin: 1\nkind: usecase\nnetwork:\n  devices:\n    - id: ecg\n")
        let root = try #require(result.document?.root)
        #expect(root.range.start.line == 1 && root.range.start.column == 1)
        let devices = try #require(root["network"]?["devices"]?.sequence)
        let id = try #require(devices.first?.mapping?.first)
        #expect(id.key.range.start.line == 5)
        #expect(id.key.range.start.column == 7)
        #expect(id.value.range.start.column == 11)
        #expect(id.value.range.end.column == 14)
    }

    @Test func resolvesYAML12CoreSchema() throws {
        let text = "a: no\nb: true\nc: 42\nd: 2.5\ne: ~\nf: '7'\ng: 0x1F\nh: .inf\ni: 1e3\n"
        let root = try #require(parse(text).document?.root)
        #expect(root["a"]?.scalar?.value == .string("no"))
        #expect(root["b"]?.scalar?.value == .bool(true))
        #expect(root["c"]?.scalar?.value == .int(42))
        #expect(root["d"]?.scalar?.value == .float(2.5))
        #expect(root["e"]?.scalar?.value == .null)
        #expect(root["f"]?.scalar?.value == .string("7"))
        #expect(root["g"]?.scalar?.value == .int(31))
        #expect(root["h"]?.scalar?.value == .float(.infinity))
        #expect(root["i"]?.scalar?.value == .float(1000))
    }

    @Test func warnsWhereYAML11ReadsDifferently() {
        let result = parse("country: no\nmode: 0777\nquoted: 'yes'\n")
        let warnings = result.diagnostics.filter { $0.code == YAMLDiagnostics.yaml11Ambiguity }
        #expect(warnings.count == 2)
        #expect(warnings.first?.range?.start.line == 1)
        #expect(warnings.first?.fix?.replacement == "\"no\"")
        #expect(result.document != nil)
    }

    @Test func emptyFileHasNoRoot() {
        let result = parse("")
        #expect(result.diagnostics.isEmpty)
        #expect(result.document != nil)
        #expect(result.document?.root == nil)
    }
}

@Suite struct YAMLErrorTests {
    @Test func duplicateKeyPointsAtBothPlaces() throws {
        let result = parse("a: 1\nb: 2\na: 3\n")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == YAMLDiagnostics.duplicateKey)
        #expect(error.range?.start.line == 3)
        #expect(error.notes.first?.range?.start.line == 1)
        #expect(result.document == nil)
    }

    @Test func syntaxErrorNamesItsContext() throws {
        let result = parse("a: [1, 2\nb: 3\n")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == YAMLDiagnostics.syntax)
        #expect(error.message.contains("while parsing a flow sequence started at 1:4"))
        #expect(error.notes.first?.range?.start == SourcePosition(line: 1, column: 4))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var result: YAMLParseResult?
        let elapsed = clock.measure { result = parse(text) }
        let error = try #require(result?.diagnostics.first)
        #expect(error.code == YAMLDiagnostics.expansionTooLarge)
        #expect(result?.document == nil)
        #expect(elapsed < .seconds(1))
    }

    /// A document too big without any alias is TY014, not the alias-bomb TY006 (a 51 MB
    /// use case of 117,000 devices got the alias message).
    @Test func tooManyPlainNodesAreNotCalledAnAliasBomb() throws {
        let plain = parse("[" + Array(repeating: "1", count: 50).joined(separator: ", ") + "]\n",
                          limits: YAMLLimits(maxExpandedNodes: 20))
        #expect(plain.diagnostics.map(\.code) == [YAMLDiagnostics.documentTooLarge])
        #expect(plain.diagnostics.first?.message == "the document has more than 20 nodes")
        let bomb = parse("a: &a [1, 2, 3, 4]\nb: [*a, *a, *a, *a, *a, *a]\n", limits: YAMLLimits(maxExpandedNodes: 20))
        #expect(bomb.diagnostics.map(\.code) == [YAMLDiagnostics.expansionTooLarge])
    }

    /// A file with an error on every line keeps the first `cap` diagnostics and counts
    /// the rest, without building them.
    @Test func diagnosticsBeyondTheCapAreCountedNotKept() {
        let text = "a: 1\n" + String(repeating: "a: 2\n", count: 500)
        let result = parse(text, limits: YAMLLimits(diagnosticCap: DiagnosticCap(perFile: 10)))
        #expect(result.diagnostics.count == 10)
        #expect(result.dropped == DroppedDiagnostics(errors: 490))
        #expect(result.document == nil)
    }

    @Test func aliasCountIsCapped() throws {
        let text = "a: &x 1\nb: [" + Array(repeating: "*x", count: 20).joined(separator: ", ") + "]\n"
        let result = parse(text, limits: YAMLLimits(maxAliases: 10))
        #expect(result.diagnostics.first?.code == YAMLDiagnostics.tooManyAliases)
    }

    @Test func aliasesExpandWithinLimits() throws {
        let root = try #require(parse("base: &b {x: 1}\nother: *b\n").document?.root)
        #expect(root["other"]?["x"]?.scalar?.value == .int(1))
        #expect(root["other"]?.range.start.line == 2)
    }

    @Test func depthIsCapped() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(parse(text).diagnostics.first?.code == YAMLDiagnostics.tooDeep)
    }

    @Test func mergeKeysAreRefused() {
        let result = parse("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n")
        let error = result.diagnostics.first
        #expect(error?.code == YAMLDiagnostics.mergeKey)
        #expect(error?.range?.start.line == 3)
    }

    @Test func unknownTagsAreRefused() {
        let result = parse("a: !python/object 1\nb: !!int 7\n")
        #expect(result.diagnostics.map(\.code) == [YAMLDiagnostics.unknownTag])
    }

    @Test func tagValueMismatch() {
        #expect(parse("a: !!int seven\n").diagnostics.first?.code == YAMLDiagnostics.tagMismatch)
    }

    @Test func undefinedAndRecursiveAliases() {
        #expect(parse("a: *nothing\n").diagnostics.first?.code == YAMLDiagnostics.undefinedAlias)
        #expect(parse("a: &r [*r]\n").diagnostics.first?.message.contains("recursive") == true)
    }

    @Test func oneDocumentPerFile() {
        let result = parse("a: 1\n---\nb: 2\n")
        #expect(result.diagnostics.first?.code == YAMLDiagnostics.multipleDocuments)
        #expect(result.diagnostics.first?.range?.start.line == 2)
    }

    @Test func complexKeysAreRefused() {
        #expect(parse("? [a, b]\n: 1\n").diagnostics.first?.code == YAMLDiagnostics.complexKey)
    }

    @Test func invalidUTF8IsAnEncodingError() {
        let bytes: [UInt8] = Array("a: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        // Swift repairs invalid UTF-8 on decoding; libyaml then reads the replacement
        // characters fine, so this documents that the CLI must check encoding itself.
        #expect(parse(text).document != nil)
    }

    @Test func collectsSeveralErrorsOfTheStage() {
        let result = parse("a: 1\na: 2\nb: !!int x\nc: 1\nc: 2\n")
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 3)
    }
}
