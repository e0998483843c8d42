import TwinUnits
import TwinVocabulary

/// Energy: predicted lifetime per device with its interval (and the lifetime goal's
/// bound), where each device's energy goes by radio state, the device that dies first,
/// the what-if answers and the recommended setting.
struct EnergySection {
    static let application = ApplicationKind.energy.rawValue

    let energy: JSONCursor
    let index: ResultsIndex

    var html: String {
        var out = "<section id=\"energy\">\n<h2>Energy</h2>\n"
        if let until = energy.number("simulatedUntil_s") {
            // An attack-only twin's reference scenario may stop where its goals settle.
            out += "<p class=\"note\">Scenario \(HTMLText.escape(energy.string("scenario") ?? "?")) stopped at "
                + "\(NumberText.quantity(until, .time)) once its goals could not change: the figures cover 0–"
                + "\(NumberText.quantity(until, .time)).</p>\n"
        }
        if let first = energy.string("firstToDie") {
            out += "<p>First device to run out: <strong>\(HTMLText.escape(first))</strong>.</p>\n"
        }
        out += "<div class=\"figures\">\n"
        out += Markup.figure(lifetime, caption: "Predicted lifetime per device (log scale); whiskers: the 95 % interval. Dashed: the lifetime goals' bounds.")
        out += Markup.figure(byState, caption: "Share of each device's energy by radio state over the run; the device's total in brackets.")
        out += "</div>\n"
        out += whatIfTable
        if let recommendation = energy.object("recommendation") {
            out += recommendationHTML(recommendation)
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
        // Lifetimes span hours (a Wi-Fi headset) to years (an insulin pump): a log axis
        // keeps every bar readable. Days unless everything is shorter.
        var chart = BarChart(plot: "\(Self.application):lifetime", title: "Predicted lifetime per device",
                             axis: AxisSpec(label: "Lifetime, log scale", unit: .time(maximum: min(maximum, 3 * 86_400))), rows: rows,
                             markers: goals.map { ChartMarker(at: $0.threshold.bound, label: "\($0.goal) \($0.threshold.text)") })
        chart.logarithmic = true
        return chart.svg()
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
            return BarRow(category: "\(id) (\(NumberText.quantity(total, .energy)))", bars: [Bar(segments: segments)])
        }
        return BarChart(plot: "\(Self.application):energy-by-state", title: "Energy by radio state per device",
                        axis: AxisSpec(label: "Share of the device's energy", unit: .percent, range: 0...100), rows: rows,
                        legend: Palette.energyStates.map { LegendItem(name: $0.label, colour: $0.colour, isBlock: true) }).svg()
    }

    /// One row per device and knob: each setting with the lifetime it gives; the
    /// configured setting in bold, settings that break another goal struck red.
    private var whatIfTable: String {
        var groups: [(device: String, knob: String, entries: [String])] = []
        for answer in energy.array("whatIf") {
            let device = answer.string("device") ?? "?", knob = answer.string("knob") ?? "?"
            let value = answer["value"].map { OptimisationSection.setting($0.value, unit: answer.string("unit"), labels: labels(answer, knob: knob)) }
                ?? "—"
            let lifetime = answer.number("lifetime_s").map { NumberText.quantity($0, .time) } ?? "—"
            var entry = "\(HTMLText.escape(value)): \(HTMLText.escape(lifetime))"
            if answer.bool("current") == true { entry = "<strong>\(entry) (now)</strong>" }
            if answer.bool("meetsOtherGoals") == false {
                let failed = answer.strings("failedGoals")
                let why = failed.isEmpty ? "breaks another goal" : "breaks \(failed.joined(separator: ", "))"
                entry = "<span class=\"breaks\" title=\"\(HTMLText.escape(why))\">\(entry) ✗</span>"
            }
            if let index = groups.firstIndex(where: { $0.device == device && $0.knob == knob }) {
                groups[index].entries.append(entry)
            } else {
                groups.append((device, knob, [entry]))
            }
        }
        let rows = groups.map { group -> [TableCell] in
            [.text(group.device), .text(group.knob), .markup(group.entries.joined(separator: " · "))]
        }
        return HTMLTable(caption: "What if: lifetime per setting (✗: another goal not met)", headers: ["device", "knob", "setting: lifetime"],
                         rows: rows).html
    }

    /// The names of an index knob's values (`scheduled`, `csma-ca`): the entry's own
    /// `labels` if it has them, else the optimiser's for the same knob, else the `label`
    /// the what-if entries give each value (a run with `--no-optimise` has no optimiser
    /// knob list, and "1 index" means nothing to a reader).
    private func labels(_ entry: JSONCursor, knob: String) -> [String] {
        let own = entry.strings("labels")
        if !own.isEmpty { return own }
        let optimiser = index.labels(ofKnob: knob)
        return optimiser.isEmpty ? whatIfLabels(ofKnob: knob) : optimiser
    }

    /// Index → name from the what-if entries of `knob` that carry a `label`; an index
    /// no entry names keeps its number.
    private func whatIfLabels(ofKnob knob: String) -> [String] {
        var named: [Int: String] = [:]
        for answer in energy.array("whatIf") where answer.string("knob") == knob {
            guard let label = answer.string("label"), let value = answer.number("value"), value == value.rounded(),
                  (0..<256).contains(value) else { continue }
            named[Int(value)] = label
        }
        guard let top = named.keys.max() else { return [] }
        return (0...top).map { named[$0] ?? String($0) }
    }

    /// The recommended settings per device (the shape the energy application writes),
    /// else the recommendation as plain text.
    private func recommendationHTML(_ recommendation: JSONCursor) -> String {
        let devices = recommendation.array("devices")
        guard !devices.isEmpty else { return Markup.paragraph(Markup.plainText(recommendation.value)) }
        let rows = devices.map { device -> [TableCell] in
            let settings = device.array("settings").map { setting -> String in
                let labels = labels(setting, knob: setting.string("knob") ?? "")
                let value = setting["value"].map { OptimisationSection.setting($0.value, unit: setting.string("unit"), labels: labels) } ?? "—"
                return "\(setting.string("parameter") ?? setting.string("knob") ?? "?") \(value)"
            }
            return [
                .text(device.string("device") ?? "?"),
                .text(settings.joined(separator: ", ")),
                .number(device.number("configuredLifetime_s").map { NumberText.quantity($0, .time) } ?? "—"),
                .number(device.number("lifetime_s").map { NumberText.quantity($0, .time) } ?? "—"),
            ]
        }
        return HTMLTable(caption: "Recommended settings (longest lifetime that still meets the other goals)",
                         headers: ["device", "settings", "lifetime now", "lifetime recommended"], rows: rows).html
    }
}
