import Foundation
import Testing
import TwinUnits
@testable import TwinSpec
import TwinVocabulary

/// The generated schemas are well-formed draft-07, deterministic, and say on every
/// property what the readers enforce.
@Suite struct SchemaTests {
    static func parsed(_ kind: DocumentKind) throws -> [String: Any] {
        let data = Data(jsonSchema(for: kind).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: DocumentKind.allCases)
    func isDeterministicDraft07(_ kind: DocumentKind) throws {
        #expect(jsonSchema(for: kind) == jsonSchema(for: kind))
        let schema = try Self.parsed(kind)
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(schema["required"] as? [String] == kind.shape.fields.filter(\.isRequired).map(\.key))
        let properties = try #require(schema["properties"] as? [String: Any])
        let kindProperty = try #require(properties["kind"] as? [String: Any])
        #expect(kindProperty["enum"] as? [String] == [kind.rawValue])
    }

    /// Walks every object schema: `additionalProperties: false`, and a description and
    /// at least one example on every property.
    @Test(arguments: DocumentKind.allCases)
    func everyPropertyHasDescriptionAndExamples(_ kind: DocumentKind) throws {
        var objects = 0, properties = 0
        func walk(_ node: Any, path: String) {
            if let list = node as? [Any] {
                for (i, item) in list.enumerated() { walk(item, path: "\(path)[\(i)]") }
                return
            }
            guard let object = node as? [String: Any] else { return }
            if let props = object["properties"] as? [String: Any] {
                objects += 1
                #expect(object["additionalProperties"] as? Bool == false, "\(path)")
                for (key, value) in props {
                    properties += 1
                    let property = value as? [String: Any] ?? [:]
                    #expect((property["description"] as? String)?.isEmpty == false, "\(path).\(key)")
                    #expect((property["examples"] as? [Any])?.isEmpty == false, "\(path).\(key)")
                    walk(property, path: "\(path).\(key)")
                }
            }
            if let items = object["items"] { walk(items, path: "\(path)[]") }
        }
        walk(try Self.parsed(kind), path: "$")
        #expect(objects > 1)
        #expect(properties > 10)
    }

    /// The quantity patterns accept each dimension's own example and reject the others'.
    @Test(arguments: TwinUnits.Dimension.allCases.filter { $0 != .count })
    func quantityPatternsFollowDimensions(_ dimension: TwinUnits.Dimension) throws {
        let regex = try NSRegularExpression(pattern: SchemaPatterns.quantity(dimension))
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        #expect(matches(dimension.example))
        #expect(!matches(dimension.example.split(separator: " ")[0].description), "a bare number needs a unit")
        for other in TwinUnits.Dimension.allCases where other != dimension && other != .count {
            let sameUnit = other.example.split(separator: " ").last == dimension.example.split(separator: " ").last
            if !sameUnit { #expect(!matches(other.example), "\(dimension) accepted \(other.example)") }
        }
    }

    @Test func thresholdPatternAgreesWithTheParser() throws {
        let regex = try NSRegularExpression(pattern: SchemaPatterns.threshold)
        func matches(_ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        for good in [">= 99.9 %", "p99 <= 250 ms", "mean < 2 s", "max <= 4.0", "p99.9<=1s", "== 3 V", "> -10 dBm"] {
            #expect(matches(good), "\(good)")
            #expect((try? Threshold.parse(good, defaultDimension: .count).get()) != nil, "\(good)")
        }
        for bad in ["about 250 ms", "p99 250 ms", "<= fast", "<= 250 msec", "P99 <= 1 s", "q99 <= 1 s"] {
            #expect(!matches(bad), "\(bad)")
        }
    }

    /// Every key of every shape is documented in docs/documents.md.
    @Test func everyKeyIsDocumented() throws {
        let docs = try String(contentsOf: Support.packageRoot.appendingPathComponent("docs/documents.md"), encoding: .utf8)
        func keys(_ shape: ObjectShape) -> [String] {
            shape.fields.flatMap { field -> [String] in
                switch field.type {
                case .object(let nested), .list(.object(let nested), _, _): [field.key] + keys(nested)
                default: [field.key]
                }
            }
        }
        let all = DocumentKind.allCases.flatMap { keys($0.shape) }
        for key in Set(all).sorted() {
            #expect(docs.contains("`\(key)`"), "docs/documents.md does not mention `\(key)`")
        }
        for code in SpecDiagnostics.all {
            #expect(docs.contains("| \(code.id) | \(code.title)"), "docs/documents.md lacks \(code.id)")
        }
        for value in Placement.allCases.map(\.rawValue) + KPI.allCases.map(\.rawValue) + Band.allCases.map(\.rawValue) {
            #expect(docs.contains("`\(value)`"), "docs/documents.md does not mention `\(value)`")
        }
    }
}
