import TwinUnits

/// Resilience: for each fault scenario the KPI over time (delivery ratio of the goals'
/// devices, from the network view's trace) against the baseline, with the fault's time
/// marked; the KPI baseline vs under fault per goal; the fault table (detection,
/// recovery, availability, score) and the score per goal.
struct ResilienceSection {
    static let application = "resilience"

    let resilience: JSONCursor
    let view: JSONCursor?
    let index: ResultsIndex

    var html: String {
        let faults = resilience.array("faults")
        var out = "<section id=\"resilience\">\n<h2>Resilience</h2>\n<div class=\"figures\">\n"
        var drawn = 0
        for fault in faults {
            guard let scenario = fault.string("scenario") else { continue }
            let at = fault.number("at_s")
            let label = "\(fault.string("kind") ?? "fault") \(fault.string("target") ?? "")".trimmingSuffixSpaces
            if let chart = kpiOverTime(scenario: scenario, faultAt: at, faultLabel: label) {
                out += Markup.figure(chart, caption: "Delivery ratio per sample interval under \(label) (scenario \(scenario)); grey dashed: the same devices in the baseline. The red line marks the fault.")
                drawn += 1
            }
        }
        if faults.isEmpty {
            // No fault list: show every non-baseline scenario of the view, unmarked.
            for scenario in faultScenariosFromView {
                if let chart = kpiOverTime(scenario: scenario, faultAt: nil, faultLabel: "") {
                    out += Markup.figure(chart, caption: "Delivery ratio per sample interval in scenario \(scenario); grey dashed: the baseline.")
                    drawn += 1
                }
            }
        }
        if drawn == 0 || !faults.isEmpty {
            out += Markup.figure(degradation(faults), caption: "Each goal's KPI in the baseline and under each fault (mean over replications).")
        }
        out += "</div>\n"
        out += faultTable(faults)
        out += scoreTable
        out += "</section>\n"
        return out
    }

    private var baselineView: JSONCursor? {
        let scenarios = view?.array("scenarios") ?? []
        return scenarios.first { $0.string("kind") == "baseline" }
    }

    /// Scenario kinds that are faults rather than attacks (attacks are the security
    /// section's), as the resilience application classifies them.
    static let faultKinds: Set<String> = [
        "gateway-failure", "device-failure", "node-failure", "link-degradation", "posture-change", "posture",
        "battery-depletion", "interference",
    ]

    private var faultScenariosFromView: [String] {
        (view?.array("scenarios") ?? []).compactMap { scenario in
            Self.faultKinds.contains(scenario.string("kind") ?? "") ? scenario.string("id") : nil
        }
    }

    /// The devices the goals watch (all devices when the view names no goal devices).
    private func watchedDevices(in series: JSONCursor) -> [String] {
        let named = (view?.array("goals") ?? []).flatMap { $0.strings("devices") }
        var seen: [String] = []
        for device in named where !seen.contains(device) { seen.append(device) }
        if !seen.isEmpty { return seen }
        return series.array("devices").compactMap { $0.string("id") }
    }

    private func kpiOverTime(scenario: String, faultAt: Double?, faultLabel: String) -> String? {
        guard let scenarioView = view?.array("scenarios").first(where: { $0.string("id") == scenario }),
              let series = scenarioView.object("series") else { return nil }
        let devices = watchedDevices(in: series)
        var lines: [LineSeries] = []
        // The baseline is grey and dashed, drawn over the fault's line: where the two
        // agree the dashes lie on the coloured line, where they part the gap shows.
        func add(_ trace: JSONCursor?, suffix: String, baseline: Bool) {
            guard let trace else { return }
            let time = trace.numberColumn("time_s")
            for (index, device) in devices.enumerated() {
                guard let column = trace.array("devices").first(where: { $0.string("id") == device }) else { continue }
                let points = zip(time, column.numberColumn("deliveryRatio")).compactMap { t, v in t.map { (x: $0, y: v) } }
                lines.append(LineSeries(name: "\(device) \(suffix)", points: points,
                                        colour: baseline ? Palette.muted : Palette.series(index), dashed: baseline))
            }
        }
        add(series, suffix: "under fault", baseline: false)
        if scenarioView.string("kind") != "baseline" { add(baselineView?.object("series"), suffix: "baseline", baseline: true) }
        let maximum = series.numberColumn("time_s").compactMap { $0 }.max() ?? 0
        let markers = faultAt.map { [ChartMarker(at: $0, label: faultLabel.isEmpty ? "fault" : faultLabel)] } ?? []
        return LineChart(plot: "\(Self.application):kpi-over-time:\(scenario)", title: "Delivery ratio over time under \(scenario)",
                         x: AxisSpec(label: "Time", unit: .time(maximum: max(maximum, faultAt ?? 0))),
                         y: AxisSpec(label: "Delivery ratio", unit: .percent), series: lines, markers: markers).svg()
    }

