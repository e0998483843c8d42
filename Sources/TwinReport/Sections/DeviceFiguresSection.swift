import TwinUnits

/// What the runtime report itself says per device (present in every results file,
/// with or without applications): the delivery ratio of each device in each scenario
/// with its 95 % interval, so a page drawn from a bare `twinc run` still has a plot.
/// A dot plot rather than bars: delivery ratios sit within a few percent of 100 %,
/// which bars from zero cannot tell apart.
struct DeviceFiguresSection {
    static let plot = "run:delivery-ratio"

    let root: JSONCursor
    let index: ResultsIndex

    var html: String {
        let scenarios = root.array("scenarios")
        guard !scenarios.isEmpty else { return "" }
        var deviceOrder: [String] = []
        for scenario in scenarios {
            for device in scenario.array("devices") {
                if let id = device.string("id"), !deviceOrder.contains(id) { deviceOrder.append(id) }
            }
        }
        // A scenario stopped where its goals settled covers less time than the others:
        // its legend entry says which, so its marks are not read as the whole run's.
        let names = scenarios.map { scenario in
            let id = scenario.string("id") ?? "?"
            return scenario.number("simulatedUntil_s").map { "\(id) (0–\(NumberText.quantity($0, .time)))" } ?? id
        }
        let rows = deviceOrder.map { id -> DotPlot.Row in
            let marks = scenarios.enumerated().map { index, scenario -> DotPlot.Mark? in
                let estimate = scenario.array("devices").first { $0.string("id") == id }?.object("deliveryRatio")
                guard let mean = estimate?.ratio("estimate") ?? estimate?.ratio("mean") else { return nil }
                var interval: ClosedRange<Double>?
                var intervalText = ""
                if let lower = estimate?.number("lower"), let upper = estimate?.number("upper"), lower <= upper {
                    let (low, high) = NumberText.feasibleInterval(lower, upper, isRatio: true)
                    interval = low...high
                    intervalText = " [\(NumberText.percent(low)), \(NumberText.percent(high))]"
                }
                return DotPlot.Mark(value: mean, interval: interval,
                                    tooltip: "\(id) in \(names[index]): \(NumberText.percent(mean))\(intervalText)")
            }
            let means = marks.compactMap { $0?.value }
            var summary = "—"
            if let low = means.min(), let high = means.max() {
                let lowText = NumberText.percent(low), highText = NumberText.percent(high)
                summary = lowText == highText ? lowText : "\(lowText) – \(highText)"
            }
            return DotPlot.Row(category: id, marks: marks, summary: summary)
        }
        let chart = DotPlot(plot: Self.plot, title: "Delivery ratio per device and scenario",
                            axis: AxisSpec(label: "Delivery ratio", unit: .percent, limits: 0...100, minimumSpan: 1),
                            series: names, rows: rows).svg()
        return "<section id=\"devices\">\n<h2>Per-device delivery</h2>\n<div class=\"figures\">\n"
            + "<figure class=\"wide\">\n\(chart)<figcaption>Packets delivered over packets generated, per device (a row) and scenario (a mark); "
            + "lines: 95 % interval over replications (a chevron where it runs past the axis, which is zoomed to the means). "
            + "Right: the lowest and highest mean over the scenarios.\(stoppedNote(scenarios))</figcaption>\n</figure>\n"
            + "</div>\n</section>\n"
    }

    /// The scenarios simulated only until their goals settled (`simulatedUntil_s`): their
    /// marks cover that time, not the whole horizon, and the caption says so.
    private func stoppedNote(_ scenarios: [JSONCursor]) -> String {
        let stopped = scenarios.compactMap { scenario -> String? in
            guard let until = scenario.number("simulatedUntil_s") else { return nil }
            return "\(HTMLText.escape(scenario.string("id") ?? "?")) to \(NumberText.quantity(until, .time))"
        }
        guard !stopped.isEmpty else { return "" }
        return " Simulated only until their goals could no longer change (their last event was over): "
            + stopped.joined(separator: ", ") + "; <code>--whole-horizon</code> runs them to the horizon."
    }
}
