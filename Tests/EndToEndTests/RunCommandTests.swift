import Foundation
import Testing
import TwinDriver
import TwinJSON
import TwinUnits
import TwinVocabulary

/// `twinc run` through the built binary: the report's structure (values depend on the
/// simulator, so only their shape is asserted here; the KPI rules have known-answer
/// unit tests in TwinRuntimeTests), determinism of the JSON, and the exit statuses of
/// bad configs and bad flags.
@Suite struct RunCommandTests {
    /// The 12-device demo twin as twin.json in a fresh folder: 30 s simulated (its
    /// gateway failure at 7.5 s, jammer at 15 s), 2 replications, seed 1.
    static func demoTwin(_ edit: (String) -> String = { $0 }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-run-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("twin.json")
        try edit(BenchmarkDemoTwin.json(horizon: .seconds(30), replications: 2)).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func jsonReportHasEveryScenarioGoalAndDevice() throws {
        let twin = try Self.demoTwin()
        let result = try Twinc.run(["run", twin.path, "--format", "json", "--replications", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try? JSONParser.parse(result.stdout).get().value)
        #expect(json["format"]?["name"] == "twinc-run")
        #expect(json["settings"]?["horizon_s"] == 30)
        #expect(json["settings"]?["replications"] == 2)
        #expect(json["settings"]?["seed"] == 1, "from twin.json")
        let scenarios = try #require(json["scenarios"]?.arrayValue)
        #expect(scenarios.map { $0["id"]?.stringValue } == ["baseline", "phone-fails", "jamming"])
        #expect(scenarios.allSatisfy { $0["eventsAfterHorizon"] == 0 })
        #expect(scenarios[0]["goals"]?.arrayValue?.map { $0["id"]?.stringValue }
                == ["ecg-delivery", "ecg-latency", "pump-lifetime", "protect-vitals"])
        let verdicts = Set(["met", "not-met", "inconclusive", "not-evaluated"])
        for scenario in scenarios {
            #expect(scenario["devices"]?.arrayValue?.count == 12)
            for goal in scenario["goals"]?.arrayValue ?? [] {
                #expect(verdicts.contains(goal["verdict"]?.stringValue ?? ""))
                #expect(goal["samples"]?.arrayValue?.count == 2, "one sample per replication")
            }
        }
        // protect-vitals is judged only where one of its threats attacks; this twin's only
        // scenario for it is the baseline, so the run says so at the top (an error).
        let protect = scenarios[0]["goals"]?.arrayValue?.first { $0["id"] == "protect-vitals" }
        #expect(protect?["verdict"] == "not-evaluated")
        #expect(protect?["note"]?.stringValue?.contains("`eavesdropping` or `spoofing` or `replay` attack") == true)
        let errors = json["errors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(errors.contains { $0.hasPrefix("goal `protect-vitals` was evaluated in no scenario") })
        let summary = try #require(json["summary"]?["goals"]?.arrayValue)
        #expect(summary.count == 6)
        #expect(result.stderr.isEmpty, "no progress line without a terminal: \(result.stderr)")
    }

    @Test func sameTwinAndSeedGiveIdenticalBytes() throws {
        let twin = try Self.demoTwin()
        let first = try Twinc.run(["run", twin.path, "--format", "json", "--seed", "9", "--jobs", "1", "--replications", "2"])
        let second = try Twinc.run(["run", twin.path, "--format", "json", "--seed", "9", "--jobs", "3", "--replications", "2"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"seed\": 9"))
    }

    @Test func textReportOfAFolder() throws {
        let twin = try Self.demoTwin()
        let result = try Twinc.run(["run", twin.deletingLastPathComponent().path, "--horizon", "10 s",
                                    "--replications", "3", "--warmup", "1s"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("twin icu-demo"))
        #expect(result.stdout.contains("run: horizon 10 s, warm-up 1 s, 3 replications, seed 1"))
        for heading in ["scenario baseline (baseline)", "scenario phone-fails (gateway-failure)", "95 % CI",
                        "latency p50", "avg current", "verdicts: ", "overall"] {
            #expect(result.stdout.contains(heading), "missing `\(heading)`")
        }
        // The jammer starts half-way into whatever horizon is run: at 5 s of the overridden 10 s.
        #expect(!result.stdout.contains("timed at or after the horizon"))
        #expect(!result.stdout.contains("no `jamming` attack before the horizon"))
        #expect(result.stdout.contains("A jammer 2 m away"))
    }

    @Test func badConfigPointsIntoTheJSON() throws {
        let twin = try Self.demoTwin { $0.replacingOccurrences(of: "\"replications\": 2", with: "\"replications\": \"2\"") }
        let text = try String(contentsOf: twin, encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("\"replications\": \"2\"") }) + 1
        let result = try Twinc.run(["run", twin.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("TK004"))
        #expect(result.stderr.contains("\(twin.path):\(line):"), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)

        let truncated = try Self.demoTwin { String($0.dropLast(10)) }
        let syntax = try Twinc.run(["run", truncated.path, "--format", "json"])
        #expect(syntax.status == 65)
        let diagnostics = try #require(try? JSONParser.parse(syntax.stdout).get().value)
        #expect(diagnostics["diagnostics"]?.arrayValue?.first?["code"] == "TK001", "stdout: \(syntax.stdout)")
    }

    /// `--fail-on` turns a critical goal's verdict into the exit status (1), for CI
    /// pipelines that assure intents; without it a run exits 0 whatever the verdicts.
    @Test func failOnMakesACriticalGoalTheExitStatus() throws {
        let twin = try Self.demoTwin()
        let plain = try Twinc.run(["run", twin.path, "--replications", "2", "--no-optimise"])
        #expect(plain.status == 0)
        let failing = try Twinc.run(["run", twin.path, "--replications", "2", "--no-optimise", "--fail-on", "inconclusive"])
        #expect(failing.status == 1, "stderr: \(failing.stderr)")
        #expect(failing.stderr.contains("critical goal"))
        #expect(failing.stderr.contains("(--fail-on inconclusive)"))
        #expect(failing.stdout == plain.stdout, "the report is printed either way")
        let bad = try Twinc.run(["run", twin.path, "--fail-on", "sometimes"])
        #expect(bad.status == 64)
    }

    @Test func missingFileIsExit66() throws {
        let result = try Twinc.run(["run", "/nonexistent/twin.json"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("TC001"))
    }

    @Test(arguments: ["5 kg", "fast", "0 s", "-1h", "12", "11 y"])
    func badHorizonIsAUsageError(_ horizon: String) throws {
        let twin = try Self.demoTwin()
        let result = try Twinc.run(["run", twin.path, "--horizon", horizon])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--horizon"))
        #expect(result.stdout.isEmpty)
    }

    @Test func warmupAsLongAsTheHorizonIsAUsageError() throws {
        let twin = try Self.demoTwin()
        let result = try Twinc.run(["run", twin.path, "--horizon", "10 s", "--warmup", "10 s"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--warmup"))
    }

    @Test func runtimeCodesAreExplained() throws {
        let result = try Twinc.run(["explain", "TR001"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("mMaxBANSize"))
        let list = try Twinc.run(["explain", "--list"])
        for code in ["TR001", "TR002", "TR003", "TR004", "TR005"] { #expect(list.stdout.contains(code)) }
    }
}
