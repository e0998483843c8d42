import Testing
import TwinJSON
@testable import TwinReport

/// What the sections draw from the results, as issue 14 asked after reading the page in
/// a browser: per-device delivery as a compact dot plot, latency CDFs in one unit and
/// against every packet sent, each evidence verdict under its goal, the security level a
/// `security-protect` goal reached.
@Suite struct ReportSectionTests {
    static func plot(_ id: String, in html: String) throws -> String {
        let start = try #require(html.range(of: "data-plot=\"\(id)\""))
        return String(html[start.lowerBound...].split(separator: "</svg>")[0])
    }

    @Test func perDeviceDeliveryIsACompactDotPlotZoomedToTheData() throws {
        let html = HTMLReport.render(results: ReportFixture.results())
        let plot = try Self.plot("run:delivery-ratio", in: html)
        #expect(plot.contains("viewBox=\"0 0 1244 "), "drawn at the half figures' scale")
        let height = Double(plot.split(separator: "viewBox=\"0 0 1244 ")[1].prefix { $0 != "\"" }) ?? 1e9
        #expect(height < 260, "three devices, two scenarios: \(height) px")
        // Means from 60 % to 99.9 %: the axis starts at 60, not 0.
        #expect(plot.contains(">60</text>") && !plot.contains(">0</text>"))
        #expect(plot.contains(">phone-fails</text>") && plot.contains(">baseline</text>"), "legend names whole")
        #expect(plot.contains(">60 % – 99.9 %</text>"), "each row's range of means")
        #expect(!plot.contains("fill=\"#ffffff\">"), "no white text")
    }

