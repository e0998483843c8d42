import TwinUnits

/// Energy: predicted lifetime per device with its interval (and the lifetime goal's
/// bound), where each device's energy goes by radio state, the device that dies first,
/// the what-if answers and the recommended setting.
struct EnergySection {
    static let application = "energy"

    let energy: JSONCursor
    let index: ResultsIndex

    var html: String {
        var out = "<section id=\"energy\">\n<h2>Energy</h2>\n"
        if let first = energy.string("firstToDie") {
            out += "<p>First device to run out: <strong>\(HTMLText.escape(first))</strong>.</p>\n"
        }
        out += "<div class=\"figures\">\n"
        out += Markup.figure(lifetime, caption: "Predicted lifetime per device; whiskers: the 95 % interval. Dashed: the lifetime goals' bounds.")
        out += Markup.figure(byState, caption: "Share of each device's energy by radio state over the run; the label is the device's total.")
        out += "</div>\n"
        out += whatIfTable
        if let recommendation = energy.object("recommendation") {
            out += "<h3>Recommendation</h3>\n" + Markup.paragraph(Markup.plainText(recommendation.value))
        }
        out += "</section>\n"
        return out
    }

    private var devices: [JSONCursor] { energy.array("devices") }

    private var lifetime: String {
        let rows = devices.compactMap { device -> BarRow? in
            guard let id = device.string("id"), let lifetime = device.number("lifetime_s"), lifetime >= 0 else { return nil }
            var interval: ClosedRange<Double>?
            if let low = device.number("lifetimeLow_s"), let high = device.number("lifetimeHigh_s"), low <= high {
                interval = low...high
            }
            return BarRow(category: id, bars: [Bar(segments: [BarSegment(value: lifetime, colour: Palette.series(0),
                                                                       tooltip: "\(id): \(NumberText.quantity(lifetime, .time))")],
                                                   interval: interval, annotation: NumberText.quantity(lifetime, .time))])
        }
        let goals = index.goals(kpi: "lifetime")
        let maximum = max(rows.flatMap { $0.bars.map { $0.interval?.upperBound ?? $0.total } }.max() ?? 0,
                          goals.map(\.threshold.bound).max() ?? 0)
        return BarChart(plot: "\(Self.application):lifetime", title: "Predicted lifetime per device",
                        axis: AxisSpec(label: "Lifetime", unit: .time(maximum: maximum)), rows: rows,
                        markers: goals.map { ChartMarker(at: $0.threshold.bound, label: "\($0.goal) \($0.threshold.text)") }).svg()
    }

    private var byState: String {
        let rows = devices.compactMap { device -> BarRow? in
            guard let id = device.string("id"), let joules = device.object("energy_J") else { return nil }
            let parts = Palette.energyStates.map { state in (state, max(joules.number(state.member) ?? 0, 0)) }
            let total = parts.reduce(0) { $0 + $1.1 }
            guard total > 0 else { return nil }
            let segments = parts.map { state, value in
                BarSegment(value: value / total, colour: state.colour,
                           tooltip: "\(id) \(state.label): \(NumberText.quantity(value, .energy)) (\(NumberText.percent(value / total, digits: 3)))")
            }
            return BarRow(category: id, bars: [Bar(segments: segments, annotation: NumberText.quantity(total, .energy))])
        }
        return BarChart(plot: "\(Self.application):energy-by-state", title: "Energy by radio state per device",
                        axis: AxisSpec(label: "Share of the device's energy", unit: .percent, range: 0...100), rows: rows,
                        legend: Palette.energyStates.map { LegendItem(name: $0.label, colour: $0.colour, isBlock: true) }).svg()
    }

    private var whatIfTable: String {
        let rows = energy.array("whatIf").map { answer -> [TableCell] in
            let value = answer.number("value").map { significant($0) } ?? answer.string("value") ?? "—"
            return [
                .text(answer.string("device") ?? "?"),
                .text(answer.string("knob") ?? "?"),
                .number([value, answer.string("unit") ?? ""].filter { !$0.isEmpty && $0 != "1" }.joined(separator: " ")),
                .number(answer.number("lifetime_s").map { NumberText.quantity($0, .time) } ?? "—"),
                .markup(Markup.verdict(answer.bool("meetsOtherGoals").map { $0 ? "met" : "not-met" })),
            ]
        }
        return HTMLTable(caption: "What if: lifetime per setting", headers: ["device", "knob", "setting", "lifetime", "other goals"],
                         rows: rows).html
    }
}
