import TwinUnits

/// What the runtime report itself says per device (present in every results file,
/// with or without applications): the delivery ratio of each device in each scenario
/// with its 95 % interval, so a page drawn from a bare `twinc run` still has a plot.
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
        let rows = deviceOrder.map { id -> BarRow in
            let bars = scenarios.enumerated().map { index, scenario -> Bar in
                let device = scenario.array("devices").first { $0.string("id") == id }
                let estimate = device?.object("deliveryRatio")
                guard let mean = estimate?.ratio("mean") else { return Bar(segments: [], annotation: "—") }
                var interval: ClosedRange<Double>?
                if let lower = estimate?.number("lower"), let upper = estimate?.number("upper"), lower <= upper {
                    interval = max(lower, 0)...min(upper, 1)
                }
                return Bar(segments: [BarSegment(value: mean, colour: Palette.series(index),
                                                 tooltip: "\(id) in \(scenario.string("id") ?? "?"): \(NumberText.percent(mean))")],
                           interval: interval, annotation: NumberText.percent(mean))
            }
            return BarRow(category: id, bars: bars)
        }
        let legend = scenarios.enumerated().map { LegendItem(name: $1.string("id") ?? "?", colour: Palette.series($0), isBlock: true) }
        let chart = BarChart(plot: Self.plot, title: "Delivery ratio per device and scenario",
                             axis: AxisSpec(label: "Delivery ratio", unit: .percent, range: 0...100), rows: rows, legend: legend).svg()
        return "<section id=\"devices\">\n<h2>Per-device delivery</h2>\n<div class=\"figures\">\n"
            + "<figure class=\"wide\">\n\(chart)<figcaption>Packets delivered over packets generated, per device, one bar per scenario; whiskers: 95 % interval over replications.</figcaption>\n</figure>\n"
            + "</div>\n</section>\n"
    }
}
