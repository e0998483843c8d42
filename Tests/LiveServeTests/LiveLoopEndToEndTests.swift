import Foundation
import Testing
import TwinJSON
import TwinServe

/// Serve + emulate with a truth that differs, the whole loop through HTTP: the drift on
/// the ECG link, its calibration, the pump's forecast against the emulator's ground
/// truth, the gateway failure as a goal event, and a recommendation applied through the
/// emulator's control endpoint that restores a goal.
@Suite struct LiveLoopEndToEndTests {
    /// The bundled truth's differences, sooner: ECG links 6 dB weaker at 20 min, the pump
    /// cell at 80 % with 3 mA unmodelled, the phone failing at 40 min.
    static let truth = """
        twin: 1
        kind: truth
        description: the bundled truth with the phone failing at 40 min
        links:
          - { device: ecg, weaker: 6 dB, from: 20 min }
        batteries:
          - { device: pump, capacity: 80 %, extra-current: 3 mA }
        gateways:
          - { gateway: phone, fails: 40 min }
        """

    static func json(_ client: HTTPClient, _ path: String, token: String) throws -> JSONValue {
        let response = try client.request("GET", path, headers: [("Authorization", "Bearer \(token)")])
        guard case .success(let json) = JSONParser.parse(response.text) else { throw ServeTestError("not JSON: \(response.text)") }
        return json.value
    }

    /// The demo twin worn by a first responder (field-triage's compiled `activity`): the
    /// compiled ward patient lies through the 70 min (one sleeping bout, a 33 ± 7.5 dB
    /// shadow, Smith et al. 2011), where the ECG link is in outage whatever the optimiser
    /// turns, so no action could restore a goal; a wearer who stands and walks keeps the
    /// loop's story (drift, calibration, action, recovery) observable.
    static func movingWearerTwin(in fixture: LiveFixture) throws -> String {
        func read(_ twin: String) throws -> [(String, JSONValue)] {
            let text = try String(contentsOfFile: "Generated/\(twin)/twin.json", encoding: .utf8)
            guard case .object(let members) = try JSONParser.parse(text).get().value else { throw ServeTestError("\(twin)") }
            return members
        }
        let wearer = try read("field-triage").first { $0.0 == "activity" }
        let members = try read("icu-monitoring").map { $0.0 == "activity" ? (wearer ?? $0) : $0 }
        let folder = fixture.path("icu-monitoring")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try JSONWriter.canonical.string(.object(members)).write(toFile: folder + "/twin.json", atomically: true, encoding: .utf8)
        return folder
    }

    /// An emulator whose control endpoint cannot listen (its port is the server's own)
    /// stops with that reason and exit 69, instead of streaming a run nobody can steer.
    @Test func anEmulatorWhoseControlEndpointCannotListenStops() throws {
        let fixture = try LiveFixture()
        let server = try ServeProcess(["serve", "Generated/icu-monitoring", "--listen", "127.0.0.1:0",
                                       "--token-file", fixture.tokens])
        defer { server.stop() }
        let emulate = try ServeProcess.run([
            "emulate", "Generated/icu-monitoring", "--to", "http://127.0.0.1:\(server.port)", "--token", fixture.all,
            "--speed", "60", "--duration", "10 min", "--control-listen", "127.0.0.1:\(server.port)",
        ], timeout: 120)
        #expect(emulate.status == 69, "\(emulate.stdout)")
        #expect(emulate.stdout.contains("the control endpoint stopped"), "\(emulate.stdout)")
    }

    @Test func serveAndEmulateFindTheTruthAndActOnIt() throws {
        let fixture = try LiveFixture()
        try Self.truth.write(toFile: fixture.path("truth.yaml"), atomically: true, encoding: .utf8)
        let twin = try Self.movingWearerTwin(in: fixture)
        let controlPort = ServeProcess.freePort()
        let server = try ServeProcess([
            "serve", twin, "--listen", "127.0.0.1:0", "--token-file", fixture.tokens,
            "--store", fixture.path("live.sqlite"), "--control", "http://127.0.0.1:\(controlPort)/control",
            "--apply-actions", "--act-horizon", "2 min", "--act-interval", "120 min", "--recovery-check", "10 min",
        ])
        defer { server.stop() }
        // One recommendation in the 70 min (the act interval is longer), which the emulator
        // waits for: 210 s of pacing plus the optimiser's wall time, under CI's load too.
        let emulate = try ServeProcess.run([
            "emulate", twin, "--to", "http://127.0.0.1:\(server.port)", "--token", fixture.all,
            "--speed", "20", "--duration", "70 min", "--truth", fixture.path("truth.yaml"), "--seed", "7",
            "--control-listen", "127.0.0.1:\(controlPort)", "--truth-out", fixture.path("ground-truth.json"),
            // The optimiser's wall time, times the speed-up, would be emulated time that
            // depends on the machine's load: the emulator waits for the twin instead.
            "--wait-for-twin",
        ], timeout: 1200)
        #expect(emulate.status == 0, "\(emulate.stdout)")
        let client = server.client()
        let groundTruthText = try String(contentsOfFile: fixture.path("ground-truth.json"), encoding: .utf8)
        let groundTruth = try JSONParser.parse(groundTruthText).get().value
        let events = try Self.json(client, "/v1/twins/icu-monitoring/events", token: fixture.all)["events"]?.arrayValue ?? []
        func time(_ event: JSONValue) -> Double? { event["time"]?.stringValue.flatMap { RFC3339Parse.seconds($0) } }
        let first = try #require(events.first.flatMap(time)) - 10

        // Until the first applied action: after it the changed devices re-associate and
        // their links are learned again from the prior (see docs/live-twin.md).
        let actionTime = events.first { $0["kind"]?.stringValue == "action" && ($0["message"]?.stringValue ?? "").hasPrefix("applied") }
            .flatMap { _ in events.filter { $0["kind"]?.stringValue == "action" }.compactMap(time).first }

        // Drift flagged on the right link, within 2 telemetry minutes of the change at 20 min.
        // The action's telemetry time is the optimiser's wall time × the emulator's speed,
        // so it depends on the machine: when it lands within 2.5 min of the change, the ECG
        // link re-associates then and is learned again from the model's wide prior, which
        // documentedly takes longer to see a 6 dB step (seen in CI: +480 s). Then only the
        // order is checked; `EmulatedLoopTests` checks the 2 min bound with no action.
        let drifts = events.filter { $0["kind"]?.stringValue == "drift" && !($0["subject"]?.stringValue ?? "").hasPrefix("battery") }
        let ecg = try #require(drifts.first { $0["subject"]?.stringValue == "ecg→phone" }, "\(drifts)")
        let delay = try #require(time(ecg)) - (first + 1200)
        let reassociatedAtTheChange = actionTime.map { abs($0 - (first + 1200)) <= 150 } ?? false
        #expect(delay >= 0 && (delay <= 120 || reassociatedAtTheChange),
                "flagged \(delay) s after the change (action at \(actionTime.map { $0 - first } ?? -1) s)")
        let others = drifts.filter { time($0) ?? 0 < (actionTime ?? .infinity) }
            .compactMap { $0["subject"]?.stringValue }.filter { !$0.hasPrefix("ecg→") }
        #expect(others.isEmpty, "drift on links the truth left alone: \(others)")
        let batteries = events.filter { $0["kind"]?.stringValue == "drift" && time($0) ?? 0 < (actionTime ?? .infinity) }
            .compactMap { $0["subject"]?.stringValue }.filter { $0.hasPrefix("battery:") && $0 != "battery:pump" }
        #expect(batteries.isEmpty, "drift on batteries the truth left alone: \(batteries)")

