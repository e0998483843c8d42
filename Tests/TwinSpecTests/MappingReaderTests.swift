import Testing
import TwinDiagnostics
import TwinUnits
import TwinVocabulary
import TwinYAML
@testable import TwinSpec

/// The reader toolkit on its own: shapes, typed accessors, consumption tracking,
/// unknown and missing keys, nested readers.
@Suite struct MappingReaderTests {
    static let inner = ObjectShape("inner", "An inner mapping.", fields: [
        FieldShape("size", .quantity(.dataSize, .positive), required: true, "Size."),
    ])
    static let shape = ObjectShape("thing", "A test mapping.", fields: [
        FieldShape("name", .identifier, required: true, "Name."),
        FieldShape("note", .text, "Note."),
        FieldShape("priority", .integer(0...7), "Priority."),
        FieldShape("cost", .number(minimum: 0, maximum: nil), "Cost."),
        FieldShape("enabled", .boolean, "Enabled."),
        FieldShape("placement", .oneOf(Placement.self), "Placement."),
        FieldShape("latency", .quantity(.time, .positive), "Latency."),
        FieldShape("tags", .listOf(.identifier, atLeast: 1), "Tags."),
        FieldShape("inner", .object(inner), "Inner."),
        FieldShape("items", .listOf(.object(inner)), "Items."),
    ])

    static func node(_ text: String) throws -> Node {
        try #require(parseYAML(text: text, file: "t.yaml").document?.root)
    }

    static func read<T>(_ text: String, _ body: (inout MappingReader) -> T) throws -> (T, [Diagnostic]) {
        var reader = MappingReader(try node(text), shape: shape)
        let value = body(&reader)
        return (value, reader.finishedDiagnostics())
    }

