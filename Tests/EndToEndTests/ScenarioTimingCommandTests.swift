import Foundation
import Testing
import TwinJSON

/// Every scenario happens in every run, through the built binary: the bundled twins at a
/// horizon far shorter than they were compiled for still evaluate every goal, and an
/// explicit event time is refused where it falls outside the run — by `compile` against
/// the intent's horizon (TS021), by `run` against `--horizon` (TR006).
@Suite struct ScenarioTimingCommandTests {
    static func compile(_ intent: String) throws -> (ProcessResult, URL) {
        let out = CompileCommandTests.temporaryFolder()
        let result = try Twinc.run(["compile", intent, "Templates/proactive-qa.yaml", "--out", out.path])
        return (result, out)
    }

    /// Every goal of every bundled twin gets a verdict at 4 simulated minutes (the
    /// twins' faults and attacks land a minute in), none "not evaluated".
    @Test(arguments: ["icu-monitoring", "field-triage", "immersive-session"])
    func bundledTwinsEvaluateEveryGoalAtAShortHorizon(_ twin: String) throws {
        let result = try Twinc.run(["run", "Generated/\(twin)", "--horizon", "4min", "--replications", "1",
                                    "--no-optimise", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try? JSONParser.parse(result.stdout).get().value)
        #expect((json["errors"]?.arrayValue ?? []).isEmpty, "\(json["errors"].map { "\($0)" } ?? "")")
        let summary = try #require(json["summary"]?["goals"]?.arrayValue)
        #expect(!summary.isEmpty)
        for goal in summary {
            #expect(["met", "not-met", "inconclusive"].contains(goal["verdict"]?.stringValue ?? ""),
                    "\(goal["id"]?.stringValue ?? "?"): \(goal["verdict"]?.stringValue ?? "none")")
        }
        for scenario in json["scenarios"]?.arrayValue ?? [] {
            #expect(scenario["eventsAfterHorizon"] == 0)
            for goal in scenario["goals"]?.arrayValue ?? [] {
                #expect(goal["verdict"] != "not-evaluated", "\(scenario["id"]?.stringValue ?? "") \(goal["id"]?.stringValue ?? "")")
            }
        }
    }

    /// The demo's attack scenarios stop when their last attack is over, and the report
    /// says so under each; `--whole-horizon` runs them to the horizon, with the same
    /// verdicts (at 1 h the eavesdropper's hour outlasts the run, so three stop).
    @Test func attackScenariosStopWhereTheirGoalsSettleUnlessTheWholeHorizonIsAsked() throws {
        let arguments = ["run", "Generated/icu-monitoring", "--horizon", "1h", "--replications", "2", "--no-optimise"]
        let stopped = try Twinc.run(arguments)
        let whole = try Twinc.run(arguments + ["--whole-horizon"])
        #expect(stopped.status == 0 && whole.status == 0, "stderr: \(stopped.stderr) \(whole.stderr)")
        let notes = stopped.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("  simulated to ") }
        #expect(notes.count == 3, "\(notes)")
        #expect(notes.contains { $0.hasPrefix("  simulated to 25 min: its goals cannot change once its last event is over") })
        #expect(notes.contains { $0.hasPrefix("  simulated to 44 min:") }, "the jammer's last burst ends at 44/60 h")
        #expect(!whole.stdout.contains("simulated to"))
        let verdicts = { (text: String) in text.components(separatedBy: "\n").prefix { !$0.hasPrefix("scenario ") } }
        #expect(verdicts(stopped.stdout) == verdicts(whole.stdout), "the verdict table is the same")
    }

    @Test func anExplicitTimeTheRunDoesNotReachIsRefusedAtTheEvent() throws {
        let (compiled, out) = try Self.compile("Tests/Corpus/timing/icu-monitoring-failure-at-2h.yaml")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(compiled.status == 0, "stderr: \(compiled.stderr)")
        let twin = out.appendingPathComponent("icu-monitoring/twin.json")
        let text = try String(contentsOf: twin, encoding: .utf8)
        #expect(text.contains("\"at_s\": 7200"))
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("\"at_s\": 7200") }) + 1
        let refused = try Twinc.run(["run", twin.path, "--horizon", "1h", "--replications", "1", "--no-optimise"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("error[TR006]"), "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("twin.json:\(line):"), "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("`--horizon` 1 h"))
        #expect(refused.stdout.isEmpty, "no report for a refused run")
        let explained = try Twinc.run(["explain", "TR006"])
        #expect(explained.status == 0 && explained.stdout.contains("scenario event timed outside the run"))
    }

    @Test func anExplicitTimeAfterTheIntentsHorizonDoesNotCompile() throws {
        let (compiled, out) = try Self.compile("Tests/Corpus/timing/icu-monitoring-failure-after-horizon.yaml")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(compiled.status == 65)
        #expect(compiled.stderr.contains("error[TS021]"), "stderr: \(compiled.stderr)")
        #expect(compiled.stderr.contains("icu-monitoring-failure-after-horizon.yaml:"))
        let validated = try Twinc.run(["validate", "Tests/Corpus/timing/icu-monitoring-failure-after-horizon.yaml"])
        #expect(validated.status == 65 && validated.stderr.contains("error[TS021]"))
        let explained = try Twinc.run(["explain", "TS021"])
        #expect(explained.status == 0 && explained.stdout.contains("event time outside the horizon"))
    }
}
