import Testing
import TwinConfig
import TwinJSON

/// The published twin.json schema must describe every member the encoder writes, with
/// no member required that the encoder may leave out.
@Suite struct TwinConfigSchemaTests {
    static func schema() throws -> JSONValue {
        try JSONParser.parse(TwinConfig.jsonSchema()).get().value
    }

    /// Walks a document alongside its schema; returns the paths the schema does not describe.
    static func undescribed(_ value: JSONValue, _ schema: JSONValue, path: String) -> [String] {
        switch value {
        case .object(let members):
            guard let properties = schema["properties"]?.objectValue else {
                return schema["additionalProperties"] == nil ? [path] : []
            }
            var missing: [String] = []
            for (key, member) in members {
                guard let sub = properties.first(where: { $0.0 == key })?.1 else { missing.append("\(path).\(key)"); continue }
                missing += undescribed(member, sub, path: "\(path).\(key)")
            }
            let required = schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for key in required where !members.contains(where: { $0.0 == key }) { missing.append("\(path).\(key) (required)") }
            return missing
        case .array(let items):
            guard let itemSchema = schema["items"] else { return [path + "[]"] }
            return items.flatMap { undescribed($0, itemSchema, path: path + "[]") }
        default:
            return []
        }
    }

    @Test func describesEveryMemberOfASampleTwin() throws {
        let document = try JSONParser.parse(sampleConfig().canonicalJSON()).get().value
        #expect(Self.undescribed(document, try Self.schema(), path: "$") == [])
    }

    @Test func isDraft07WithDescriptions() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"]?.stringValue == "http://json-schema.org/draft-07/schema#")
        #expect(schema["properties"]?["network"]?["description"]?.stringValue?.isEmpty == false)
    }

    @Test func catchesAnUndescribedMember() throws {
        var text = sampleConfig().canonicalJSON()
        text = text.replacingOccurrences(of: "\"replications\": 3", with: "\"replications\": 3, \"replicatoins\": 3")
        let document = try JSONParser.parse(text).get().value
        #expect(Self.undescribed(document, try Self.schema(), path: "$") == ["$.run.replicatoins"])
    }
}
