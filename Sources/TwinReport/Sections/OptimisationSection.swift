import TwinJSON
import TwinUnits

/// The optimiser's answer: the knobs it moved (baseline → recommended), how many
/// candidates it considered and simulated, the verdict table of each goal in priority
/// order for the baseline and the recommended configuration, and its evidence.
struct OptimisationSection {
    static let evidenceRows = 12
    static let evidenceCharacters = 400

    let optimisation: JSONCursor
    let index: ResultsIndex

    var html: String {
        var out = "<section id=\"optimisation\">\n<h2>Optimisation: baseline vs recommended</h2>\n"
        let objectives = optimisation.strings("objectives")
        var facts: [String] = []
        if !objectives.isEmpty { facts.append("objectives in order: \(objectives.joined(separator: " > "))") }
        if let considered = optimisation.number("candidatesConsidered") {
            facts.append("\(NumberText.fixed(considered, decimals: 0)) candidates considered")
        }
        if let simulated = optimisation.number("candidatesSimulated") {
            facts.append("\(NumberText.fixed(simulated, decimals: 0)) simulated")
        }
        if let settings = optimisation.object("verdictSettings"), let horizon = settings.number("horizon_s"),
           let replications = settings.number("replications") {
            facts.append("verdicts at the run's settings (\(NumberText.quantity(horizon, .time)), "
                + "\(NumberText.fixed(replications, decimals: 0)) replications)")
        }
        if !facts.isEmpty { out += Markup.paragraph(facts.joined(separator: "; ") + ".", className: "note") }
        let allKnobs = optimisation.array("knobs").map { knob -> [TableCell] in
            let labels = knob.strings("labels")
            let baseline = Self.setting(knob["baseline"]?.value ?? .null, unit: knob.string("unit"), labels: labels)
            let recommended = Self.setting(knob["recommended"]?.value ?? .null, unit: knob.string("unit"), labels: labels)
            let changed = baseline != recommended
            return [.text(knob.string("id") ?? "?"), .number(baseline),
                    .markup(changed ? "<strong>\(HTMLText.escape(recommended))</strong>" : HTMLText.escape(recommended))]
        }
        // Knobs the optimiser moved first, each group in the results' order.
        let knobs = allKnobs.filter { $0[2].isEmphasised } + allKnobs.filter { !$0[2].isEmphasised }
        out += HTMLTable(caption: "Knobs", headers: ["knob", "baseline", "recommended"], rows: knobs).html
        let verdicts = optimisation.array("verdicts").map { verdict -> [TableCell] in
            [
                .markup("<strong>\(HTMLText.escape(verdict.string("goal") ?? "?"))</strong><br><span class=\"note\">\(HTMLText.escape(verdict.string("kpi") ?? "")) · \(HTMLText.escape(verdict.string("priority") ?? ""))</span>"),
                .text(verdict["target"].map { Markup.plainText($0.value) } ?? "—"),
                .markup(outcome(verdict.object("baseline"), unit: verdict.string("unit"), goal: verdict.string("goal"), kpi: verdict.string("kpi"))),
                .markup(outcome(verdict.object("recommended"), unit: verdict.string("unit"), goal: verdict.string("goal"), kpi: verdict.string("kpi"))),
            ]
        }
        out += HTMLTable(caption: "Verdicts", headers: ["goal", "target", "baseline", "recommended"], rows: verdicts).html
        out += evidenceTable
        if knobs.isEmpty && verdicts.isEmpty && optimisation.array("evidence").isEmpty {
            out += Markup.paragraph("The optimiser reported no knobs and no verdicts.", className: "note")
        }
        out += "</section>\n"
        return out
    }