        // The drift re-calibrated the link (the 1 dB agreement with the truth is
        // `EmulatedLoopTests`, where no action re-associates the network afterwards).
        let recalibrated = events.first { $0["kind"]?.stringValue == "calibration" && $0["subject"]?.stringValue == "ecg→phone" }
        let offset = try #require(recalibrated?["evidence"]?["offset_dB"]?.numberValue)
        #expect(offset > 0, "the ECG link re-learned as \(offset) dB against the model")
        _ = try #require(groundTruth["links"]?["ecg"]?.numberValue)

        // The pump's forecast within 5 % of the emulator's ground truth.
        let assurance = try Self.json(client, "/v1/twins/icu-monitoring/assurance", token: fixture.all)
        let pump = try #require(assurance["goals"]?.arrayValue?.first { $0["goal"]?.stringValue == "pump-lifetime" })
        let forecast = try #require(pump["value"]?.numberValue)
        let lifetime = try #require(groundTruth["lifetimes_s"]?["pump"]?.numberValue)
        #expect(abs(forecast - lifetime) / lifetime <= 0.05, "forecast \(forecast / 86400) d, truth \(lifetime / 86400) d")
        #expect(pump["state"]?.stringValue == "at-risk")

        // The gateway failure as a goal event at the time of its telemetry.
        let down = try #require(events.first { $0["kind"]?.stringValue == "gateway" && ($0["message"]?.stringValue ?? "").contains("down") })
        let goalEvent = try #require(events.first {
            $0["kind"]?.stringValue == "goal" && $0["subject"]?.stringValue == "survive-gateway-loss" && time($0) ?? 0 >= time(down) ?? .infinity
        })
        #expect(try #require(time(goalEvent)) - (try #require(time(down))) <= 2)

        // A recommendation applied through the emulator's control endpoint restores a goal.
        let applied = try #require(events.first { $0["kind"]?.stringValue == "action" && ($0["message"]?.stringValue ?? "").hasPrefix("applied") },
                                   "\(events.filter { ["recommendation", "action"].contains($0["kind"]?.stringValue ?? "") })")
        #expect(emulate.stdout.contains("applied "), "the emulator applied the knobs")
        // The recommendation says what it rests on (screening runs, point estimates).
        let recommended = try #require(events.first { $0["kind"]?.stringValue == "recommendation"
            && ($0["message"]?.stringValue ?? "").hasPrefix("recommended") })
        #expect((recommended["message"]?.stringValue ?? "").hasSuffix("of the baseline scenario, decided on point estimates)"),
                "\(recommended)")
        // The action is dated when the emulator applied it (its control reply's
        // `appliesAt`), not when the server last heard from it: batches in flight still
        // carried the old settings, and the recovery check counts from here.
        let appliedAt = emulate.stdout.split(separator: "\n").first { $0.hasPrefix("applied ") }
            .flatMap { $0.split(separator: " ").dropLast().last }.flatMap { Double($0) }
        #expect(appliedAt.map { abs((time(applied) ?? 0) - first - $0) < 0.01 } == true, "action at \((time(applied) ?? 0) - first) s, emulator \(appliedAt ?? -1) s")
        let outcome = try #require(events.first { $0["kind"]?.stringValue == "action" && ($0["message"]?.stringValue ?? "").hasPrefix("after the action") })
        let message = outcome["message"]?.stringValue ?? ""
        let recovered = message.split(separator: ";").first.map(String.init) ?? ""
        #expect(recovered.contains("ecg-latency"), "\(message)")
    }
}

/// RFC 3339 → seconds, through the library's parser.
enum RFC3339Parse {
    static func seconds(_ text: String) -> Double? {
        TwinLiveBridge.parse(text)
    }
}
