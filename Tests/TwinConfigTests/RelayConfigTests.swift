import Testing
import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// twin.json's `relay` member (issue 11 §4): it round-trips, is left out when absent
/// (files without it read and write as before), and every relay the IEEE 802.15.6
/// two-hop extension cannot run is a coded diagnostic at the `relay` member.
@Suite struct RelayConfigTests {
    /// The sample twin with a second on-body narrowband device (`temp`, upper arm) and
    /// `ecg` relayed through it.
    static func relayedConfig(relay: String? = "temp") -> TwinConfig {
        var config = sampleConfig()
        var temp = config.network.devices[0]
        temp.id = "temp"
        temp.placement = .upperArmLeft
        temp.deviceClass = "temperature"
        config.network.devices.append(temp)
        config.network.devices[0].relay = relay
        return config
    }

    /// Reads `config` written as twin.json, after `edit` of the text.
    static func read(_ config: TwinConfig, _ edit: (String) -> String = { $0 }) -> ConfigReadResult {
        TwinConfig.read(text: edit(config.canonicalJSON()), file: "twin.json")
    }

    /// Line of the first `"relay"` member in `text` (1-based).
    static func relayLine(_ text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"relay\":") }
            .map { $0 + 1 }
    }

    @Test func aRelayRoundTripsAndIsLeftOutWhenAbsent() throws {
        let config = Self.relayedConfig()
        let text = config.canonicalJSON()
        #expect(text.contains("\"relay\": \"temp\""))
        let result = Self.read(config)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(try #require(result.config) == config)
        #expect(!sampleConfig().canonicalJSON().contains("\"relay\""))
        #expect(try #require(Self.read(sampleConfig()).config).network.devices[0].relay == nil)
    }

    @Test func anUnknownRelayIsAnUnknownReferenceAtTheMember() throws {
        let config = Self.relayedConfig(relay: "ghost")
        let result = Self.read(config)
        #expect(result.diagnostics.map(\.code) == [ConfigDiagnostics.unknownReference])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.contains("`ghost`"))
        #expect(diagnostic.range?.start.line == Self.relayLine(config.canonicalJSON()))
        #expect(result.config == nil)
    }

    /// Each way a relay can be refused gives TK012 at the member, naming why.
    @Test(arguments: [
        ("itself", "cannot relay itself"),
        ("chained", "two hops at most"),
        ("ble", "not IEEE 802.15.6 narrowband"),
        ("implant", "implant"),
        ("off-body", "not on the body"),
        ("channel", "another channel"),
        ("gateway", "does not use gateway"),
        ("wideband", "no 802.15.6 receiver"),
    ])
    func aRelayThatCannotRelayIsRefused(_ case: String, _ reason: String) throws {
        var config = Self.relayedConfig()
        switch `case` {
        case "itself": config.network.devices[0].relay = "ecg"
        case "chained":
            config.network.devices.append(config.network.devices[1])
            config.network.devices[2].id = "spo2"
            config.network.devices[1].relay = "spo2"
        case "ble": config.network.devices[1].radio.technology = .ble
        case "implant":
            config.network.devices[1].placement = .inBody
            config.network.devices[1].inBody = true
        case "off-body": config.network.devices[1].placement = .offBody
        case "channel": config.network.devices[1].radio.frequency = .gigahertz(2.45)
        case "gateway":
            config.network.gateways.append(GatewayConfig(id: "hub", kind: .bedsideHub, placement: .offBody,
                                                         distance: .meters(1.5), uplink: "mec", failoverTime: .seconds(1),
                                                         mtbf: nil, mttr: nil))
            config.network.devices[0].backupGateway = "hub"
        case "wideband": config.network.devices[1].mac.access = .wideband
        default: Issue.record("unknown case \(`case`)")
        }
        let result = Self.read(config)
        #expect(result.diagnostics.map(\.code).contains(ConfigDiagnostics.badRelay), "\(result.diagnostics.map(\.message))")
        let diagnostic = try #require(result.diagnostics.first { $0.code == ConfigDiagnostics.badRelay })
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        #expect(diagnostic.range?.start.line == Self.relayLine(config.canonicalJSON()))
        #expect(result.config == nil)
    }

    @Test func theRelayKnobIsCheckedAgainstTheNetworksDevices() throws {
        var config = Self.relayedConfig(relay: nil)
        config.knobs.append(KnobConfig(id: "ecg.relay", parameter: .relay, targets: ["ecg"], values: [0, 1], current: 0,
                                       unit: "index", labels: ["none", "temp"]))
        #expect(Self.read(config).diagnostics.isEmpty)
        var stray = config
        stray.knobs[stray.knobs.count - 1].labels = ["none", "ghost"]
        let strayResult = Self.read(stray)
        #expect(strayResult.diagnostics.map(\.code) == [ConfigDiagnostics.badKnob])
        #expect(strayResult.diagnostics.first?.message.contains("`ghost` is not a device") == true)
        var noNone = config
        noNone.knobs[noNone.knobs.count - 1].labels = ["temp", "ecg"]
        #expect(Self.read(noNone).diagnostics.map(\.code) == [ConfigDiagnostics.badKnob])
    }

    @Test func theSchemaDescribesRelayAsAnOptionalMember() throws {
        let document = try JSONParser.parse(Self.relayedConfig().canonicalJSON()).get().value
        let schema = try TwinConfigSchemaTests.schema()
        #expect(TwinConfigSchemaTests.undescribed(document, schema, path: "$") == [])
        let device = schema["properties"]?["network"]?["properties"]?["devices"]?["items"]
        #expect(device?["properties"]?["relay"]?["type"] == .string("string"))
        let required = device?["required"]?.arrayValue ?? []
        #expect(!required.contains(.string("relay")))
        #expect(required.contains(.string("securityLevel")))
    }

    /// One `relay-failure-<relay>` scenario per relay in use, added once, judging the
    /// goals that name the relayed devices.
    @Test func aRelayBringsItsFailureScenarioOnce() throws {
        var config = Self.relayedConfig()
        let goals = config.goals.map(\.id)
        config.addRelayFailureScenarios()
        config.addRelayFailureScenarios()
        let added = config.scenarios.filter { $0.id.hasPrefix("relay-failure-") }
        #expect(added.map(\.id) == ["relay-failure-temp"])
        let scenario = try #require(added.first)
        #expect(scenario.kind == .fault(.deviceFailure))
        #expect(scenario.events.map(\.target) == ["temp"] && scenario.events.map(\.kind) == [.fault(.deviceFailure)])
        #expect(scenario.events.first?.atFraction == TwinConfig.relayFailureFraction)
        #expect(scenario.goals == config.goals.filter { $0.devices.contains("ecg") }.map(\.id))
        #expect(config.goals.map(\.id) == goals)
        #expect(Self.read(config).diagnostics.isEmpty)
        var direct = sampleConfig()
        direct.addRelayFailureScenarios()
        #expect(direct == sampleConfig())
    }
}
