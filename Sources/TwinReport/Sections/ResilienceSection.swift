import TwinUnits
import TwinVocabulary

/// Resilience: for each fault scenario the KPI over time (delivery ratio of the goals'
/// devices, from the network view's trace) against the baseline, with the fault's time
/// marked; the KPI baseline vs under fault per goal; the fault table (detection,
/// recovery, availability, score) and the score per goal.
struct ResilienceSection {
    static let application = ApplicationKind.resilience.rawValue

    let resilience: JSONCursor
    let view: JSONCursor?
    let index: ResultsIndex

    var html: String {
        let faults = resilience.array("faults")
        var out = "<section id=\"resilience\">\n<h2>Resilience</h2>\n<div class=\"figures\">\n"
        var drawn = 0
        for fault in faults {
            guard let scenario = fault.string("scenario") else { continue }
            if let figure = kpiOverTime(scenario: scenario, fault: fault) {
                out += Markup.figure(figure.svg, caption: figure.caption)
                drawn += 1
            }
        }
        if faults.isEmpty {
            // No fault list: show every non-baseline scenario of the view, unmarked.
            for scenario in faultScenariosFromView {
                if let figure = kpiOverTime(scenario: scenario, fault: nil) {
                    out += Markup.figure(figure.svg, caption: figure.caption)
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
        return scenarios.first { ScenarioKind(twinJSON: $0.string("kind") ?? "")?.isBaseline == true }
    }

    /// The scenarios of a fault rather than an attack (attacks are the security
    /// section's), as the resilience application classifies them.
    private var faultScenariosFromView: [String] {
        (view?.array("scenarios") ?? []).compactMap { scenario in
            guard case .fault? = ScenarioKind(twinJSON: scenario.string("kind") ?? "") else { return nil }
            return scenario.string("id")
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

    /// The delivery ratio of the goals' devices under a fault, against the baseline: a
    /// window around the fault (a few sample intervals before, more after, and at least
    /// a few times the recovery time) on a time axis from the fault, the outage until
    /// recovery shaded, the y axis zoomed to what the window holds. Without a fault time
    /// (or with the fault after the trace) the whole run.
    private func kpiOverTime(scenario: String, fault: JSONCursor?) -> (svg: String, caption: String)? {
        guard let scenarioView = view?.array("scenarios").first(where: { $0.string("id") == scenario }),
              let series = scenarioView.object("series") else { return nil }
        let devices = watchedDevices(in: series)
        let times = series.numberColumn("time_s").compactMap { $0 }
        let label = fault.map { "\($0.string("kind") ?? "fault") \($0.string("target") ?? "")".trimmingSuffixSpaces } ?? ""
        let at = fault?.number("at_s")
        let recovery = fault?.number("timeToRecover_s")
        let zoom = at.flatMap { at in Self.window(around: at, recovery: recovery, times: times,
                                                  sampleInterval: view?.number("sampleInterval_s")) }
        let origin = zoom == nil ? 0 : at ?? 0
        var lines: [LineSeries] = []
        // The baseline is grey and dashed, drawn over the fault's line: where the two
        // agree the dashes lie on the coloured line, where they part the gap shows.
        func add(_ trace: JSONCursor?, baseline: Bool) {
            guard let trace else { return }
            let time = trace.numberColumn("time_s")
            for (index, device) in devices.enumerated() {
                guard let column = trace.array("devices").first(where: { $0.string("id") == device }) else { continue }
                let points = zip(time, column.numberColumn("deliveryRatio")).compactMap { t, v in t.map { (x: $0 - origin, y: v) } }
                lines.append(LineSeries(name: "\(device) \(baseline ? "baseline" : "under fault")", points: points,
                                        colour: baseline ? Palette.muted : Palette.series(index), dashed: baseline))
            }
        }
        add(series, baseline: false)
        let comparesBaseline = scenarioView.string("kind") != "baseline" && baselineView?.object("series") != nil
        if comparesBaseline { add(baselineView?.object("series"), baseline: true) }
        var legend = devices.enumerated().map { LegendItem(name: $1, colour: Palette.series($0)) }
        if comparesBaseline { legend.append(LegendItem(name: "baseline", colour: Palette.muted, dashed: true)) }
        var markerLabel = label.isEmpty ? "fault" : label
        if let recovery { markerLabel += ", recovered in \(NumberText.quantity(recovery, .time))" }
        let x: AxisSpec
        var markers: [ChartMarker] = []
        var bands: [ChartBand] = []
        let interval = view?.number("sampleInterval_s").map { NumberText.quantity($0, .time) }
        var caption = "Delivery ratio of the goals' devices per sample interval\(interval.map { " (\($0))" } ?? "")"
        if let zoom {
            let unit = AxisUnit.time(maximum: max(-zoom.lowerBound, zoom.upperBound))
            x = AxisSpec(label: "Time from the fault", unit: unit, range: unit.display(zoom.lowerBound)...unit.display(zoom.upperBound))
            markers = [ChartMarker(at: 0, label: markerLabel)]
            if let recovery, recovery > 0 { bands = [ChartBand(from: 0, to: recovery)] }
            caption += " around \(label) in scenario \(scenario) (at \(NumberText.quantity(at ?? 0, .time)))"
            caption += recovery.map { "; shaded: the outage until recovery (\(NumberText.quantity($0, .time)))" } ?? ""
            if let finer = view?.number("eventSampleInterval_s") {
                caption += ". Around the fault the samples are every \(NumberText.quantity(finer, .time)), so an outage longer than that shows as a dip to its depth."
            } else {
                caption += ". A sample averages its interval, so an outage shorter than it shows as a shallow dip."
            }
        } else {
            x = AxisSpec(label: "Time", unit: .time(maximum: max(times.max() ?? 0, at ?? 0)))
            if let at { markers = [ChartMarker(at: at, label: markerLabel)] }
            caption += label.isEmpty ? " in scenario \(scenario)." : " under \(label) (scenario \(scenario))."
            if let at, let last = times.max(), at > last {
                caption += " The fault at \(NumberText.quantity(at, .time)) comes after the trace's last sample (\(NumberText.quantity(last, .time))): run longer to see it."
            }
        }
        if comparesBaseline { caption += " Grey dashed: the same devices in the baseline." }
        let svg = LineChart(plot: "\(Self.application):kpi-over-time:\(scenario)", title: "Delivery ratio over time under \(scenario)",
                            x: x, y: AxisSpec(label: "Delivery ratio", unit: .percent, limits: 0...100, minimumSpan: 1),
                            series: lines, markers: markers, bands: bands, legend: legend).svg()
        return (svg, caption)
    }

    /// The span of the trace to show around a fault at `at`, relative to it: five sample
    /// intervals (at least 10 s and twice the recovery) before, fifteen (at least 30 s
    /// and six recoveries) after, inside the trace; nil when the fault is outside it.
    static func window(around at: Double, recovery: Double?, times: [Double], sampleInterval: Double?) -> ClosedRange<Double>? {
        guard let first = times.min(), let last = times.max(), at <= last else { return nil }
        // The spacing of the samples around the fault (a trace may be finer there).
        let next = times.firstIndex { $0 >= at } ?? times.count - 1
        let local = next > 0 ? times[next] - times[next - 1] : sampleInterval ?? 0
        let step = local > 0 ? local : sampleInterval ?? 1
        let outage = max(recovery ?? 0, 0)
        let before = max(5 * step, 2 * outage, 10), after = max(15 * step, 6 * outage, 30)
        let low = max(at - before, min(first - step, at)), high = min(at + after, last)
        return (low - at)...(high - at)
    }

    /// Baseline vs under-fault bars, one row per fault × goal whose values are ratios
    /// (delivery, availability); other KPIs are in the table, their units differ.
    private func degradation(_ faults: [JSONCursor]) -> String {
        var rows: [BarRow] = []
        for fault in faults {
            for goal in fault.array("goals") {
                guard goal.string("unit") == "1" || goal.string("unit") == "ratio",
                      let baseline = goal.number("baseline"), let under = goal.number("underFault") else { continue }
                // With one fault the goal names the row (the scenario is in the title).
                let name = faults.count == 1 ? goal.string("goal") ?? "?"
                    : "\(fault.string("scenario") ?? "?") · \(goal.string("goal") ?? "?")"
                rows.append(BarRow(category: name, bars: [
                    Bar(segments: [BarSegment(value: baseline, colour: Palette.series(0))], annotation: NumberText.percent(baseline)),
                    Bar(segments: [BarSegment(value: under, colour: Palette.bad)], annotation: NumberText.percent(under)),
                ]))
            }
        }
        let title = faults.count == 1 ? "KPI baseline vs under \(faults[0].string("scenario") ?? "the fault")" : "KPI baseline vs under fault"
        return BarChart(plot: "\(Self.application):degradation", title: title,
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
