import Foundation
import Testing
import TwinJSON
import TwinProcess

/// The live twin's dashboard as a person sees it: `twinc-serve serve` on 127.0.0.1 with a
/// free port, headless Chromium through WebDriver (the report test's client) opening
/// `/twins/icu-monitoring?token=…`. The page must show every goal of the twin with its
/// state once telemetry arrived, and change a goal's state after new telemetry (the
/// phone going down) without a reload. `.ci/run` installs chromium and chromedriver; with
/// `CI=true` their absence fails the test.
@Suite struct DashboardBrowserTests {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The built `twinc-serve` beside `twinc`.
    static var serveBinary: URL { Twinc.binary.deletingLastPathComponent().appendingPathComponent("twinc-serve") }

    static func stamp(_ secondsAgo: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date().addingTimeInterval(-secondsAgo))
    }

    static func post(port: Int, token: String, _ body: String) throws -> Int {
        let url = URL(string: "http://127.0.0.1:\(port)/v1/twins/icu-monitoring/telemetry?token=\(token)")!
        return try LoopbackHTTP.request("POST", url, body: Data(body.utf8)).status
    }

    @Test(.enabled(if: BrowserInstallation.found != nil || isCI,
                   "needs chromium and chromedriver on the PATH (apt-get install chromium chromium-driver)"))
    func theDashboardShowsTheGoalsAndFollowsNewTelemetry() throws {
        guard let installation = BrowserInstallation.found else {
            Issue.record("CI=true but \(BrowserInstallation.missing): .ci/run installs them")
            return
        }
        let folder = try ReportCommandTests.scratch("dashboard")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tokens = folder.appendingPathComponent("tokens").path
        let created = try ChildProcess.run(Self.serveBinary, ["token", "create", "--twin", "icu-monitoring", "--scopes", "ingest,read",
                                                              "--file", tokens], timeout: 60)
        let token = try #require(created.stdout.split(separator: "\n").last.map(String.init), "\(created.stderr)")

        let server = Process()
        server.executableURL = Self.serveBinary
        server.arguments = ["serve", "Generated/icu-monitoring", "--listen", "127.0.0.1:0", "--token-file", tokens, "--no-act"]
        server.currentDirectoryURL = Twinc.repositoryRoot
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // Settled once the server has said where it listens or is being stopped; until
        // then a watchdog kills a server that stays silent for a minute, which ends the
        // blocking read below instead of hanging the suite.
        let settled = SettledFlag(), pid = server.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
            if !settled.isSet { kill(pid, SIGKILL) }
        }
        defer {
            settled.set()
            server.terminate()
            _ = ChildProcess.reap(server, deadline: Date().addingTimeInterval(15))
        }
        var port: Int?
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while port == nil, Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last ?? "")
            }
        }
        if port != nil { settled.set() }
        let live = try #require(port, "the server did not start: \(text)")

        let header = { (sequence: Int) in #"{"type":"batch","source":"browser-test","sequence":\#(sequence)}"# }
        #expect(try Self.post(port: live, token: token, header(1) + "\n"
            + #"{"type":"battery","time":"\#(Self.stamp(30))","device":"pump","soc":0.9,"remaining_C":8100,"current_A":4.4e-5}"#) == 202)

        let driver = try WebDriverServer.start(driver: installation.driver, log: folder.appendingPathComponent("chromedriver.log"))
        defer { driver.stop() }
        let session = try WebDriverSession.open(on: driver, browser: installation.browser, width: 1280, height: 900,
                                                profile: folder.appendingPathComponent("profile"))
        defer { try? session.close() }
        try session.navigate(to: URL(string: "http://127.0.0.1:\(live)/twins/icu-monitoring?token=\(token)")!)
        let rows = "return Array.from(document.querySelectorAll('#goals tbody tr')).map(r => r.dataset.goal + '=' + r.dataset.state);"
        func goals() throws -> [String] { try session.execute(rows).arrayValue?.compactMap(\.stringValue) ?? [] }
        func waitFor(_ condition: ([String]) -> Bool) throws -> [String] {
            let until = Date().addingTimeInterval(20)
            var seen = try goals()
            while !condition(seen), Date() < until {
                Thread.sleep(forTimeInterval: 0.2)
                seen = try goals()
            }
            return seen
        }
        let shown = try waitFor { $0.count == 6 }
        #expect(shown.count == 6, "goals on the page: \(shown)")
        #expect(shown.contains("survive-gateway-loss=inconclusive"), "\(shown)")
        #expect(shown.contains("protect-vitals=met"), "\(shown)")

        #expect(try Self.post(port: live, token: token, header(2) + "\n"
            + #"{"type":"gateway","time":"\#(Self.stamp(1))","gateway":"phone","status":"down"}"#) == 202)
        let updated = try waitFor { $0.contains("survive-gateway-loss=at-risk") }
        #expect(updated.contains("survive-gateway-loss=at-risk"), "after the phone went down: \(updated)")
        let events = try session.execute("return document.getElementById('events').textContent;").stringValue ?? ""
        #expect(events.contains("gateway `phone` is down"), "events on the page: \(events)")
        // An event that reaches the page after later ones (a recommendation listed once it
        // is acted on) takes its place by time, newest first, instead of the top.
        let late = "addEvents([{time: '2000-01-01T00:00:00.000Z', kind: 'test', subject: 'late', message: 'arrived late'}]);"
            + "return Array.from(document.querySelectorAll('#events li')).map(li => li.dataset.time);"
        let order = try session.execute(late).arrayValue?.compactMap(\.stringValue) ?? []
        #expect(order.count >= 2 && order.last == "2000-01-01T00:00:00.000Z", "event times, top first: \(order)")
        #expect(order == order.sorted(by: >), "event times, top first: \(order)")
        let png = try session.screenshot()
        #expect(png.count > 20_000, "the screenshot is \(png.count) bytes: the page looks empty")
        if let keep = ProcessInfo.processInfo.environment["TWINC_REPORT_SCREENSHOT"] {
            try png.write(to: URL(fileURLWithPath: keep).appendingPathComponent("dashboard.png"))
        }
    }
}

/// A flag one thread sets and a watchdog reads.
private final class SettledFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
