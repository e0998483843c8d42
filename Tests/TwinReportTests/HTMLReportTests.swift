import Foundation
import Testing
import TwinJSON
@testable import TwinReport

/// The page drawn from hand-made results JSON: a plot per application present, escaping
/// of every string from the JSON, no external fetches, determinism, graceful handling of
/// missing and malformed members.
@Suite struct HTMLReportTests {
    static func plots(_ html: String, application: String) -> Int {
        html.occurrences(of: "data-plot=\"\(application):")
    }

    @Test func everyApplicationThatRanHasItsPlots() {
        let html = HTMLReport.render(results: ReportFixture.results())
        #expect(html.hasPrefix("<!doctype html>"))
        // network view: body map, battery, one latency CDF per goal (two goals).
        #expect(html.contains("data-plot=\"network-view:body-map\""))
        #expect(html.contains("data-plot=\"network-view:battery\""))
        #expect(html.contains("data-plot=\"network-view:latency-cdf:ecg-delivery\""))
        #expect(html.contains("data-plot=\"network-view:latency-cdf:ecg-latency\""))
        #expect(Self.plots(html, application: "network-view") == 4, "no latency CDF for the lifetime goal")
        #expect(!html.contains("latency-cdf:pump-lifetime"))
        // resilience: the KPI over time of the one fault, and baseline vs under fault.
        #expect(html.contains("data-plot=\"resilience:kpi-over-time:phone-fails\""))
        #expect(Self.plots(html, application: "resilience") == 2)
        #expect(Self.plots(html, application: "energy") == 2)
        #expect(Self.plots(html, application: "security") == 1)
        #expect(Self.plots(html, application: "run") == 1)
        // Every plot is an <svg> with a <title> right after its opening tag.
        let svgs = html.occurrences(of: "<svg ")
        #expect(svgs == 10)
        #expect(html.occurrences(of: "role=\"img\">\n<title>") == svgs)
    }

    @Test func onlyTheApplicationsPresentAreDrawn() {
        let html = HTMLReport.render(results: ReportFixture.results(applications: ["energy"], optimisation: false))
        #expect(Self.plots(html, application: "energy") == 2)
        for absent in ["network-view", "resilience", "security"] {
            #expect(Self.plots(html, application: absent) == 0, "\(absent) did not run")
            #expect(!html.contains("<section id=\"\(absent)\""))
        }
        #expect(!html.contains("id=\"optimisation\""))
        #expect(html.contains("<section id=\"energy\""))
    }

    @Test func anApplicationWithNoDataStillShowsItsPlotsEmpty() {
        // `applications.resilience: {}` — it ran but found no fault scenario.
        let html = HTMLReport.render(results: ReportFixture.results(applications: ["resilience", "security"]))
        #expect(Self.plots(html, application: "resilience") == 1)
        #expect(Self.plots(html, application: "security") == 1)
        let (_, issues) = HTMLReport.build(results: ReportFixture.results(applications: ["resilience"]))
        #expect(issues.isEmpty)
    }

    @Test func resilienceDrawsTheFaultTimeAndTheBaselineDashed() throws {
        let html = HTMLReport.render(results: ReportFixture.results())
        let start = try #require(html.range(of: "data-plot=\"resilience:kpi-over-time:phone-fails\""))
        let plot = String(html[start.lowerBound...].prefix { $0 != "§" }.split(separator: "</svg>")[0])
        #expect(plot.contains("gateway-failure phone, recovered in 4.2 s"), "fault marker label")
        #expect(plot.contains("stroke-dasharray=\"6 4\""), "baseline dashed")
        // The legend: a colour per device, one dashed entry for the baseline.
        #expect(plot.contains(">ecg</text>") && plot.contains(">baseline</text>"))
        #expect(plot.contains("Time from the fault (s)") && plot.contains("Delivery ratio (%)"), "axis titles with units")
        #expect(plot.contains("fill-opacity=\"0.25\""), "the outage shaded")
        // Zoomed to the data: the fault dips to 20 %, so the axis starts there, and
        // never runs past 100 %.
        #expect(plot.contains(">20</text>") && plot.contains(">100</text>") && !plot.contains(">110</text>"))
    }

    @Test func latencyCDFsMarkTheGoalsBoundOrDeadline() throws {
        let html = HTMLReport.render(results: ReportFixture.results())
        func plot(_ id: String) throws -> String {
            let start = try #require(html.range(of: "data-plot=\"\(id)\""))
            return String(html[start.lowerBound...].split(separator: "</svg>")[0])
        }
        #expect(try plot("network-view:latency-cdf:ecg-latency").contains("goal p99 ≤ 250 ms"))
        #expect(try plot("network-view:latency-cdf:ecg-delivery").contains("deadline 250 ms"))
        #expect(try plot("network-view:latency-cdf:ecg-latency").contains("Latency (ms)"))
        // Without a timed goal, one CDF of every device.
        let untimed = ReportFixture.replacing([.key("applications"), .key("network-view"), .key("goals")],
                                              in: ReportFixture.results(), with: [])
        let page = HTMLReport.render(results: untimed)
        #expect(page.contains("data-plot=\"network-view:latency-cdf:all-devices\""))
    }