    /// A scenario stopped where its goals settled (`simulatedUntil_s`) covers less time
    /// than the others: its legend entry and the caption say how long.
    @Test func aScenarioStoppedWhereItsGoalsSettledSaysHowLongItRan() throws {
        guard case .object(var root) = ReportFixture.results(),
              let position = root.firstIndex(where: { $0.0 == "scenarios" }),
              case .array(var scenarios) = root[position].1, case .object(var stopped) = scenarios[1] else {
            Issue.record("the fixture has no second scenario")
            return
        }
        stopped.append(("simulatedUntil_s", .number(1500)))
        scenarios[1] = .object(stopped)
        root[position] = ("scenarios", .array(scenarios))
        let html = HTMLReport.render(results: .object(root))
        let plot = try Self.plot("run:delivery-ratio", in: html)
        #expect(plot.contains(">phone-fails (0–25 min)</text>") && plot.contains(">baseline</text>"))
        #expect(html.contains("Simulated only until their goals could no longer change (their last event was over): "
                              + "phone-fails to 25 min"))
        #expect(!HTMLReport.render(results: ReportFixture.results()).contains("Simulated only until"))
    }

    @Test func latencyCDFsCountEveryPacketSentAndShareOneUnit() throws {
        let html = HTMLReport.render(results: ReportFixture.results())
        let latency = try Self.plot("network-view:latency-cdf:ecg-latency", in: html)
        #expect(latency.contains("Packets delivered within (% of sent)"))
        #expect(latency.contains(">ecg · 99 %</text>"), "the legend says where the curve levels off")
        // The curve's last point is at 99 %, below the 100 % grid line (whose tick label
        // sits 3.5 px under it).
        let points = try #require(latency.range(of: "points=\""))
        let lastY = try #require(Double(latency[points.upperBound...].prefix { $0 != "\"" }.split(separator: " ").last?
            .split(separator: ",").last ?? ""))
        let tick = try #require(latency.range(of: ">100</text>"))
        let tickY = try #require(latency[..<tick.lowerBound].range(of: " y=\"", options: .backwards))
        let hundred = try #require(Double(latency[tickY.upperBound...].prefix { $0 != "\"" })) - 3.5
        #expect(lastY > hundred + 1, "the curve ends at \(lastY), the 100 % line is at \(hundred)")

        // One device whose packets take seconds: every CDF of the page is in seconds.
        var slow = ReportFixture.results()
        for (scenario, _) in ["baseline", "phone-fails"].enumerated() {
            slow = ReportFixture.replacing([.key("applications"), .key("network-view"), .key("scenarios"), .index(scenario),
                                            .key("latencyCDF"), .index(2), .key("points")],
                                           in: slow, with: [[0.5, 0], [1.2, 0.5], [2.5, 1]])
        }
        let page = HTMLReport.render(results: slow)
        #expect(try Self.plot("network-view:latency-cdf:ecg-latency", in: page).contains("Latency (s)"))
        #expect(try Self.plot("network-view:latency-cdf:ecg-delivery", in: page).contains("Latency (s)"), "ecg alone is ms, but side by side")

        // Without the devices' delivery ratios the axis says what the shares are of.
        let bare = ReportFixture.replacing([.key("applications"), .key("network-view"), .key("scenarios"), .index(0), .key("devices")],
                                           in: ReportFixture.results(), with: [])
        #expect(try Self.plot("network-view:latency-cdf:ecg-latency", in: HTMLReport.render(results: bare))
            .contains("Packets delivered within (% of delivered)"))
    }

    @Test func evidenceVerdictsSitUnderTheirGoals() throws {
        let html = HTMLReport.render(results: ReportFixture.results())
        let start = try #require(html.range(of: "<caption>Evidence"))
        let table = String(html[start.lowerBound...].split(separator: "</table>")[0])
        #expect(table.contains("<th>knobs</th><th>ecg-delivery</th><th>protect-vitals</th>"), "a column per goal, the verdicts' order first")
        #expect(table.contains("ecg.mac-mode = csma-ca, ecg.txPower = 0 dBm"), "knob settings with units and labels")
        #expect(table.contains("<span class=\"badge v-met\">met</span><br><span class=\"value\">99.92 %</span>"))
        #expect(table.contains("<span class=\"badge v-met\">met</span><br><span class=\"value\">level 2</span>"))
    }

    @Test func securityProtectShowsTheLevelReached() throws {
        let html = HTMLReport.render(results: ReportFixture.results())
        let start = try #require(html.range(of: "<strong>protect-vitals</strong>"))
        let row = String(html[start.lowerBound...].split(separator: "</tr>")[0])
        #expect(row.contains("<span class=\"value\">level ≥ 2</span>"), "the target")
        #expect(row.contains("<span class=\"badge v-met\">met</span> <span class=\"value\">level 2</span>"))
        #expect(row.contains("residual CVSS 0"))
        #expect(ProtectionLevel.reached(verdict: "met", required: 1, reported: nil) == "level ≥ 1")
        #expect(ProtectionLevel.reached(verdict: "not-met", required: 2, reported: nil) == "below level 2")
        #expect(ProtectionLevel.reached(verdict: "not-evaluated", required: 2, reported: nil) == nil)
        #expect(ProtectionLevel.reached(verdict: "met", required: 1, reported: 2) == "level 2", "the run's own figure first")
    }

    /// Without the optimiser (`--no-optimise`) the MAC mode still reads by name in the
    /// energy section, from the `label` the what-if entries carry, in the what-if table
    /// and in the recommended settings alike.
    @Test func macModesReadByNameInTheEnergySectionWithoutTheOptimiser() throws {
        let macMode: (Int, String, Bool) -> JSONValue = { value, label, current in
            .object([("device", "pump"), ("knob", "pump.mac-mode"), ("parameter", "mac-mode"), ("value", .number(Double(value))),
                     ("label", .string(label)), ("unit", "index"), ("lifetime_s", 3_000_000), ("current", .bool(current)),
                     ("meetsOtherGoals", true)])
        }
        let energy: JSONValue = .object([
            ("devices", .array([])), ("firstToDie", "pump"),
            ("whatIf", .array([macMode(0, "scheduled", true), macMode(1, "csma-ca", false)])),
            ("recommendation", .object([("devices", .array([.object([
                ("device", "pump"), ("configuredLifetime_s", 3_000_000), ("lifetime_s", 3_100_000),
                ("settings", .array([.object([("knob", "pump.mac-mode"), ("parameter", "mac-mode"), ("unit", "index"), ("value", 1)])])),
            ])]))])),
        ])
        let results = ReportFixture.replacing([.key("applications"), .key("energy")],
                                              in: ReportFixture.results(optimisation: false), with: energy)
        let html = HTMLReport.render(results: results)
        let section = try #require(html.split(separator: "<section id=\"energy\">").dropFirst().first?.split(separator: "</section>").first)
        #expect(section.contains("scheduled: ") && section.contains("csma-ca: "), "what-if values by name")
        #expect(section.contains("mac-mode csma-ca"), "the recommended setting by name")
        #expect(!section.contains(" index"), "no bare index: \(section)")
    }

    /// A detection goal's repeated attacks with the same figures are one row and one bar
    /// marked "×3", with a note saying so; a different attack keeps its own row.
    @Test func repeatedAttacksWithTheSameFiguresAreFolded() throws {
        guard case .object(let security) = ReportFixture.security(["pump"]),
              case .array(let threats)? = security.first(where: { $0.0 == "threats" })?.1 else {
            Issue.record("the fixture's security has no threats")
            return
        }
        let repeated: JSONValue = .object(security.map { key, value in
            key == "threats" ? (key, .array([threats[0], threats[0], threats[0]] + threats.dropFirst())) : (key, value)
        })
        let results = ReportFixture.replacing([.key("applications"), .key("security")],
                                              in: ReportFixture.results(optimisation: false), with: repeated)
        let html = HTMLReport.render(results: results)
        let section = try #require(html.split(separator: "<section id=\"security\">").dropFirst().first?.split(separator: "</section>").first)
        #expect(section.components(separatedBy: "<td>jamming → phone ×3</td>").count == 2, "one folded row: \(section)")
        #expect(section.contains("jamming → phone ×3</text>"), "one folded bar")
        #expect(section.contains("×N: N attacks of the scenario in a row with the same figures"))
        #expect(section.contains("<td>spoofing → pump</td>"))
        let plain = HTMLReport.render(results: ReportFixture.results(optimisation: false))
        #expect(!plain.contains("×N:"), "no note without a fold")
    }

    @Test func securityVerdictsHaveColours() {
        for verdict in ["protected", "exposed", "detected-late", "at-risk"] {
            #expect(PageStyle.css.contains(".v-\(verdict)"))
        }
    }
}
