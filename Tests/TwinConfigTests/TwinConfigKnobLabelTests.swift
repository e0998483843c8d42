import Testing
import TwinConfig
import TwinDiagnostics
import TwinJSON

/// The two optional twin.json members of the gateway and aggregation knobs: a knob's
/// `labels` and a device's `traffic.aggregation`. Both round-trip, both are left out
/// at their defaults (so files without them read as before), and the schema
/// describes them without requiring them.
@Suite struct TwinConfigKnobLabelTests {
    /// The sample twin with a second gateway, a gateway knob and four samples per packet.
    private func labelledConfig() -> TwinConfig {
        var config = sampleConfig()
        config.network.gateways.append(GatewayConfig(id: "hub", kind: .bedsideHub, placement: .offBody,
                                                     distance: .meters(2), uplink: "mec", failoverTime: .seconds(1),
                                                     mtbf: nil, mttr: nil))
        config.network.devices[0].backupGateway = "hub"
        config.network.devices[0].traffic.aggregation = 4
        config.knobs.append(KnobConfig(id: "ecg.gateway", parameter: .gateway, targets: ["ecg"], values: [0, 1],
                                       current: 0, unit: "index", labels: ["phone", "hub"]))
        return config
    }

    @Test func labelsAndAggregationRoundTrip() throws {
        let config = labelledConfig()
        let text = config.canonicalJSON()
        #expect(text.contains("\"aggregation\": 4"))
        #expect(text.contains("\"labels\": ["))
        let result = TwinConfig.read(text: text, file: "twin.json")
        #expect(result.diagnostics.isEmpty)
        let read = try #require(result.config)
        #expect(read == config)
        #expect(read.knobs[1].label(of: 1) == "hub")
        #expect(read.knobs[1].label(of: 2) == nil)
    }

    @Test func defaultsAreLeftOutAndReadBack() throws {
        let text = sampleConfig().canonicalJSON()
        #expect(!text.contains("\"labels\""))
        #expect(!text.contains("\"aggregation\""))
        let read = try #require(TwinConfig.read(text: text, file: "twin.json").config)
        #expect(read.knobs[0].labels == [])
        #expect(read.network.devices[0].traffic.aggregation == 1)
    }

    @Test func badValuesAreDiagnosed() {
        let text = labelledConfig().canonicalJSON()
        let zero = TwinConfig.read(text: text.replacingOccurrences(of: "\"aggregation\": 4", with: "\"aggregation\": 0"),
                                   file: "twin.json")
        #expect(zero.diagnostics.map(\.code) == [ConfigDiagnostics.outOfRange])
        let numbers = TwinConfig.read(
            text: text.replacingOccurrences(of: "\"phone\",\n        \"hub\"", with: "1,\n        2"), file: "twin.json")
        #expect(numbers.diagnostics.map(\.code).contains(ConfigDiagnostics.wrongType))
    }

    @Test func theSchemaDescribesBothAsOptional() throws {
        let document = try JSONParser.parse(labelledConfig().canonicalJSON()).get().value
        let schema = try TwinConfigSchemaTests.schema()
        #expect(TwinConfigSchemaTests.undescribed(document, schema, path: "$") == [])
        let knob = schema["properties"]?["knobs"]?["items"]
        #expect(knob?["properties"]?["labels"] != nil)
        #expect(!(knob?["required"]?.arrayValue?.contains(.string("labels")) ?? true))
    }
}