    /// Baseline vs under-fault bars, one row per fault × goal whose values are ratios
    /// (delivery, availability); other KPIs are in the table, their units differ.
    private func degradation(_ faults: [JSONCursor]) -> String {
        var rows: [BarRow] = []
        for fault in faults {
            for goal in fault.array("goals") {
                guard goal.string("unit") == "1" || goal.string("unit") == "ratio",
                      let baseline = goal.number("baseline"), let under = goal.number("underFault") else { continue }
                rows.append(BarRow(category: "\(fault.string("scenario") ?? "?") · \(goal.string("goal") ?? "?")", bars: [
                    Bar(segments: [BarSegment(value: baseline, colour: Palette.series(0))], annotation: NumberText.percent(baseline)),
                    Bar(segments: [BarSegment(value: under, colour: Palette.bad)], annotation: NumberText.percent(under)),
                ]))
            }
        }
        return BarChart(plot: "\(Self.application):degradation", title: "KPI baseline vs under fault",
                        axis: AxisSpec(label: "KPI", unit: .percent, range: 0...100), rows: rows,
                        legend: [LegendItem(name: "baseline", colour: Palette.series(0), isBlock: true),
                                 LegendItem(name: "under fault", colour: Palette.bad, isBlock: true)],
                        emptyMessage: "no ratio KPI under a fault in the results").svg()
    }

    private func faultTable(_ faults: [JSONCursor]) -> String {
        var rows: [[TableCell]] = []
        for fault in faults {
            let goals = fault.array("goals")
            let goalText = goals.map { goal -> String in
                let unit = goal.string("unit")
                let base = goal.number("baseline").map { NumberText.value($0, unit: unit) } ?? "—"
                let under = goal.number("underFault").map { NumberText.value($0, unit: unit) } ?? "—"
                return "\(goal.string("goal") ?? "?"): \(base) → \(under)"
            }.joined(separator: "\n")
            let availability = fault.ratio("availability_ratio").map { NumberText.percent($0) } ?? "—"
            let markov = fault.ratio("markovAvailability_ratio").map { " (Markov \(NumberText.percent($0)))" } ?? ""
            rows.append([
                .text(fault.string("scenario") ?? "?"),
                .text("\(fault.string("kind") ?? "") \(fault.string("target") ?? "")"),
                .number(fault.number("at_s").map { NumberText.quantity($0, .time) } ?? "—"),
                .markup(HTMLText.escape(goalText).replacingNewlines),
                .number(fault.number("timeToDetect_s").map { NumberText.quantity($0, .time) } ?? "not detected"),
                .number(fault.number("timeToRecover_s").map { NumberText.quantity($0, .time) } ?? "—"),
                .markup(Markup.verdict(fault.bool("recovered").map { $0 ? "recovered" : "not-recovered" })),
                .number(availability + markov),
                .number(fault.number("score").map { significant($0, digits: 3) } ?? "—"),
            ])
        }
        return HTMLTable(caption: "Faults", headers: ["scenario", "fault", "at", "goal: baseline → under fault", "detected after",
                                                      "recovered after", "recovered", "availability", "score"], rows: rows).html
    }

    private var scoreTable: String {
        let rows = resilience.array("scores").map { score -> [TableCell] in
            [.text(score.string("goal") ?? "?"), .number(score.number("score").map { significant($0, digits: 3) } ?? "—")]
        }
        return HTMLTable(caption: "Resilience score per goal", headers: ["goal", "score"], rows: rows).html
    }
}

extension String {
    var trimmingSuffixSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// Newlines of escaped text as `<br>`.
    var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }
}