    /// One row per candidate the optimiser confirmed: its rank from the analytic
    /// pre-screen, the knobs it sets, and a column per goal (in objective order) with
    /// the verdict measured, so each badge sits under its goal's name. Rows of another
    /// shape are shown as text, shortened.
    private var evidenceTable: String {
        let all = optimisation.array("evidence")
        var goals: [String] = optimisation.array("verdicts").compactMap { $0.string("goal") }
        for item in all {
            for goal in item.array("measured").compactMap({ $0.string("goal") }) where !goals.contains(goal) { goals.append(goal) }
        }
        let rows = all.prefix(Self.evidenceRows).map { item -> [TableCell] in
            guard let knobs = item.object("knobs") else {
                return [.text("—"), .text(ChartFrame.shortened(Markup.plainText(item.value), to: Self.evidenceCharacters))]
                    + goals.map { _ in .text("") } + [.text("")]
            }
            // Sorted as the canonical writer sorts them, so member order does not matter.
            let members = (knobs.value.objectValue ?? []).sorted { Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8) }
            let settings = members.map { id, value in
                "\(id) = \(Self.setting(value, unit: index.unit(ofKnob: id), labels: index.labels(ofKnob: id)))"
            }.joined(separator: ", ")
            let measured = item.array("measured")
            let verdicts = goals.map { goal -> TableCell in
                guard let result = measured.first(where: { $0.string("goal") == goal }) else { return .markup("<span class=\"note\">—</span>") }
                return .markup(outcome(result, unit: nil, goal: goal, kpi: nil, interval: false))
            }
            var role = item.bool("recommended") == true ? "recommended" : (item.bool("baseline") == true ? "baseline" : "")
            if item.bool("eligible") == false { role += role.isEmpty ? "not eligible" : ", not eligible" }
            return [.number(item.number("analyticRank").map { NumberText.fixed($0, decimals: 0) } ?? "—"),
                    .text(settings.isEmpty ? "(baseline settings)" : settings)] + verdicts + [.text(role)]
        }
        var out = HTMLTable(caption: "Evidence: candidates simulated (measured verdict per goal)", headers: ["rank", "knobs"] + goals + [""],
                            rows: Array(rows)).html
        if all.count > Self.evidenceRows {
            out += Markup.paragraph("\(all.count - Self.evidenceRows) more candidates in the results JSON.", className: "note")
        }
        return out
    }

    /// `met 99.95 % [99.9 %, 99.99 %]` for one configuration's result on a goal.
    /// Values carry the verdict's `unit`; the goal's dimension from the run report
    /// tells a ratio (shown in %) from a count (both have unit `1`). A
    /// `security-protect` goal shows the level reached instead of its residual score.
    /// Without `interval` only the badge and the value (the evidence table's cells).
    func outcome(_ result: JSONCursor?, unit: String?, goal: String?, kpi: String?, interval: Bool = true) -> String {
        guard let result else { return "—" }
        let dimension = goal.flatMap(index.dimension(of:))
        let kpi = kpi ?? goal.flatMap { goal in index.thresholds.first { $0.goal == goal }?.kpi }
        func text(_ value: Double) -> String {
            dimension == "count" ? significant(value) : NumberText.value(value, unit: unit, dimension: dimension)
        }
        var out = Markup.verdict(result.string("verdict"))
        if kpi == ProtectionLevel.kpi,
           let level = ProtectionLevel.reached(verdict: result.string("verdict"), required: goal.flatMap(index.requiredLevel(of:)),
                                               reported: result.number("securityLevelReached")) {
            out += interval ? " " + HTMLText.escape(level) : "<br><span class=\"value\">\(HTMLText.escape(level))</span>"
            if interval, let value = result.number("value") {
                out += " <span class=\"detail\">\(HTMLText.escape(ProtectionLevel.residual(value)))</span>"
            }
            return out
        }
        if let value = result.number("value") {
            // In the evidence table's narrow goal columns the value goes under the badge, whole.
            out += interval ? " " + HTMLText.escape(text(value)) : "<br><span class=\"value\">\(HTMLText.escape(text(value)))</span>"
        }
        if interval, let lower = result.number("low"), let upper = result.number("high") {
            let (low, high) = NumberText.feasibleInterval(
                lower, upper, isRatio: dimension == "ratio" || (dimension == nil && unit == "1"))
            out += " <span class=\"ci\">[\(HTMLText.escape(text(low))), \(HTMLText.escape(text(high)))]</span>"
        }
        return out
    }

    /// A knob's setting with its unit: `-6 dBm`, `level 2`, `3` retries (no `count`).
    /// A knob value as a person reads it: an index knob's value by its label
    /// (`csma-ca`, `bedside-hub`), other values with their unit.
    static func setting(_ value: JSONValue, unit: String?, labels: [String] = []) -> String {
        if let index = value.numberValue, index == index.rounded(), index >= 0, Int(exactly: index).map({ $0 < labels.count }) == true {
            return labels[Int(index)]
        }
        let text = Markup.plainText(value)
        switch unit {
        case nil, "", "1", "count": return text
        case "level": return "level \(text)"
        case let unit?: return "\(text) \(unit)"
        }
    }
}

extension TableCell {
    /// A cell whose markup starts in bold: a knob the optimiser changed.
    var isEmphasised: Bool {
        if case .markup(let markup) = self { return markup.hasPrefix("<strong>") }
        return false
    }
}
