import Testing
import TwinConfig
import TwinJSON
@testable import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinApplications

private typealias F = ViewFixture

/// What the view writes and prints: the snapshot, the CSV files, the JSON.
@Suite struct ViewOutputTests {
    static func view(_ config: TwinConfig = F.config()) throws -> NetworkView {
        NetworkView.build(config: config, outcomes: try F.outcomes(config))
    }

    @Test func snapshotIsTheSampleAtOrBeforeTheTime() throws {
        let view = try Self.view()
        let trace = try #require(view.scenarios.first?.trace)
        let snapshot = try #require(view.snapshot(at: .seconds(55), scenario: nil))
        #expect(snapshot.scenario == "baseline" && snapshot.replication == 0)
        #expect(snapshot.sampleTime == .seconds(50))
        let index = try #require(trace.times.firstIndex(of: .seconds(50)))
        for device in trace.devices {
            let row = try #require(snapshot.device(device.id))
            #expect(row.batteryLeft == device.batteryLeft[index])
            #expect(row.queue == device.queue[index])
            #expect(row.deliveryRatio == device.deliveryRatio[index])
            #expect(row.rssi == device.rssi[index])
            #expect(row.gateway == "phone" && row.primaryGatewayUp == true)
        }
        // Exactly on a sample instant, that sample.
        #expect(view.snapshot(at: .seconds(60), scenario: "baseline")?.sampleTime == .seconds(60))
        #expect(view.snapshot(at: .seconds(120), scenario: "baseline")?.sampleTime == .seconds(120))
    }

