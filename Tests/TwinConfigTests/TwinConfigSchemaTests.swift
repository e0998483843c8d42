import Testing
import TwinConfig
import TwinJSON
import TwinVocabulary

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

    /// The schema of the member at `path` (property names; arrays step into `items`).
    static func member(_ path: [String], in schema: JSONValue) -> JSONValue? {
        var node: JSONValue? = schema
        for key in path {
            while node?["type"]?.stringValue == "array" { node = node?["items"] }
            node = node?["properties"]?.objectValue?.first { $0.0 == key }?.1
        }
        while node?["type"]?.stringValue == "array" { node = node?["items"] }
        return node
    }

    /// Each typed member lists exactly the values its vocabulary enum has (the schema
    /// takes them from `allCases`, so a new case cannot be missing from it).
    @Test func everyClosedSetListsItsValues() throws {
        let schema = try Self.schema()
        func names<Value: CaseIterable & RawRepresentable>(_: Value.Type) -> [String] where Value.RawValue == String {
            Value.allCases.map(\.rawValue)
        }
        let expected: [([String], [String])] = [
            (["goals", "kpi"], names(KPI.self)), (["goals", "priority"], names(GoalPriority.self)),
            (["goals", "threats"], names(Threat.self)), (["goals", "faults"], names(Fault.self)),
            (["knobs", "parameter"], names(KnobParameter.self)), (["objectives"], names(Objective.self)),
            (["models", "family"], names(ModelFamily.self)), (["models", "applications"], names(ApplicationKind.self)),
            (["applications", "id"], names(ApplicationKind.self)), (["applications", "kpis"], names(KPI.self)),
            (["scenarios", "kind"], ScenarioKind.allCases.map(\.name)),
            (["scenarios", "events", "kind"], ScenarioEventKind.allCases.map(\.name)),
            (["network", "devices", "placement"], names(Placement.self)),
            (["network", "devices", "radio", "technology"], names(Technology.self)),
            (["network", "devices", "battery", "model"], names(BatteryDrainModel.self)),
            (["network", "devices", "battery", "chemistry"], names(BatteryChemistry.self)),
            (["network", "devices", "traffic", "class"], [""] + names(TrafficClass.self)),
            (["network", "devices", "traffic", "representation"], names(FlowRepresentation.self)),
            (["network", "devices", "mac", "access"], names(AccessMode.self)),
            (["network", "devices", "platform", "regulator", "kind"], names(RegulatorKind.self)),
            (["network", "devices", "platform", "components", "role"], names(PlatformRole.self)),
            (["network", "gateways", "kind"], names(GatewayKind.self)),
            (["network", "gateways", "placement"], names(Placement.self)),
            (["network", "edges", "tier"], names(EdgeTierKind.self)),
            (["network", "links", "technology"], names(Technology.self)),
        ]
        for (path, values) in expected {
            let listed = Self.member(path, in: schema)?["enum"]?.arrayValue?.compactMap(\.stringValue)
            #expect(listed == values, "\(path.joined(separator: "."))")
        }
    }

    @Test func catchesAnUndescribedMember() throws {
        var text = sampleConfig().canonicalJSON()
        text = text.replacingOccurrences(of: "\"replications\": 3", with: "\"replications\": 3, \"replicatoins\": 3")
        let document = try JSONParser.parse(text).get().value
        #expect(Self.undescribed(document, try Self.schema(), path: "$") == ["$.run.replicatoins"])
    }
}
