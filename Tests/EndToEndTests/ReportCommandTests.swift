import Foundation
import Testing
import TwinDriver
import TwinJSON

/// `twinc report` through the built binary: a page from real `twinc run --format json`
/// output, the exit statuses of bad inputs (65 with file:line:col, 66 missing), atomic
/// output. (The page in a browser: `ReportBrowserTests`.)
@Suite struct ReportCommandTests {
    static func scratch(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-report-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    /// Results of the 12-device demo twin, 30 s simulated, 2 replications (run once).
    static let demoResults: Result<String, ReportTestFailure> = {
        do {
            let twin = try RunCommandTests.demoTwin()
            let run = try Twinc.run(["run", twin.path, "--format", "json", "--replications", "2"])
            guard run.status == 0 else { return .failure(ReportTestFailure(message: "twinc run failed: \(run.stderr)")) }
            return .success(run.stdout)
        } catch {
            return .failure(ReportTestFailure(message: "\(error)"))
        }
    }()

    static func demoResultsFile() throws -> URL {
        let file = try scratch("results.json")
        try demoResults.get().write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func drawsThePageOfARun() throws {
        let results = try Self.demoResultsFile()
        let page = results.deletingLastPathComponent().appendingPathComponent("report.html")
        let run = try Twinc.run(["report", results.path, "--html", page.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty, "no warnings for twinc's own output: \(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        // A plot for each application the results hold.
        let json = try JSONParser.parse(try Self.demoResults.get()).get().value
        let applications = json["applications"]?.objectValue?.map(\.0) ?? []
        for application in applications {
            #expect(html.contains("data-plot=\"\(application):"), "no plot for \(application)")
        }
        #expect(html.contains("data-plot=\"run:delivery-ratio\""))
        // Same results, same bytes; `--html -` prints the same page.
        let again = try Twinc.run(["report", results.path, "--html", "-"])
        #expect(again.status == 0)
        #expect(again.stdout == html)
        // No temporary file left beside the page.
        let left = try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path).sorted()
        #expect(left == ["report.html", "results.json"])
    }

    /// `twinc run --html` draws from the analysis in memory, `twinc report` from the
    /// JSON text: the page must not tell them apart.
    @Test func runHTMLAndReportOfItsJSONAreTheSamePage() throws {
        let twin = try RunCommandTests.demoTwin()
        let folder = twin.deletingLastPathComponent()
        let direct = folder.appendingPathComponent("direct.html")
        let run = try Twinc.run(["run", twin.path, "--format", "json", "--html", direct.path, "--replications", "2"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let results = folder.appendingPathComponent("results.json")
        try run.stdout.write(to: results, atomically: true, encoding: .utf8)
        let report = try Twinc.run(["report", results.path, "--html", "-"])
        #expect(report.status == 0, "stderr: \(report.stderr)")
        let page = try String(contentsOf: direct, encoding: .utf8)
        #expect(page == report.stdout)
        #expect(page.contains("data-plot=\"network-view:body-map\""), "--html records the view's time series")
    }

    @Test func badJSONIsADataErrorAtLineAndColumn() throws {
        let results = try Self.scratch("cut.json")
        try "{\n  \"format\": {\"name\": \"twinc-run\", \"version\": 1},\n  \"twin\": tr\n}\n".write(to: results, atomically: true, encoding: .utf8)
        let page = results.deletingLastPathComponent().appendingPathComponent("out.html")
        let run = try Twinc.run(["report", results.path, "--html", page.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(results.path):3:13: error"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("[TH003]"))
        #expect(!FileManager.default.fileExists(atPath: page.path), "nothing written for a bad file")
    }

    @Test func aFileThatIsNotResultsIsRefused() throws {
        let twin = try RunCommandTests.demoTwin()
        let page = try Self.scratch("out.html")
        let run = try Twinc.run(["report", twin.path, "--html", page.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("[TH001]"), "stderr: \(run.stderr)")
        let newer = try Self.scratch("newer.json")
        try "{\"format\": {\"name\": \"twinc-run\", \"version\": 99}}".write(to: newer, atomically: true, encoding: .utf8)
        let future = try Twinc.run(["report", newer.path, "--html", page.path])
        #expect(future.status == 65)
        #expect(future.stderr.contains("\(newer.path):1:45: error") && future.stderr.contains("[TH002]"), "stderr: \(future.stderr)")
    }

    @Test func malformedMembersAreWarningsAndThePageIsStillWritten() throws {
        let results = try Self.scratch("edited.json")
        try """
        {"format": {"name": "twinc-run", "version": 1}, "twin": "t",
         "scenarios": [{"id": "baseline", "kind": "baseline", "goals": [], "devices": [{"id": "a", "deliveryRatio": {"mean": "high"}}]}],
         "applications": {}}
        """.write(to: results, atomically: true, encoding: .utf8)
        let page = results.deletingLastPathComponent().appendingPathComponent("out.html")
        let run = try Twinc.run(["report", results.path, "--html", page.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("\(results.path):2:118: warning"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("[TH004]"))
        #expect(FileManager.default.fileExists(atPath: page.path))
    }

    @Test func missingFileIsUnreadableInput() throws {
        let page = try Self.scratch("out.html")
        let run = try Twinc.run(["report", "/nonexistent/results.json", "--html", page.path])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no such file or folder: /nonexistent/results.json"))
        let unwritable = try Twinc.run(["report", try Self.demoResultsFile().path, "--html", "/nonexistent/dir/out.html"])
        #expect(unwritable.status == 73)
        let noFlag = try Twinc.run(["report", "/nonexistent/results.json"])
        #expect(noFlag.status == 64)
    }

    @Test func reportCodesAreExplained() throws {
        let result = try Twinc.run(["explain", "TH001"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("TH001: not a twinc results file"))
        let list = try Twinc.run(["explain", "--list"])
        for code in ["TH001", "TH002", "TH003", "TH004"] { #expect(list.stdout.contains(code)) }
    }
}

struct ReportTestFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