    @Test func snapshotSaysWhyThereIsNone() throws {
        let view = try Self.view()
        #expect(view.snapshot(at: .seconds(121), scenario: nil) == nil)
        #expect(view.locateSnapshot(at: .seconds(121), scenario: nil)
            == .failure(.beyondHorizon(at: .seconds(121), horizon: .seconds(120), scenario: "baseline")))
        #expect(view.snapshot(at: .seconds(30), scenario: "jamming") == nil)
        #expect(view.locateSnapshot(at: .seconds(30), scenario: "jamming")
            == .failure(.unknownScenario("jamming", known: ["baseline"])))
        let early = view.locateSnapshot(at: .seconds(3), scenario: nil)
        #expect(early == .failure(.beforeFirstSample(at: .seconds(3), first: .seconds(10), scenario: "baseline")))
        if case .failure(let problem) = early { #expect(problem.description.contains("first is at 10 s")) }
    }

    @Test func snapshotTextHasTheHeaderAndAnAlignedRowPerDevice() throws {
        let config = F.config(horizon: .hours(3) + .seconds(60), sampleInterval: .seconds(600))
        var quiet = config
        quiet.network.devices = quiet.network.devices.map { device in
            var device = device
            device.traffic.interval = .seconds(2)  // a long horizon, few packets
            return device
        }
        let view = try Self.view(quiet)
        let text = try #require(view.snapshot(at: .hours(3), scenario: "baseline")).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "network view at 3 h (scenario baseline, replication 0)")
        #expect(lines[1].hasPrefix("sample at 3 h"))
        #expect(lines[2].hasPrefix("device") && lines[2].contains("battery") && lines[2].contains("RSSI"))
        #expect(lines.count == 3 + 3 + 1)  // header lines, column header, three devices, final newline
        let rows = lines[2..<6]
        // Right-aligned last column: every row ends at the same column.
        #expect(Set(rows.map(\.count)).count == 1, "\(rows)")
        #expect(lines[3].hasPrefix("ecg ") && lines[3].contains("phone") && lines[3].contains(" up "))
    }

    @Test func seriesCSVHasOneRowPerSamplePerDeviceAndReadsBack() throws {
        let view = try Self.view()
        let files = view.csvFiles()
        #expect(files.map(\.name) == ["topology.csv", "topology-links.csv", "links.csv", "uplinks.csv", "devices.csv",
                                      "latency-cdf.csv", "series-baseline.csv"])
        let trace = try #require(view.scenarios.first?.trace)
        let series = try #require(files.first { $0.name == "series-baseline.csv" }).contents
        let records = try ViewCSVReader.records(series)
        #expect(records.first == ["time_s", "device", "deliveryRatio", "rssi_dBm", "queue", "batteryLeft_ratio",
                                  "gateway", "primaryGatewayUp", "latencyMean_s"])
        let rows = records.dropFirst()
        #expect(rows.count == trace.times.count * trace.devices.count)
        #expect(rows.allSatisfy { $0.count == 9 })
        for (offset, row) in rows.enumerated() {
            let index = offset / trace.devices.count
            let device = trace.devices[offset % trace.devices.count]
            #expect(Double(row[0]) == trace.times[index].seconds)
            #expect(row[1] == device.id)
            #expect(Double(row[2]) == device.deliveryRatio[index])
            #expect(Double(row[3]) == device.rssi[index]?.dBm)
            #expect(Int(row[4]) == device.queue[index])
            #expect(Double(row[5]) == device.batteryLeft[index])
            #expect(Double(row[8]) == device.latencyMean[index]?.seconds)
        }
        for file in files {
            let table = try ViewCSVReader.records(file.contents)
            #expect(Set(table.map(\.count)).count == 1, "\(file.name): ragged rows")
        }
        let links = try ViewCSVReader.records(try #require(files.first { $0.name == "links.csv" }).contents)
        #expect(links.count == 1 + 5)
    }

    /// Each gateway's uplink has its own delivery and latency in the view, the JSON and
    /// `uplinks.csv`, from the gateway's counters pooled over replications.
    @Test func uplinksHaveTheirOwnDeliveryAndLatency() throws {
        let config = F.config()
        let outcomes = try F.outcomes(config)
        let view = NetworkView.build(config: config, outcomes: outcomes)
        let scenario = try #require(view.scenarios.first)
        #expect(scenario.uplinks.map(\.gateway) == config.network.gateways.map(\.id))
        for uplink in scenario.uplinks {
            let gateways = outcomes[0].compactMap { $0.gateway(uplink.gateway) }
            #expect(uplink.offered == gateways.reduce(0) { $0 + $1.uplinkOffered })
            #expect(uplink.forwarded == gateways.reduce(0) { $0 + $1.framesForwarded })
            if uplink.offered > 0 {
                #expect(uplink.deliveryRatio.map { $0 > 0 && $0 <= 1 } == true)
                #expect(uplink.meanDelay.map { $0 > .zero } == true)
            }
        }
        #expect(scenario.uplinks.contains { $0.offered > 0 })
        let csv = try ViewCSVReader.records(try #require(view.csvFiles().first { $0.name == "uplinks.csv" }).contents)
        #expect(csv.first == ["scenario", "gateway", "edge", "offered", "forwarded", "deliveryRatio", "delayMean_s",
                              "delayMax_s"])
        #expect(csv.count == 1 + scenario.uplinks.count)
        let json = try #require(view.jsonValue()["scenarios"]?.arrayValue?.first?["uplinks"]?.arrayValue)
        #expect(json.count == scenario.uplinks.count && json.first?["deliveryRatio"] != nil)
    }

    @Test func csvQuotesFieldsThatNeedItAndNamesFilesSafely() throws {
        #expect(CSVTable.quoted("plain") == "plain")
        #expect(CSVTable.quoted("a,b") == "\"a,b\"")
        #expect(CSVTable.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.fileSafe("../etc/passwd") == ".._etc_passwd")
        #expect(CSVTable.fileSafe("..") == "_..")
        var table = CSVTable(header: ["id", "note"])
        table.append([.text("x,1"), .text("a \"quote\"\r\nand a line")])
        #expect(try ViewCSVReader.records(table.text) == [["id", "note"], ["x,1", "a \"quote\"\r\nand a line"]])
    }

    @Test func jsonIsByteIdenticalAcrossTwoBuildsAndFollowsTheContract() throws {
        let config = F.config(horizon: .seconds(60), sampleInterval: .seconds(5),
                              scenarios: [F.baseline, F.gatewayFailure(at: .seconds(30))])
        let first = JSONWriter.canonical.string(try Self.view(config).jsonValue())
        let second = JSONWriter.canonical.string(try Self.view(config).jsonValue())
        #expect(first == second)
        let again = try Self.view(config)
        #expect(again.csvFiles().map(\.contents) == (try Self.view(config)).csvFiles().map(\.contents))
        let json = try Self.view(config).jsonValue()
        #expect(json["sampleInterval_s"]?.numberValue == 5)
        let topology = try #require(json["topology"])
        for key in ["devices", "gateways", "edge", "links"] { #expect(topology[key]?.arrayValue != nil, "\(key)") }
        let device = try #require(topology["devices"]?.arrayValue?.first)
        for key in ["id", "class", "placement", "x_m", "y_m", "gateway", "backupGateway", "radio", "inBody"] {
            #expect(device[key] != nil, "topology device \(key)")
        }
        let scenario = try #require(json["scenarios"]?.arrayValue?.last)
        #expect(scenario["id"]?.stringValue == "phone-down")
        let link = try #require(scenario["links"]?.arrayValue?.first)
        for key in ["device", "gateway", "pathLoss_dB", "rssi_dBm", "pdr"] { #expect(link[key] != nil, "link \(key)") }
        let figures = try #require(scenario["devices"]?.arrayValue?.first)
        for key in ["id", "meanQueue", "energyLeft_ratio", "deliveryRatio", "latencyP50_s", "latencyP99_s"] {
            #expect(figures[key] != nil, "device \(key)")
        }
        let cdf = try #require(scenario["latencyCDF"]?.arrayValue?.first)
        #expect(cdf["points"]?.arrayValue?.first?.arrayValue?.count == 2)
        let series = try #require(scenario["series"])
        let times = try #require(series["time_s"]?.arrayValue)
        #expect(times.count == 12)
        let watch = try #require(series["devices"]?.arrayValue?.last)
        for key in ["deliveryRatio", "rssi_dBm", "queue", "batteryLeft_ratio", "latencyMean_s"] {
            #expect(watch[key]?.arrayValue?.count == times.count, "series \(key)")
        }
        // After the phone fails the watch has no gateway: null, not a made-up number.
        #expect(watch["gateway"]?.arrayValue?.last == .null)
    }

    @Test func bundledICUTwinOnATenMinuteHorizon() throws {
        var config = try F.icuTwin()
        config.run.horizon = .seconds(600)
        config.run.replications = 1
        config.run.warmup = .seconds(10)
        // Keep the baseline and the phone failure, moved inside the horizon.
        config.scenarios = config.scenarios.filter { $0.kind == .baseline || $0.kind == .fault(.gatewayFailure) }
            .map { scenario in
                var scenario = scenario
                scenario.events = scenario.events.map { var event = $0; event.at = .seconds(300); return event }
                return scenario
            }
        let view = NetworkView.build(config: config, outcomes: try F.outcomes(config))
        #expect(view.topology.devices.map(\.id) == config.network.devices.map(\.id))
        #expect(view.topology.gateways.map(\.id) == config.network.gateways.map(\.id))
        #expect(view.topology.devices.allSatisfy { $0.positionKnown })
        #expect(view.sampleInterval == config.run.sampleInterval)
        for scenario in view.scenarios {
            let trace = try #require(scenario.trace)
            #expect(trace.times.count == Int(600 / config.run.sampleInterval.si))
        }
        let snapshot = try #require(view.snapshot(at: .seconds(450), scenario: "gateway-failure-phone"))
        #expect(snapshot.text().hasPrefix("network view at 7.5 min (scenario gateway-failure-phone, replication 0)"))
    }
}
