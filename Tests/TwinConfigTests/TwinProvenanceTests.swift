import Testing
import TwinConfig
import TwinJSON
import TwinUnits

/// The `provenance` member of a twin twinc derived from another (`twinc run
/// --recommended-out`): written only when present, read back unchanged, described by the
/// published schema, and refused with the member's path when malformed.
@Suite struct TwinProvenanceTests {
    static func derived() -> TwinConfig {
        var config = sampleConfig()
        config.knobs[0].current = 0
        config.provenance = TwinProvenance(
            method: "twinc run --recommended-out", source: "sample", sourceGenerator: "twinc 0.1.0",
            changes: [TwinProvenance.Change(knob: "ecg-tx", from: -10, to: 0)], horizon: .hours(1), replications: 3,
            seed: 7)
        return config
    }

    @Test func roundTripsAndIsAbsentFromACompiledTwin() throws {
        let config = Self.derived()
        let text = config.canonicalJSON()
        let result = TwinConfig.read(text: text, file: "twin.json")
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.config) == config)
        #expect(text.contains("\"provenance\""))
        #expect(!sampleConfig().canonicalJSON().contains("provenance"))
    }

    @Test func theSchemaDescribesIt() throws {
        let document = try JSONParser.parse(Self.derived().canonicalJSON()).get().value
        #expect(TwinConfigSchemaTests.undescribed(document, try TwinConfigSchemaTests.schema(), path: "$") == [])
        let required = try TwinConfigSchemaTests.schema()["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(!required.contains("provenance"))
    }

    @Test func aMalformedProvenanceIsAnErrorAtItsMember() {
        let text = Self.derived().canonicalJSON().replacingOccurrences(of: "\"sourceGenerator\"", with: "\"sourceGenerater\"")
        let result = TwinConfig.read(text: text, file: "twin.json")
        #expect(result.config == nil)
        #expect(result.diagnostics.contains { $0.message.contains("provenance.sourceGenerater") })
    }
}
