import Testing
import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// A minimal but complete config: one ECG patch, one phone gateway, one edge.
func sampleConfig() -> TwinConfig {
    let radio = RadioConfig(
        profile: "ieee802156-nb-2400", technology: .banNB, modulation: "dqpsk",
        frequency: .gigahertz(2.4), bitRate: .kilobitsPerSecond(971.4), txPower: PowerLevel(dBm: -10),
        txLevels: [TxLevel(level: PowerLevel(dBm: 0), current: .milliamperes(11.3))],
        rxCurrent: .milliamperes(13.1), listenCurrent: .milliamperes(13.8), sleepCurrent: .microamperes(0.9),
        wakeupCurrent: .milliamperes(8.9), wakeupTime: .milliseconds(3.13), voltage: .volts(3),
        sensitivity: PowerLevel(dBm: -87), noiseFloor: PowerLevel(dBm: -104))
    let device = DeviceConfig(
        id: "ecg", deviceClass: "ecg-patch", placement: .chest, inBody: false, tags: ["vital"], radio: radio,
        battery: BatteryConfig(profile: "coin-560", capacity: .milliampHours(560), voltage: .volts(3),
                               model: .linear, peukertExponent: 1, ratedCurrent: .milliamperes(1)),
        platform: .sleepingMCU(.microamperes(10)),
        traffic: TrafficConfig(trafficClass: .f1, payload: .bytes(64), interval: .milliseconds(213.3),
                               alarmRate: 0, alarmPayload: .bytes(64), latencyBudget: .milliseconds(250)),
        mac: MACConfig(access: .scheduled, userPriority: 6, slotLength: .milliseconds(1), slots: 30, period: 10,
                       maxRetries: 2, connectionInterval: .zero),
        primaryGateway: "phone", backupGateway: nil, securityLevel: 2)
    let network = NetworkConfig(
        devices: [device],
        gateways: [GatewayConfig(id: "phone", kind: .phone, placement: .hipRight, distance: .centimeters(30),
                                 uplink: "mec", failoverTime: .seconds(1), mtbf: nil, mttr: nil)],
        edges: [EdgeConfig(id: "mec", tier: .extremeMEC, processingLatency: .milliseconds(2))],
        links: [LinkConfig(from: "phone", to: "mec", technology: .wlan, latency: .milliseconds(5),
                           jitter: .milliseconds(1), rate: .bitsPerSecond(1e8), availability: .percent(99.9))])
    return TwinConfig(
        name: "demo", title: "Demo", usecase: "proactive-qa", generator: "twinc test",
        run: RunSettings(horizon: .hours(1), replications: 3, seed: 7, warmup: .zero, sampleInterval: .seconds(1)),
        network: network,
        models: [ModelChoice(id: "cm3", family: .channel, method: "discrete-event", applications: [.networkView],
                             parameters: ["a": 6.6, "b": 36.1], source: "IEEE 802.15-08-0780")],
        applications: [ApplicationConfig(id: .networkView, goals: ["g"], kpis: [.latency])],
        goals: [GoalConfig(id: "g", kpi: .latency, priority: .critical,
                           threshold: Threshold(statistic: .percentile(99), op: .lessOrEqual, bound: Quantity(0.25, .time)),
                           devices: ["ecg"], threats: [], faults: [], within: nil, securityLevel: nil)],
        scenarios: [ScenarioConfig(id: "baseline", kind: .baseline, description: "No faults", goals: ["g"], events: []),
                    ScenarioConfig(id: "phone-fails", kind: .fault(.gatewayFailure), description: "Phone fails", goals: ["g"],
                                   events: [ScenarioEvent(at: .hours(0.5), kind: .fault(.gatewayFailure), target: "phone",
                                                          duration: nil, parameters: [:])])],
        knobs: [KnobConfig(id: "ecg-tx", parameter: .txPower, targets: ["ecg"], values: [-10, 0], current: -10, unit: "dBm")],
        objectives: [.safety, .lifetime])
}

@Suite struct TwinConfigRoundTripTests {
    @Test func writesCanonicalJSONAndReadsItBack() throws {
        let config = sampleConfig()
        let text = config.canonicalJSON()
        let result = TwinConfig.read(text: text, file: "twin.json")
        #expect(result.diagnostics.isEmpty)
        let read = try #require(result.config)
        #expect(read == config)
        #expect(read.canonicalJSON() == text)
    }

    @Test func keysAreSortedAndUnitsAreInNames() {
        let text = sampleConfig().canonicalJSON()
        #expect(text.contains("\"horizon_s\": 3600"))
        #expect(text.contains("\"capacity_C\": 2016"))
        let applications = text.range(of: "\"applications\"")!.lowerBound
        let format = text.range(of: "\"format\"")!.lowerBound
        #expect(applications < format)
    }
}

@Suite struct TwinConfigErrorTests {
    private func diagnostics(_ mutate: (inout String) -> Void) -> [Diagnostic] {
        var text = sampleConfig().canonicalJSON()
        mutate(&text)
        return TwinConfig.read(text: text, file: "twin.json").diagnostics
    }

    @Test func syntaxErrorHasAPosition() {
        let found = diagnostics { $0 = String($0.dropLast(3)) }
        #expect(found.first?.code == ConfigDiagnostics.syntax)
        #expect((found.first?.range?.start.line ?? 0) > 1)
    }

