import Foundation
import Testing

/// The first hour at the command line: typos get a suggestion, durations are spelled as
/// people spell them, outputs are checked before a long run, and a command run in the
/// wrong place says so.
@Suite struct CommandLineFrictionTests {
    @Test func aMistypedCommandGetsTheNearestOne() throws {
        let typo = try Twinc.run(["valdate", "Templates"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("unknown command `valdate`; did you mean `validate`?"), "\(typo.stderr)")
        let unknown = try Twinc.run(["frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("commands: bench, catalogue, compile"))
        #expect(try Twinc.run(["--version"]).status == 0, "options still reach the parser")
    }

    @Test func thirtyMMeansThirtyMinutesWhereOnlyATimeMakesSense() throws {
        let result = try Twinc.run(["run", "Generated/icu-monitoring", "--at", "30m", "--horizon", "1h",
                                    "--replications", "1", "--no-optimise"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("network view at 30 min"))
    }

    @Test func outputFoldersAreCheckedBeforeTheRun() throws {
        let started = Date()
        let html = try Twinc.run(["run", "Generated/icu-monitoring", "--html", "/nonexistent/folder/report.html"])
        #expect(html.status == 73)
        #expect(html.stderr.contains("TC004") && html.stderr.contains("/nonexistent/folder does not exist"))
        #expect(html.stdout.isEmpty, "nothing ran")
        let view = try Twinc.run(["run", "Generated/icu-monitoring", "--view", "/nonexistent/folder/view"])
        #expect(view.status == 73, "--view does not create missing parents either")
        #expect(Date().timeIntervalSince(started) < 60, "refused before simulating")
    }

    @Test func aTwinJSONGivenToReportSaysToRunItFirst() throws {
        let result = try Twinc.run(["report", "Generated/icu-monitoring/twin.json", "--html", "-"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("run it first with `twinc run TWIN --format json > results.json`"))
    }

    @Test func regenerateOutsideTheRepositorySaysWhatToUseInstead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Twinc.run(["regenerate", "--check", "--templates", folder.appendingPathComponent("Templates").path,
                                    "--intents", folder.appendingPathComponent("Intents").path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("rebuilds twinc's own Generated/"))
        #expect(!result.stdout.contains("stale"))
    }
}