    /// A tree built by hand, without the parser: the toolkit only needs `Node`s.
    @Test func readsAHandBuiltTree() {
        func at(_ line: Int, _ column: Int) -> SourceRange { SourceRange(file: "h.yaml", line: line, column: column) }
        func scalar(_ text: String, _ value: CoreValue, _ range: SourceRange) -> Node {
            Node(.scalar(Scalar(text: text, style: .plain, value: value)), range: range)
        }
        let root = Node(.mapping([
            Pair(key: scalar("name", .string("name"), at(1, 1)), value: scalar("ecg", .string("ecg"), at(1, 7))),
            Pair(key: scalar("priority", .string("priority"), at(2, 1)), value: scalar("6", .int(6), at(2, 11))),
            Pair(key: scalar("latncy", .string("latncy"), at(3, 1)), value: scalar("5 ms", .string("5 ms"), at(3, 9))),
        ]), range: at(1, 1))
        var reader = MappingReader(root, shape: Self.shape)
        #expect(reader.identifier("name")?.value == "ecg")
        #expect(reader.integer("priority") == Located(6, at: at(2, 11)))
        let diagnostics = reader.finishedDiagnostics()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == SpecDiagnostics.unknownKey)
        #expect(diagnostics.first?.range == at(3, 1))
        #expect(diagnostics.first?.notes.first?.message == "did you mean `latency`?")
        #expect(diagnostics.first?.fix?.replacement == "latency")
    }

    @Test func typedAccessorsReturnValuesWithTheirLocation() throws {
        let text = """
        name: ecg
        note: ward 3
        priority: 6
        cost: 2.5
        enabled: true
        placement: wrist-left
        latency: 250 ms
        tags: [vital, chest]
        inner: {size: 64 B}
        items: [{size: 1 B}, {size: 2 kB}]
        """
        let (values, diagnostics) = try Self.read(text) { r in
            (r.identifier("name"), r.text("note"), r.integer("priority"), r.number("cost"), r.boolean("enabled"),
             r.enumeration("placement", as: Placement.self), r.measure("latency", as: Time.self),
             r.identifiers("tags"), r.object("inner") { $0.measure("size", as: DataSize.self) },
             r.objects("items") { $0.measure("size", as: DataSize.self) })
        }
        #expect(diagnostics.isEmpty, "\(Support.describe(diagnostics))")
        #expect(values.0?.value == "ecg")
        #expect(values.1?.value == "ward 3")
        #expect(values.2?.value == 6)
        #expect(values.3?.value == 2.5)
        #expect(values.4?.value == true)
        #expect(values.5?.value == .wristLeft)
        #expect(values.6?.value == .milliseconds(250))
        #expect(values.6?.range.start.line == 7 && values.6?.range.start.column == 10)
        #expect(values.7.map(\.value) == ["vital", "chest"])
        #expect(values.8?.value == .bytes(64))
        #expect(values.9.map(\.value.bytes) == [1, 2000])
    }

    @Test func reportsMissingRequiredKeysAtTheMapping() throws {
        let (_, diagnostics) = try Self.read("note: x\ninner: {}\n") { r in
            _ = r.text("note")
            _ = r.object("inner") { $0.quantity("size") }
        }
        #expect(diagnostics.map(\.code) == [SpecDiagnostics.missingField, SpecDiagnostics.missingField])
        let messages = diagnostics.map(\.message).sorted()
        #expect(messages == ["missing required key `name` in thing", "missing required key `size` in inner"])
        let inner = try #require(diagnostics.first { $0.message.contains("inner") })
        #expect(inner.range?.start.line == 2 && inner.range?.start.column == 8)
    }

    @Test func keysNotHandedOutAreUnknown() throws {
        let (_, diagnostics) = try Self.read("name: a\nnote: b\nzzz: 1\n") { r in _ = r.identifier("name") }
        // `note` is a known key the caller never asked for, `zzz` is not known at all:
        // both are reported, so a reader that forgets a field fails the bundled-file tests.
        #expect(diagnostics.map(\.code) == [SpecDiagnostics.unknownKey, SpecDiagnostics.unknownKey])
        #expect(diagnostics.last?.notes.first?.message.hasPrefix("known keys:") == true)
    }

    @Test func wrongTypesSayWhatWasExpectedAndFound() throws {
        let (_, diagnostics) = try Self.read("name: [a]\npriority: high\nenabled: yes\ntags: vital\ninner: [1]\n") { r in
            (r.identifier("name"), r.integer("priority"), r.boolean("enabled"), r.identifiers("tags"),
             r.object("inner") { $0.quantity("size") })
        }
        #expect(diagnostics.allSatisfy { $0.code == SpecDiagnostics.wrongType })
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("`name` expects an identifier, found a sequence"))
        #expect(messages.contains("`priority` expects an integer, found a string"))
        #expect(messages.contains("`tags` expects a list, found a string"))
        #expect(messages.contains("expected a mapping (inner), found a sequence"))
        let yes = try #require(diagnostics.first { $0.message.hasPrefix("`enabled`") })
        #expect(yes.notes.first?.message == "YAML 1.2 reads `yes` as a string; write `true` or `false`")
    }

    @Test func rangesEnumsAndUnitsAreChecked() throws {
        let (_, diagnostics) = try Self.read("""
        name: a
        priority: 9
        cost: -1
        placement: wirst-left
        latency: 5 mAh
        tags: []
        """) { r in
            (r.identifier("name"), r.integer("priority"), r.number("cost"),
             r.enumeration("placement", as: Placement.self), r.quantity("latency"), r.identifiers("tags"))
        }
        #expect(diagnostics.map(\.code.id) == ["TS009", "TS009", "TS010", "TU002", "TS016"])
        let placement = try #require(diagnostics.first { $0.code == SpecDiagnostics.unknownEnumValue })
        #expect(placement.notes.first?.message == "did you mean `wrist-left`?")
        #expect(placement.fix?.replacement == "wrist-left")
        let latency = try #require(diagnostics.first { $0.code == SpecDiagnostics.wrongDimension })
        #expect(latency.message == "`latency` expects a time, e.g. `250 ms`; found a charge (`5 mAh`)")
    }

    @Test func quantityProblemsHaveTheirOwnCodes() throws {
        for (text, code) in [("fast", "TU001"), ("250", "TU004"), ("250 msec", "TU003"), ("250 MS", "TU003"), ("-1 s", "TS009")] {
            let (_, diagnostics) = try Self.read("name: a\nlatency: \(text)\n") { r in
                (r.identifier("name"), r.quantity("latency"))
            }
            #expect(diagnostics.map(\.code.id) == [code], "\(text)")
        }
        let (_, unknownUnit) = try Self.read("name: a\nlatency: 250 MS\n") { r in (r.identifier("name"), r.quantity("latency")) }
        #expect(unknownUnit.first?.notes.first?.message == "did you mean `ms`?")
        let (_, bare) = try Self.read("name: a\nlatency: 250\n") { r in (r.identifier("name"), r.quantity("latency")) }
        #expect(bare.first?.fix?.replacement == "250 ms")
    }

    @Test func identifiersSuggestAValidSpelling() throws {
        let (_, diagnostics) = try Self.read("name: Bedside Hub\n") { r in r.identifier("name") }
        #expect(diagnostics.map(\.code) == [SpecDiagnostics.invalidIdentifier])
        #expect(diagnostics.first?.fix?.replacement == "bedside-hub")
        #expect(ScalarReading.isIdentifier("ieee802156-nb-2400"))
        for bad in ["", "-a", "a-", "a--b", "A", "1a", "a_b", "é"] { #expect(!ScalarReading.isIdentifier(bad), "\(bad)") }
    }

    @Test func anyOfGroupsNeedOneKey() throws {
        var reader = MappingReader(try Self.node("voltage: 3 V\n"), shape: UseCaseShapes.battery)
        _ = reader.quantity("voltage")
        let diagnostics = reader.finishedDiagnostics()
        #expect(diagnostics.map(\.message) == ["battery needs `profile` or `capacity`"])
    }

    @Test func aNonMappingNodeGivesOneErrorAndNoValues() throws {
        var reader = MappingReader(try Self.node("- a\n- b\n"), shape: Self.shape)
        #expect(!reader.isMapping)
        #expect(reader.identifier("name") == nil)
        #expect(reader.finishedDiagnostics().map(\.code) == [SpecDiagnostics.wrongType])
    }
}
