import TwinJSON
import TwinUnits
import TwinVocabulary

/// The JSON Schema (draft-07) of a document kind, pretty-printed with sorted keys so
/// the output is byte-stable. Editors use it through the `# yaml-language-server:
/// $schema=…` modeline; `twinc schema KIND` prints it and `Generated/schema/` holds it.
///
/// It is generated from the same `ObjectShape`s the readers check against, so keys,
/// types, enums, required keys, identifier syntax, quantity units and integer bounds
/// cannot drift from the readers. What a schema cannot express stays with the readers:
/// quantity bounds (stated in the descriptions), references, duplicates, a target's
/// dimension per KPI, contradictions.
/// `catalogueIDs`: the ids of catalogue entries by kind (the built-in catalogue's, plus
/// a user's), offered to editors as completions for profile and class references.
public func jsonSchema(for kind: DocumentKind, catalogueIDs: [CatalogueEntryKind: [String]] = [:]) -> String {
    JSONWriter.canonical.string(jsonSchemaValue(for: kind, catalogueIDs: catalogueIDs))
}

public func jsonSchemaValue(for kind: DocumentKind, catalogueIDs: [CatalogueEntryKind: [String]] = [:]) -> JSONValue {
    jsonSchemaValue(for: kind.shape, catalogueIDs: catalogueIDs)
}

/// The JSON Schema of a document whose root has `shape`: for documents read outside
/// this stage with the same shapes (a sweep, `TwinSweep`).
public func jsonSchema(for shape: ObjectShape) -> String {
    JSONWriter.canonical.string(jsonSchemaValue(for: shape))
}

public func jsonSchemaValue(for shape: ObjectShape, catalogueIDs: [CatalogueEntryKind: [String]] = [:]) -> JSONValue {
    guard case .object(var members) = SchemaBuilder(catalogueIDs: catalogueIDs).object(shape) else { return .null }
    members.insert(("$schema", .string("http://json-schema.org/draft-07/schema#")), at: 0)
    members.insert(("title", .string("twinc \(shape.title)")), at: 1)
    return .object(members)
}

struct SchemaBuilder {
    let catalogueIDs: [CatalogueEntryKind: [String]]

