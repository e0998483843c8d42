import Testing
@testable import TwinJSON

/// The JSON layer every output and twin.json goes through: the canonical writer must be
/// byte-stable (sorted keys, fixed number text, escapes), and the parser must give the
/// line and column of every value and of every syntax error, since TK… diagnostics point
/// into hand-edited twin.json files.
@Suite struct JSONTests {
    @Test func canonicalWriterSortsKeysAndFormatsNumbersFixedly() {
        let value: JSONValue = .object([("b", .number(2)), ("a", .array([.number(0.25), .number(-3), .null])),
                                        ("c", .string("x"))])
        #expect(JSONWriter.canonical.string(value) == """
            {
              "a": [
                0.25,
                -3,
                null
              ],
              "b": 2,
              "c": "x"
            }

            """)
        #expect(JSONWriter.compact.string(value) == #"{"b":2,"a":[0.25,-3,null],"c":"x"}"#)
    }

    @Test func numbersThatJSONCannotHoldBecomeNullAndLargeIntegersStayExact() {
        #expect(JSONWriter.format(.infinity) == "null")
        #expect(JSONWriter.format(.nan) == "null")
        #expect(JSONWriter.format(-0.0) == "0")
        #expect(JSONWriter.format(9_007_199_254_740_991) == "9007199254740991")
        #expect(JSONWriter.format(1e300) == "1e+300")
    }

    @Test func controlCharactersAndQuotesAreEscaped() {
        var out: [UInt8] = []
        JSONWriter.escape("a\"b\\c\n\u{01}\u{1F}é\u{7F}", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a\\\"b\\\\c\\n\\u0001\\u001fé\u{7F}\"")
    }

    @Test func writtenTextParsesBackToTheSameValue() throws {
        let value: JSONValue = .object([("name", .string("icu \"demo\"\n")), ("values", .array([.number(1.5), .bool(true)])),
                                        ("nested", .object([("empty", .array([])), ("none", .null)]))])
        for writer in [JSONWriter.canonical, JSONWriter.compact] {
            let parsed = try JSONParser.parse(writer.string(value)).get()
            #expect(parsed.value["name"] == value["name"])
            #expect(parsed.value["values"] == value["values"])
            #expect(parsed.value["nested"]?["none"] == .null)
        }
    }

    @Test func stringsDecodeEscapesAndKeepMultiByteText() throws {
        let parsed = try JSONParser.parse(#"["plain", "é😀", "a\"b\\c\/\n\t", "\u00e9\ud83d\ude00", ""]"#).get()
        #expect(parsed.value == .array(["plain", "é😀", "a\"b\\c/\n\t", "é😀", ""]))
    }

    @Test func valuesKeepTheirLineAndColumn() throws {
        let parsed = try JSONParser.parse("{\n  \"a\": [1,\n    true]\n}").get()
        #expect(parsed.position == JSONPosition(line: 1, column: 1))
        let array = try #require(parsed["a"])
        #expect(array.position == JSONPosition(line: 2, column: 8))
        guard case .array(let items, _) = array else {
            Issue.record("`a` is not an array")
            return
        }
        #expect(items.map(\.position) == [JSONPosition(line: 2, column: 9), JSONPosition(line: 3, column: 5)])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9),
        ("[1, 2", 1, 6),
        ("{\"a\" 1}", 1, 6),
        ("\n  nul", 2, 6),
        ("[1] 2", 1, 5),
        // Columns count Unicode scalars, not bytes: `é` is two bytes, one column.
        ("[\"é\", x]", 1, 7),
        ("\"a\\q\"", 1, 5),
        ("\"a\u{01}\"", 1, 4),
        ("\"abc", 1, 5),
        ("\"\\ud800x\"", 1, 8),
    ])
    func syntaxErrorsSayWhere(_ text: String, _ line: Int, _ column: Int) {
        guard case .failure(let error) = JSONParser.parse(text) else {
            Issue.record("`\(text)` parsed")
            return
        }
        #expect(error.position == JSONPosition(line: line, column: column), "\(error.message)")
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        guard case .failure(let error) = JSONParser.parse(deep) else {
            Issue.record("200 levels parsed")
            return
        }
        #expect(error.message.contains("nesting deeper than 128"))
    }
}
