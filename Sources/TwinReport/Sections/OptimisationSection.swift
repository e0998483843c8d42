import TwinUnits

/// The optimiser's answer: the knobs it moved (baseline → recommended), how many
/// candidates it considered and simulated, the verdict table of each goal in priority
/// order for the baseline and the recommended configuration, and its evidence.
struct OptimisationSection {
    let optimisation: JSONCursor

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
        if !facts.isEmpty { out += Markup.paragraph(facts.joined(separator: "; ") + ".", className: "note") }
        let knobs = optimisation.array("knobs").map { knob -> [TableCell] in
            let unit = knob.string("unit").map { $0 == "1" ? "" : " \($0)" } ?? ""
            let baseline = Markup.plainText(knob["baseline"]?.value ?? .null) + unit
            let recommended = Markup.plainText(knob["recommended"]?.value ?? .null) + unit
            let changed = baseline != recommended
            return [.text(knob.string("id") ?? "?"), .number(baseline),
                    .markup(changed ? "<strong>\(HTMLText.escape(recommended))</strong>" : HTMLText.escape(recommended))]
        }
        out += HTMLTable(caption: "Knobs", headers: ["knob", "baseline", "recommended"], rows: knobs).html
        let verdicts = optimisation.array("verdicts").map { verdict -> [TableCell] in
            [
                .markup("<strong>\(HTMLText.escape(verdict.string("goal") ?? "?"))</strong><br><span class=\"note\">\(HTMLText.escape(verdict.string("kpi") ?? "")) · \(HTMLText.escape(verdict.string("priority") ?? ""))</span>"),
                .text(verdict["target"].map { Markup.plainText($0.value) } ?? "—"),
                .markup(Self.outcome(verdict.object("baseline"))),
                .markup(Self.outcome(verdict.object("recommended"))),
            ]
        }
        out += HTMLTable(caption: "Verdicts", headers: ["goal", "target", "baseline", "recommended"], rows: verdicts).html
        let evidence = optimisation.array("evidence").map { [TableCell.text(Markup.plainText($0.value))] }
        out += HTMLTable(caption: "Evidence", headers: ["candidate"], rows: evidence).html
        if knobs.isEmpty && verdicts.isEmpty && evidence.isEmpty {
            out += Markup.paragraph("The optimiser reported no knobs and no verdicts.", className: "note")
        }
        out += "</section>\n"
        return out
    }

    /// `met 99.95 % [99.9 %, 99.99 %]` for one configuration's result on a goal.
    static func outcome(_ result: JSONCursor?) -> String {
        guard let result else { return "—" }
        var out = Markup.verdict(result.string("verdict"))
        if let value = result["value"] { out += " " + HTMLText.escape(Markup.plainText(value.value)) }
        if let low = result.number("low"), let high = result.number("high") {
            out += " <span class=\"ci\">[\(HTMLText.escape(significant(low))), \(HTMLText.escape(significant(high)))]</span>"
        }
        return out
    }
}
