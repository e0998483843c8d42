import Foundation
import Testing
import TwinJSON

/// Issue 8, "What was seen", the twin.json half: a hand-edited twin.json that trapped
/// `run`, ran for minutes, ate gigabytes or got misleading messages. Each now stops
/// with a coded diagnostic at the member at fault, exit 65, before anything simulates
/// (`--no-optimise --horizon 1s --replications 1` keeps the runs that do start short).
@Suite struct HostileTwinTests {
    static let quick = ["--no-optimise", "--horizon", "1s", "--replications", "1"]

    /// Runs the bundled twin with `edit` applied; returns stderr after checking exit 65.
    func refused(_ name: String, flags: [String] = quick, sourceLocation: SourceLocation = #_sourceLocation,
                 _ edit: (inout JSONValue) -> Void) throws -> String {
        let url = try HostileCase.twin(name, edit)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["run", url.path] + flags)
        #expect(result.status == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        return result.stderr
    }

    @Test func timesBeyondTheSimulatedClockAreRefused() throws {
        for (name, path) in [("wakeup", ["network", "devices", 0, "radio", "wakeupTime_s"] as [JSONStep]),
                             ("link", ["network", "links", 0, "latency_s"]),
                             ("edge", ["network", "edges", 0, "processingLatency_s"])] {
            let stderr = try refused("time-\(name)") { $0.set(path, to: 1e10) }
            #expect(stderr.contains("error[TK005]"), "\(name): \(stderr)")
            #expect(stderr.contains("it must be between"), "\(name): \(stderr)")
        }
    }

    @Test func knobValuesAreCheckedByTypeAndUnit() throws {
        let huge = try refused("knob-huge", flags: Self.quick) { $0.set(["knobs", 0, "values", 0], to: 1e19) }
        #expect(huge.contains("error[TK010]: knob `ar.tx-power`: value 1e+19 dBm is not between -60 dBm and 30 dBm"), "\(huge)")
        let period = try refused("knob-period") { twin in
            let index = twin["knobs"]?.arrayValue?.firstIndex { $0["parameter"] == "allocation-period" } ?? 0
            twin.set(["knobs", .index(index), "values", 0], to: 1e19)
        }
        #expect(period.contains("error[TK010]") && period.contains("is not a whole number from 1 to 65536"), "\(period)")
        for (name, value) in [("string", JSONValue.string("x")), ("null", .null), ("object", .object([]))] {
            let stderr = try refused("knob-\(name)") { $0.set(["knobs", 0, "values", 0], to: value) }
            #expect(stderr.contains("error[TK004]: `knobs[0].values[0]` must be a number"), "\(name): \(stderr)")
            #expect(!stderr.contains("n/a"))
        }
        let unit = try refused("knob-unit") { $0.set(["knobs", 0, "unit"], to: "mW") }
        #expect(unit.contains("`tx-power` is set in `dBm`, not `mW`"), "\(unit)")
    }

    @Test func duplicateAndTooManyKnobsAreRefusedBeforeAnySearch() throws {
        let duplicate = try refused("knob-duplicate") { twin in
            twin.append(["knobs"], twin.value(at: ["knobs", 0])!)
        }
        #expect(duplicate.contains("error[TK009]: two knobs have the id `ar.tx-power`"), "\(duplicate)")
        let goal = try refused("goal-duplicate") { twin in
            twin.append(["goals"], twin.value(at: ["goals", 0])!)
        }
        #expect(goal.contains("error[TK009]: two goals have the id"), "\(goal)")
        for extra in [15, 100] {
            let stderr = try refused("knobs-\(extra)", flags: ["--horizon", "1s", "--replications", "1"]) { twin in
                for k in 0..<extra {
                    twin.append(["knobs"], .object([
                        ("current", 0), ("id", .string("ar.extra-\(k)")), ("parameter", "tx-power"),
                        ("targets", ["ar"]), ("unit", "dBm"), ("values", [0, 14, 20]),
                    ]))
                }
            }
            #expect(stderr.contains("error[TK010]: \(extra + 2) knobs target device `ar`; the optimiser searches at most 16"),
                    "\(stderr)")
        }
    }

    @Test func eventRatesBeyondTheBudgetAreRefused() throws {
        for (name, rate) in [("alarm-1e7", 1e7), ("alarm-2p31", 2_147_483_648.0)] {
            let stderr = try refused(name) { $0.set(["network", "devices", 0, "traffic", "alarmRate_per_s"], to: .number(rate)) }
            #expect(stderr.contains("error[TK005]: `network.devices[0].traffic.alarmRate_per_s`"), "\(stderr)")
            #expect(stderr.contains("at most 10,000 alarms per simulated second"), "\(stderr)")
        }
        // Two floods in one scenario, each within its own range, together too fast.
        let flood = try refused("flood") { twin in
            let event: JSONValue = .object([("at_s", 1), ("duration_s", 1), ("kind", "dos"),
                                            ("parameters", .object([("rate_per_s", 9000)])), ("target", "phone")])
            twin.set(["scenarios", 0, "events"], to: [event, event])
        }
        #expect(flood.contains("error[TK008]: scenario `baseline` would send 18000 attack frames per simulated second"),
                "\(flood)")
    }

    /// JSON has no `.inf`, but a literal beyond a double is one: the reader says so rather
    /// than "invalid number".
    @Test func aNumberBeyondADoubleIsNamedAsSuch() throws {
        let text = try HostileCase.read(HostileCase.twin)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-hostile-\(ProcessInfo.processInfo.processIdentifier)-1e400.json")
        try HostileCase.replacing("\"horizon_s\": 86400", with: "\"horizon_s\": 1e400", in: text)
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["run", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error[TK001]: number `1e400` is beyond the range of a double"), "\(result.stderr)")
    }

    /// Thousands of quiet devices cost work in every replication though they send
    /// nothing: the network's size is capped on its own.
    @Test func aNetworkTooLargeToSimulateIsRefused() throws {
        let stderr = try refused("too-many-devices") { twin in
            let device = twin.value(at: ["network", "devices", 0])!
            var devices: [JSONValue] = []
            for k in 0..<1_100 {
                var copy = device
                copy.set(["id"], to: .string("copy-\(k)"))
                devices.append(copy)
            }
            twin.set(["network", "devices"], to: .array(devices))
        }
        #expect(stderr.contains("error[TK011]: the twin has 1100 devices; the runtime simulates at most 1024"), "\(stderr.suffix(500))")
    }

    /// A missing part of a device is reported once, and its siblings are not taken for
    /// unknown members.
    @Test func aMissingRadioIsOneError() throws {
        let stderr = try refused("no-radio") { $0.set(["network", "devices", 0, "radio"], to: nil) }
        #expect(stderr.components(separatedBy: "error[TK003]").count == 2, "\(stderr)")
        #expect(stderr.contains("missing `network.devices[0].radio`"))
        #expect(!stderr.contains("TK007"), "\(stderr)")
        #expect(stderr.hasSuffix("1 error generated.\n"), "\(stderr)")
    }

    /// A name outside one of twin.json's closed sets (a KPI, a knob parameter, a
    /// placement, …) is refused at its member before anything runs.
    @Test func unknownVocabularyNamesAreRefused() throws {
        for (name, path, member) in [("kpi", ["goals", 0, "kpi"] as [JSONStep], "goals[0].kpi"),
                                     ("knob", ["knobs", 0, "parameter"], "knobs[0].parameter"),
                                     ("placement", ["network", "devices", 0, "placement"], "network.devices[0].placement")] {
            let stderr = try refused("vocabulary-\(name)") { $0.set(path, to: "nonsense") }
            #expect(stderr.contains("error[TK005]: `\(member)` is `nonsense`, not one of "), "\(name): \(stderr)")
        }
    }

    @Test func unknownScenarioParametersAreNotIgnored() throws {
        let stderr = try refused("scenario-parameter") { twin in
            twin.set(["scenarios", 2, "events", 0, "parameters", "on_s"], to: 1e-9)
            twin.set(["scenarios", 2, "events", 0, "parameters", "colour"], to: 1)
        }
        #expect(stderr.contains("error[TK005]: `scenarios[2].events[0].parameters.on_s`"), "\(stderr)")
        #expect(stderr.contains("error[TK007]: unknown scenario parameter `scenarios[2].events[0].parameters.colour`"),
                "\(stderr)")
    }

    /// A `relay` the IEEE 802.15.6 two-hop extension cannot run is refused at the member
    /// (issue 11 §4): no such device (TK006), the device itself, a BLE watch (TK012). A
    /// relay that can relay runs and says what it saved.
    @Test func relaysAreCheckedAtTheirMember() throws {
        let ecg: [JSONStep] = ["network", "devices", 2, "relay"]
        let unknown = try refused("relay-unknown") { $0.set(ecg, to: "nobody") }
        #expect(unknown.contains("error[TK006]: device `ecg` is relayed by `nobody`"), "\(unknown)")
        let itself = try refused("relay-itself") { $0.set(ecg, to: "ecg") }
        #expect(itself.contains("error[TK012]: device `ecg`: a device cannot relay itself"), "\(itself)")
        let watch = try refused("relay-ble") { $0.set(ecg, to: "watch") }
        #expect(watch.contains("error[TK012]: device `ecg`: `watch` cannot relay: its radio is ble"), "\(watch)")
        let url = try HostileCase.twin("relay-pump") { $0.set(ecg, to: "pump") }
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["run", url.path, "--no-optimise", "--horizon", "2min", "--replications", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ecg via pump: "), "\(result.stdout.suffix(2000))")
    }
}
