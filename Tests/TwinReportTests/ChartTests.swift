import Testing
import TwinJSON
@testable import TwinReport

/// The chart helpers: nice ticks, fixed number text, the results-format check, the body
/// map's orientation.
@Suite struct ChartTests {
    @Test func niceScalesFrameTheDataAtRoundSteps() {
        let ratio = NiceScale(minimum: 0, maximum: 0.97)
        #expect(ratio.ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1] || ratio.ticks.map { NumberText.fixed($0, decimals: 1) } == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(ratio.label(0.6000000000000001) == "0.6")
        let battery = NiceScale(minimum: 99.82, maximum: 100)
        #expect(battery.lower <= 99.82 && battery.upper >= 100)
        #expect(battery.step == 0.05)
        #expect(battery.decimals == 2)
        let lifetime = NiceScale(minimum: 0, maximum: 37, ticks: 6)
        #expect(lifetime.step == 10 && lifetime.upper == 40)
        // A single value still gives an axis around it.
        let flat = NiceScale(minimum: 5, maximum: 5)
        #expect(flat.lower < 5 && flat.upper > 5)
        let zero = NiceScale(minimum: 0, maximum: 0)
        #expect(zero.lower < 0 && zero.upper > 0)
        #expect(NiceScale(minimum: .nan, maximum: .infinity).ticks.count >= 2)
    }

    @Test func fixedNumbersHaveNoNoise() {
        #expect(NumberText.fixed(12.25, decimals: 1) == "12.3" || NumberText.fixed(12.25, decimals: 1) == "12.2")
        #expect(NumberText.fixed(3, decimals: 1) == "3")
        #expect(NumberText.fixed(-0.04, decimals: 1) == "0")
        #expect(NumberText.fixed(-0.25, decimals: 2) == "-0.25")
        #expect(NumberText.fixed(0.1 + 0.2, decimals: 3) == "0.3")
        #expect(NumberText.fixed(.nan) == "0")
        #expect(NumberText.percent(0.9995) == "99.95 %")
        #expect(NumberText.value(0.25, unit: "s") == "250 ms")
        #expect(NumberText.value(2_592_000, unit: "s", dimension: "time") == "30 d")
    }

    @Test func axisUnitsKeepTicksReadable() {
        #expect(AxisUnit.time(maximum: 0.25).symbol == "ms")
        #expect(AxisUnit.time(maximum: 600).symbol == "min")
        #expect(AxisUnit.time(maximum: 30 * 86_400).symbol == "d")
        #expect(AxisSpec(label: "Latency", unit: .time(maximum: 0.3)).title == "Latency (ms)")
    }

    @Test func indexKnobsShowTheirLabels() {
        let labels = ["scheduled", "csma-ca"]
        #expect(OptimisationSection.setting(.number(1), unit: "index", labels: labels) == "csma-ca")
        #expect(OptimisationSection.setting(.number(2), unit: "index", labels: labels) == "2 index", "out of range")
        #expect(OptimisationSection.setting(.number(-6), unit: "dBm") == "-6 dBm")
    }

    @Test func intervalsAreCutToWhatAKPICanTake() {
        #expect(NumberText.feasibleInterval(-0.072, 0.241, isRatio: false) == (0, 0.241))
        #expect(NumberText.feasibleInterval(0.98, 1.03, isRatio: true) == (0.98, 1))
        #expect(NumberText.feasibleInterval(2, 5, isRatio: false) == (2, 5))
    }

    @Test func resultsFormatIsChecked() {
        #expect(ResultsFormat.problem(ReportFixture.results()) == nil)
        #expect(ResultsFormat.problem(.array([]))?.code == ReportDiagnostics.notResults)
        #expect(ResultsFormat.problem(.object([("twin", "x")]))?.code == ReportDiagnostics.notResults)
        let twinJSON: JSONValue = .object([("format", .object([("name", "twinc-twin"), ("version", 1)]))])
        #expect(ResultsFormat.problem(twinJSON)?.message.hasPrefix("this is a twin configuration (twin.json), not results: "
                                                                   + "run it first with `twinc run TWIN --format json") == true)
        let other: JSONValue = .object([("format", .object([("name", "sarif"), ("version", 1)]))])
        #expect(ResultsFormat.problem(other)?.message == "format name is `sarif`, expected `twinc-run`")
        let newer: JSONValue = .object([("format", .object([("name", "twinc-run"), ("version", 3)]))])
        let problem = ResultsFormat.problem(newer)
        #expect(problem?.code == ReportDiagnostics.unsupportedVersion)
        #expect(problem?.path == [.key("format"), .key("version")])
        // A version too large for an Int is still a diagnostic, not a trap.
        let huge: JSONValue = .object([("format", .object([("name", "twinc-run"), ("version", .number(1e300))]))])
        #expect(ResultsFormat.problem(huge)?.code == ReportDiagnostics.unsupportedVersion)
        #expect(ResultsFormat.problem(huge)?.message.contains("1e+300") == true)
    }

    @Test func bodyMapShowsTheWearersLeftOnTheViewersRight() throws {
        let map = BodyMap(plot: "t:map", title: "map",
                          devices: [.init(id: "left-wrist", x: 0.245, y: 0.85, inBody: false, detail: ""),
                                    .init(id: "right-wrist", x: -0.245, y: 0.85, inBody: false, detail: "")],
                          gateways: [.init(id: "hub", kind: "hub", x: -3, y: 0.93, onBody: false)], links: [])
        let svg = map.svg()
        func cx(before label: String) throws -> Double {
            let end = try #require(svg.range(of: "<title>\(label):"))
            let head = svg[..<end.lowerBound]
            let cx = try #require(head.range(of: "cx=\"", options: .backwards))
            return try #require(Double(head[cx.upperBound...].prefix { $0 != "\"" }))
        }
        #expect(try cx(before: "left-wrist") > 320)
        #expect(try cx(before: "right-wrist") < 320)
        // A hub 3 m away is drawn closer, with its real distance in the label.
        #expect(svg.contains("hub (3 m)"))
    }

    @Test func escapingCoversContentAndAttributes() {
        #expect(HTMLText.escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        #expect(HTMLText.token("a b<c>:d.e") == "a_b_c_:d.e")
    }
}