    @Test func wrongTypePointsAtTheMember() throws {
        let found = diagnostics { $0 = $0.replacingOccurrences(of: "\"replications\": 3", with: "\"replications\": \"3\"") }
        let error = try #require(found.first)
        #expect(error.code == ConfigDiagnostics.wrongType)
        #expect(error.message.contains("run.replications"))
        let line = sampleConfig().canonicalJSON().split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"replications\"") }.map { $0 + 1 }
        #expect(error.range?.start.line == line)
    }

    @Test func outOfRangeUnknownMemberAndMissingMember() {
        let found = diagnostics {
            $0 = $0.replacingOccurrences(of: "\"replications\": 3", with: "\"replications\": 0, \"replicatoins\": 2")
            $0 = $0.replacingOccurrences(of: "\"title\": \"Demo\",", with: "")
        }
        let codes = Set(found.map(\.code.id))
        #expect(codes == [ConfigDiagnostics.outOfRange.id, ConfigDiagnostics.unknownMember.id, ConfigDiagnostics.missingMember.id])
    }

    @Test func unknownGatewayReference() {
        let found = diagnostics { $0 = $0.replacingOccurrences(of: "\"primary\": \"phone\"", with: "\"primary\": \"tablet\"") }
        #expect(found.map(\.code) == [ConfigDiagnostics.unknownReference])
    }

    @Test func unknownMediumAccessIsRefusedAtTheMemberAndOldSpellingsRead() throws {
        let found = diagnostics { $0 = $0.replacingOccurrences(of: "\"access\": \"scheduled\"", with: "\"access\": \"tdma\"") }
        let error = try #require(found.first)
        #expect(found.map(\.code) == [ConfigDiagnostics.outOfRange])
        #expect(error.message == "`network.devices[0].mac.access` is `tdma`, not one of `csma-ca`, `scheduled`, `ble`, `wideband`")
        let line = sampleConfig().canonicalJSON().split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"access\"") }.map { $0 + 1 }
        #expect(error.range?.start.line == line)
        #expect(diagnostics { $0 = $0.replacingOccurrences(of: "\"access\": \"scheduled\"", with: "\"access\": \"contention\"") }.isEmpty)
    }

    @Test func unknownTechnologyAndEventKindAreRefusedAtTheirPaths() throws {
        let text = sampleConfig().canonicalJSON()
        let found = diagnostics {
            $0 = $0.replacingOccurrences(of: "\"technology\": \"wlan\"", with: "\"technology\": \"carrier-pigeon\"")
            $0 = $0.replacingOccurrences(of: "\"kind\": \"gateway-failure\"", with: "\"kind\": \"gateway-meltdown\"")
        }
        #expect(found.map(\.code) == [ConfigDiagnostics.outOfRange, ConfigDiagnostics.outOfRange, ConfigDiagnostics.outOfRange])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of member: String) -> Int? { lines.firstIndex { $0.contains(member) }.map { $0 + 1 } }
        let technology = try #require(found.first { $0.message.hasPrefix("`network.links[0].technology`") })
        #expect(technology.message.hasPrefix("`network.links[0].technology` is `carrier-pigeon`, not one of `ban-nb`, "))
        #expect(technology.range?.start.line == line(of: "\"technology\": \"wlan\""))
        let event = try #require(found.first { $0.message.hasPrefix("`scenarios[1].events[0].kind`") })
        #expect(event.message.hasPrefix("`scenarios[1].events[0].kind` is `gateway-meltdown`, not one of `gateway-failure`, "))
        #expect(event.message.contains("`dos`"))
        let scenario = try #require(found.first { $0.message.hasPrefix("`scenarios[1].kind`") })
        #expect(scenario.message.contains("`baseline`"))
        #expect(Set([event.range?.start.line, scenario.range?.start.line]).count == 2)
    }

    @Test func olderSpellingsOfEventKindsRead() throws {
        let text = sampleConfig().canonicalJSON().replacingOccurrences(
            of: "\"kind\": \"gateway-failure\"", with: "\"kind\": \"node-failure\"")
        let config = try #require(TwinConfig.read(text: text, file: "twin.json").config)
        #expect(config.scenarios[1].kind == .fault(.deviceFailure))
        #expect(config.scenarios[1].events[0].kind == .fault(.deviceFailure))
        #expect(config.canonicalJSON().contains("\"kind\": \"device-failure\""))
    }

    @Test func newerFormatIsRefused() {
        let found = diagnostics { $0 = $0.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 9") }
        #expect(found.map(\.code) == [ConfigDiagnostics.version])
    }
}

@Suite struct ScenarioTargetTests {
    private func diagnostics(target: String, kind: ScenarioEventKind) -> [Diagnostic] {
        var config = sampleConfig()
        config.scenarios.append(ScenarioConfig(id: "s", kind: .script, description: "", goals: [],
                                               events: [ScenarioEvent(at: .seconds(1), kind: kind, target: target,
                                                                      duration: nil, parameters: [:])]))
        return TwinConfig.read(text: config.canonicalJSON(), file: "twin.json").diagnostics
    }

    @Test func theWholeBodyAndPosturesAreTargets() {
        #expect(diagnostics(target: "body", kind: .attack(.eavesdropping)).isEmpty)
        #expect(diagnostics(target: "walking", kind: .fault(.postureChange)).isEmpty)
    }

    @Test func anUnknownTargetIsAnError() {
        #expect(diagnostics(target: "walking", kind: .attack(.jamming)).map(\.code) == [ConfigDiagnostics.unknownReference])
        #expect(diagnostics(target: "tablet", kind: .fault(.gatewayFailure)).map(\.code) == [ConfigDiagnostics.unknownReference])
    }
}