    @Test func textFromTheJSONIsEscaped() {
        let evil = "<script>alert(\"x\")</script>"
        let results = ReportFixture.results(deviceName: evil, title: "ICU & <b>ward</b> 'A'")
        let html = HTMLReport.render(results: results)
        #expect(!html.contains("<script"), "no script element may be injected")
        #expect(!html.contains("<b>ward"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("ICU &amp; &lt;b&gt;ward&lt;/b&gt; &#39;A&#39;"))
        // An id used in a data-plot attribute cannot break out of the attribute either.
        let quoted = ReportFixture.replacing([.key("applications"), .key("network-view"), .key("goals"), .index(0), .key("id")],
                                             in: ReportFixture.results(), with: "x\" onload=\"alert(1)")
        let page = HTMLReport.render(results: quoted)
        #expect(!page.contains("\" onload=\""))
        #expect(page.contains("latency-cdf:x&quot; onload=&quot;alert(1)\""))
    }

    @Test func thePageFetchesNothing() {
        let html = HTMLReport.render(results: ReportFixture.results())
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("<script"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test func sameJSONSameBytesWhateverTheMemberOrder() {
        let results = ReportFixture.results()
        let first = HTMLReport.render(results: results)
        #expect(HTMLReport.render(results: results) == first)
        // The canonical writer sorts members; a reader must not depend on their order.
        #expect(HTMLReport.render(results: ReportFixture.reversingMembers(results)) == first)
        // And through JSON text and back (what `twinc report` does).
        let text = JSONWriter.canonical.string(results)
        let reparsed = try? JSONParser.parse(text).get().value
        #expect(reparsed.map { HTMLReport.render(results: $0) } == first)
    }

    @Test func numbersAreWrittenWithFixedPrecision() {
        let html = HTMLReport.render(results: ReportFixture.results())
        // No float noise such as 0.30000000000000004 or exponents in SVG attributes:
        // coordinates are written to 0.1 px, opacities to 0.01.
        #expect(html.range(of: #"="-?\d+\.\d{3,}""#, options: .regularExpression) == nil)
        #expect(html.range(of: #"[=" ,]-?\d+(\.\d+)?e[-+]?\d+[" ,]"#, options: .regularExpression) == nil)
        #expect(html.contains("points=\""), "the check saw some coordinates")
    }

    @Test func malformedMembersAreLeftOutWithAnIssue() {
        var results = ReportFixture.results()
        let topology: [ReportFixture.JSONPathKey] = [.key("applications"), .key("network-view"), .key("topology")]
        results = ReportFixture.replacing(topology + [.key("devices"), .index(1), .key("x_m")], in: results, with: "left")
        results = ReportFixture.replacing([.key("applications"), .key("network-view"), .key("scenarios"), .index(0), .key("links"),
                                           .index(0), .key("pdr")], in: results, with: 1.5)
        results = ReportFixture.replacing([.key("applications"), .key("energy"), .key("devices")], in: results, with: "many")
        let (html, issues) = HTMLReport.build(results: results)
        let paths = issues.map(\.pathText)
        #expect(paths.contains("applications.network-view.topology.devices[1].x_m"))
        #expect(paths.contains("applications.network-view.scenarios[0].links[0].pdr"))
        #expect(paths.contains("applications.energy.devices"))
        #expect(issues.first { $0.pathText.hasSuffix("x_m") }?.message == "expected a number")
        // Still a page; the device without a position is not on the map, the others are.
        #expect(html.contains("data-plot=\"network-view:body-map\""))
        #expect(html.contains("data-plot=\"energy:lifetime\""))
        #expect(html.contains("no data in the results"))
    }

    @Test func anythingAtAllGivesAPageNotATrap() {
        let odd: [JSONValue] = [
            .null, .number(3), .string("x"), .array([.object([])]), .object([]),
            .object([("applications", .array([])), ("scenarios", .object([])), ("summary", "none")]),
            .object([("applications", .object([("network-view", .object([("scenarios", .array([.object([("series", 3)])]))]))]))]),
            .object([("applications", .object([("energy", .object([("devices", .array([.object([("id", "a"), ("lifetime_s", -1)])]))]))]))]),
            ReportFixture.replacing([.key("applications"), .key("network-view"), .key("scenarios"), .index(0), .key("latencyCDF"),
                                     .index(0), .key("points")], in: ReportFixture.results(), with: [[1], ["a", "b"], 3]),
        ]
        for value in odd {
            let html = HTMLReport.render(results: value)
            #expect(html.hasPrefix("<!doctype html>") && html.hasSuffix("</html>\n"))
        }
    }

    @Test func theHeaderHasTheVerdictTable() {
        let html = HTMLReport.render(results: ReportFixture.results())
        #expect(html.contains("<h1>ICU monitoring</h1>"))
        #expect(html.contains("<th>baseline</th><th>phone-fails</th>"))
        #expect(html.contains("mean ≥ 99.9 %"), "the delivery goal's target")
        #expect(html.contains("p99 ≤ 250 ms"), "the latency goal's target")
        #expect(html.contains("<span class=\"badge v-not-met\">not-met</span> <span class=\"value\">62 %</span>"))
        #expect(html.contains("[61.96 %, 62.04 %]"), "the interval")
        #expect(html.contains("horizon</dt><dd>1 min"))
    }
}

/// Writes the fixture's page for a look in a browser (`TWINC_REPORT_FIXTURE=/tmp/x.html`).
@Test func writeFixturePageWhenAsked() throws {
    guard let path = ProcessInfo.processInfo.environment["TWINC_REPORT_FIXTURE"] else { return }
    try HTMLReport.render(results: ReportFixture.results()).write(toFile: path, atomically: true, encoding: .utf8)
    try HTMLReport.render(results: ReportFixture.reversingMembers(ReportFixture.results()))
        .write(toFile: path + ".reversed", atomically: true, encoding: .utf8)
}
