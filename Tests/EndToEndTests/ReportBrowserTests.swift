import Foundation
import Testing
import TwinJSON

/// The report as a person sees it. Each bundled twin is run briefly (two minutes, two
/// replications, its faults and attacks moved into those two minutes, samples every
/// 5 s) and its page opened in headless Chromium 1280 px wide through WebDriver. In the
/// browser, every text label of every chart is measured (`getBoundingClientRect`): no
/// two labels of one chart may overlap and none may stick out of its chart. A
/// screenshot of each page is taken too (kept, with the page and one PNG per section,
/// when `TWINC_REPORT_SCREENSHOT=DIR` is set).
///
/// Needs `chromium` and `chromedriver`: `.ci/run` installs them, and with `CI=true` a
/// missing browser fails the test; elsewhere the test is skipped with a message.
@Suite struct ReportBrowserTests {
    static let twins = ["icu-monitoring", "field-triage", "immersive-session"]
    /// The charts each page must draw (by `data-plot` prefix), so the label check cannot
    /// pass on a page that lost one: every twin has the view, energy and resilience, the
    /// demo and the triage twin security too.
    static func charts(of twin: String) -> [String] {
        var charts = ["network-view:body-map", "network-view:battery", "network-view:latency-cdf", "run:delivery-ratio",
                      "energy:lifetime", "energy:energy-by-state", "resilience:kpi-over-time"]
        if twin != "immersive-session" { charts.append("security:cvss") }
        return charts
    }
    static let horizon = 120.0
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: BrowserInstallation.found != nil || isCI,
                   "needs chromium and chromedriver on the PATH (apt-get install chromium chromium-driver)"))
    func chartLabelsNeitherOverlapNorStickOutOnTheBundledTwinsPages() throws {
        guard let installation = BrowserInstallation.found else {
            Issue.record("CI=true but \(BrowserInstallation.missing): .ci/run installs them")
            return
        }
        let folder = try ReportCommandTests.scratch("browser")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var pages: [(twin: String, page: URL)] = []
        for twin in Self.twins {
            let source = Twinc.repositoryRoot.appendingPathComponent("Generated/\(twin)/twin.json")
            let config = try #require(try? JSONParser.parse(String(contentsOf: source, encoding: .utf8)).get().value)
            let short = folder.appendingPathComponent("\(twin).json")
            try JSONWriter.canonical.string(Self.eventsWithin(Self.horizon, of: config)).write(to: short, atomically: true, encoding: .utf8)
            let page = folder.appendingPathComponent("\(twin).html")
            let run = try Twinc.run(["run", short.path, "--format", "json", "--horizon", "2min", "--replications", "2",
                                     "--sample-interval", "5s", "--no-optimise", "--html", page.path])
            #expect(run.status == 0, "twinc run \(twin): \(run.stderr)")
            if run.status == 0 { pages.append((twin, page)) }
        }

        let server = try WebDriverServer.start(driver: installation.driver, log: folder.appendingPathComponent("chromedriver.log"))
        defer { server.stop() }
        let session = try WebDriverSession.open(on: server, browser: installation.browser, width: 1280, height: 1000,
                                                profile: folder.appendingPathComponent("profile"))
        defer { try? session.close() }
        // The measurement finds an overlap where there is one.
        let overlapping = folder.appendingPathComponent("overlap.html")
        try """
            <!doctype html><svg class="plot" data-plot="t:overlap" viewBox="0 0 200 100" width="200" height="100">
            <text x="10" y="50" font-size="12">first label</text><text x="40" y="52" font-size="12">second label</text></svg>
            """.write(to: overlapping, atomically: true, encoding: .utf8)
        try session.navigate(to: overlapping)
        let found = try session.execute(Self.measureLabels, arguments: [1])["problems"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(found.count == 1 && found.first?.hasPrefix(#"t:overlap: "first label" overlaps "second label""#) == true, "\(found)")

        let keep = ProcessInfo.processInfo.environment["TWINC_REPORT_SCREENSHOT"].map { URL(fileURLWithPath: $0) }
        for (twin, page) in pages {
            try session.setWindowSize(width: 1280, height: 1000)
            try session.navigate(to: page)
            let layout = try session.execute(Self.measureLabels, arguments: [1])
            let plots = layout["plots"]?.numberValue ?? 0, texts = layout["texts"]?.numberValue ?? 0
            #expect(plots >= 6 && texts >= 100, "\(twin): the check saw \(plots) plots and \(texts) labels")
            let drawn = try session.execute("return [...document.querySelectorAll('svg.plot')].map(s => s.getAttribute('data-plot'));")
                .arrayValue?.compactMap(\.stringValue) ?? []
            for chart in Self.charts(of: twin) {
                #expect(drawn.contains { $0.hasPrefix(chart) }, "\(twin): no \(chart) chart among \(drawn)")
            }
            let problems = layout["problems"]?.arrayValue?.compactMap(\.stringValue) ?? ["no answer from the script"]
            #expect(problems.isEmpty, "\(twin): \(problems.count) label problems:\n\(problems.prefix(30).joined(separator: "\n"))")

            // The whole page in one window (the window's height less its viewport's is
            // the browser's own frame), as a person scrolling it would see it.
            let sizes = try session.execute("return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];")
            let height = sizes.arrayValue?.compactMap(\.numberValue).reduce(0, +) ?? 1000
            try session.setWindowSize(width: 1280, height: min(max(Int(height), 1000), 16_000))
            let png = try session.screenshot()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(twin): a PNG")
            // A blank page compresses to a few kB; plots, tables and text do not.
            #expect(png.count > 100_000, "\(twin): the screenshot is \(png.count) bytes, the page looks empty")
            if let keep {
                try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
                try png.write(to: keep.appendingPathComponent("\(twin).png"))
                try? FileManager.default.removeItem(at: keep.appendingPathComponent("\(twin).html"))
                try FileManager.default.copyItem(at: page, to: keep.appendingPathComponent("\(twin).html"))
                let sections = try session.execute("return [...document.querySelectorAll('section[id]')].map(s => s.id);")
                for id in sections.arrayValue?.compactMap(\.stringValue) ?? [] {
                    try session.screenshot(ofElement: "section#\(id)").write(to: keep.appendingPathComponent("\(twin)-\(id).png"))
                }
            }
        }
    }

    /// Measures every text of every `svg.plot` in the page; `arguments[0]` is the
    /// overlap (px) tolerated, for anti-aliasing and rounding.
    static let measureLabels = """
        const tolerance = arguments[0];
        const problems = [];
        let texts = 0;
        const plots = document.querySelectorAll('svg.plot');
        for (const svg of plots) {
          const plot = svg.getAttribute('data-plot');
          const frame = svg.getBoundingClientRect();
          const labels = [];
          for (const text of svg.querySelectorAll('text')) {
            const content = text.textContent.trim();
            const r = text.getBoundingClientRect();
            if (!content || r.width === 0 || r.height === 0) continue;
            labels.push({content, r});
          }
          texts += labels.length;
          for (const label of labels) {
            const r = label.r;
            if (r.left < frame.left - tolerance || r.right > frame.right + tolerance
                || r.top < frame.top - tolerance || r.bottom > frame.bottom + tolerance) {
              problems.push(plot + ': "' + label.content + '" sticks out of the chart');
            }
          }
          for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
              const a = labels[i].r, b = labels[j].r;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > tolerance && h > tolerance) {
                problems.push(plot + ': "' + labels[i].content + '" overlaps "' + labels[j].content + '" ('
                  + w.toFixed(1) + ' x ' + h.toFixed(1) + ' px)');
              }
            }
          }
        }
        return {plots: plots.length, texts, problems};
        """

    /// `config` with every scenario event inside a run of `horizon` seconds (starting
    /// by 40 % of it, lasting at most 30 %), so a short run still draws the resilience
    /// and security sections. Anything not shaped like twin.json's scenarios is kept.
    static func eventsWithin(_ horizon: Double, of config: JSONValue) -> JSONValue {
        mapMember(config, "scenarios") { scenarios in
            .array((scenarios.arrayValue ?? []).map { scenario in
                mapMember(scenario, "events") { events in
                    .array((events.arrayValue ?? []).map { event in
                        let start = mapMember(event, "at_s") { at in at.numberValue.map { .number(min($0, 0.4 * horizon)) } ?? at }
                        return mapMember(start, "duration_s") { length in length.numberValue.map { .number(min($0, 0.3 * horizon)) } ?? length }
                    })
                }
            })
        }
    }

    private static func mapMember(_ value: JSONValue, _ key: String, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(members.map { $0.0 == key ? ($0.0, transform($0.1)) : $0 })
    }
}