    func object(_ shape: ObjectShape) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("description", .string(shape.summary)),
            ("additionalProperties", .bool(false)),
            ("properties", .object(shape.fields.map { ($0.key, property($0)) })),
        ]
        let required = shape.fields.filter(\.isRequired).map { JSONValue.string($0.key) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        let groups = shape.anyOfRequired.map { group in
            JSONValue.object([("anyOf", .array(group.map { .object([("required", .array([.string($0)]))]) }))])
        }
        if groups.count == 1, case .object(let anyOf) = groups[0] {
            members += anyOf
        } else if groups.count > 1 {
            members.append(("allOf", .array(groups)))
        }
        return .object(members)
    }

    func property(_ field: FieldShape) -> JSONValue {
        guard case .object(var members) = schema(field.type) else { return .null }
        // The field's own description and example win over those of its type (an
        // object shape's summary, an open enumeration's known values), which are kept
        // as further examples; a JSON object must not repeat a member name.
        var examples = [example(field)]
        for case ("examples", .array(let known)) in members {
            examples += known.filter { !examples.contains($0) }
        }
        members.removeAll { $0.0 == "description" || $0.0 == "examples" }
        members.append(("description", .string(describe(field))))
        members.append(("examples", .array(examples)))
        return .object(members)
    }

    func schema(_ type: ValueType) -> JSONValue {
        switch type {
        case .text:
            return .object([("type", .string("string"))])
        case .identifier:
            return .object([("type", .string("string")), ("pattern", .string(ScalarReading.identifierPattern))])
        case .catalogueID(let kind):
            let known = catalogueIDs[kind] ?? []
            return .object([
                ("type", .string("string")), ("pattern", .string(ScalarReading.identifierPattern)),
                ("examples", .array(known.map(JSONValue.string))),
            ])
        case .openEnumeration(let known):
            return .object([
                ("type", .string("string")), ("pattern", .string(ScalarReading.identifierPattern)),
                ("examples", .array(known.map(JSONValue.string))),
            ])
        case .enumeration(let values):
            return .object([("type", .string("string")), ("enum", .array(values.map(JSONValue.string)))])
        case .integer(let bounds):
            return .object([
                ("type", .string("integer")),
                ("minimum", .number(Double(bounds.lowerBound))), ("maximum", .number(Double(bounds.upperBound))),
            ])
        case .constant(let value):
            return .object([("type", .string("integer")), ("enum", .array([.number(Double(value))]))])
        case .number(let minimum, let maximum):
            var members: [(String, JSONValue)] = [("type", .string("number"))]
            if let minimum { members.append(("minimum", .number(minimum))) }
            if let maximum { members.append(("maximum", .number(maximum))) }
            return .object(members)
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .quantity(let dimension, _):
            return .object([("type", .string("string")), ("pattern", .string(SchemaPatterns.quantity(dimension)))])
        case .threshold:
            return .object([("type", .string("string")), ("pattern", .string(SchemaPatterns.threshold))])
        case .list(let element, let minCount, let limit):
            var members: [(String, JSONValue)] = [("type", .string("array")), ("items", itemSchema(element))]
            if minCount > 0 { members.append(("minItems", .number(Double(minCount)))) }
            if let limit { members.append(("maxItems", .number(Double(limit.bounds.upperBound)))) }
            return .object(members)
        case .object(let shape):
            return object(shape)
        }
    }

    /// List items get the type's schema plus an example, so completion inside lists
    /// offers something too.
    private func itemSchema(_ type: ValueType) -> JSONValue {
        guard case .object(var members) = schema(type) else { return .null }
        if !members.contains(where: { $0.0 == "examples" }) {
            members.append(("examples", .array([derivedExample(type)])))
        }
        return .object(members)
    }

    func describe(_ field: FieldShape) -> String {
        switch field.type {
        case .quantity(let dimension, let bounds):
            var text = "\(field.summary) A \(dimension) with a unit, e.g. `\(dimension.example)`"
            if bounds != .any { text += "; \(QuantityReading.describe(bounds, dimension))" }
            return text + "."
        case .threshold:
            return field.summary + " Statistic `mean`, `max`, `min` or `pNN`; operator `<=`, `<`, `>=`, `>` or `==`."
        default:
            return field.summary
        }
    }

    func example(_ field: FieldShape) -> JSONValue {
        field.example.map(json) ?? derivedExample(field.type)
    }

    func json(_ example: ExampleValue) -> JSONValue {
        switch example {
        case .string(let s): .string(s)
        case .integer(let i): .number(Double(i))
        case .number(let n): .number(n)
        case .boolean(let b): .bool(b)
        case .list(let items): .array(items.map(json))
        }
    }

    /// An example built from the type: the first enum value, the dimension's typical
    /// quantity, an object of its required keys (and the first key of each
    /// one-of-these group), a list of one element.
    func derivedExample(_ type: ValueType) -> JSONValue {
        switch type {
        case .text: return .string("text")
        case .identifier: return .string("example-id")
        case .openEnumeration(let known): return .string(known.first ?? "example-id")
        case .catalogueID(let kind): return .string(catalogueIDs[kind]?.first ?? "example-id")
        case .enumeration(let values): return .string(values.first ?? "")
        case .integer(let bounds): return .number(Double(bounds.upperBound))
        case .constant(let value): return .number(Double(value))
        case .number(let minimum, let maximum): return .number(min(max(minimum ?? 1, 1), maximum ?? .infinity))
        case .boolean: return .bool(true)
        case .quantity(let dimension, _): return .string(dimension.example)
        case .threshold: return .string("p99 <= 250 ms")
        case .list(let element, _, _): return .array([derivedExample(element)])
        case .object(let shape):
            let keys = Set(shape.fields.filter(\.isRequired).map(\.key) + shape.anyOfRequired.compactMap(\.first))
            return .object(shape.fields.filter { keys.contains($0.key) }.map { field in
                (field.key, example(field))
            })
        }
    }
}
