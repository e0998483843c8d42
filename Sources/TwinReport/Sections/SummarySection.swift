/// The page header: the twin's title, the run settings, the count of goals met, and
/// the verdict table — one row per goal, one column per scenario, each cell the
/// verdict with the measured value and its 95 % confidence interval.
struct SummarySection {
    let root: JSONCursor
    let index: ResultsIndex

    var html: String {
        let twin = root.string("twin") ?? "twin"
        var out = "<header>\n<div class=\"inner\">\n"
        out += "<h1>\(HTMLText.escape(root.string("title") ?? twin))</h1>\n"
        out += Markup.paragraph("Twin \(twin) · results of twinc run, drawn by twinc report", className: "sub")
        out += settings
        out += counts
        out += errors
        out += "</div>\n</header>\n"
        out += "<section id=\"verdicts\">\n<h2>Goals by scenario</h2>\n"
        out += verdictTable
        out += "</section>\n"
        return out
    }

    private var settings: String {
        guard let settings = root.object("settings") else { return "" }
        var rows: [(String, String)] = []
        if let horizon = settings.number("horizon_s") { rows.append(("horizon", NumberText.quantity(horizon, .time))) }
        if let warmup = settings.number("warmup_s") {
            let shortened = settings.bool("warmupShortened") == true ? " (shortened to fit the horizon)" : ""
            rows.append(("warm-up", NumberText.quantity(warmup, .time) + shortened))
        }
        if let replications = settings.number("replications") { rows.append(("replications", NumberText.fixed(replications, decimals: 0))) }
        if let seed = settings.number("seed") { rows.append(("seed", NumberText.fixed(seed, decimals: 0))) }
        if let events = root.number("eventsHandled") { rows.append(("events simulated", NumberText.fixed(events, decimals: 0))) }
        guard !rows.isEmpty else { return "" }
        return "<dl class=\"settings\">\n" + rows.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }
            .joined(separator: "\n") + "\n</dl>\n"
    }

    /// What stops the run from answering the intent (goals no scenario evaluated).
    private var errors: String {
        let errors = root.strings("errors")
        guard !errors.isEmpty else { return "" }
        return "<ul class=\"errors\">\n" + errors.map { "<li>\(HTMLText.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    }

    private var counts: String {
        guard let summary = root.object("summary") else { return "" }
        let parts: [(String, String)] = [("met", "met"), ("notMet", "not-met"), ("inconclusive", "inconclusive"),
                                         ("notEvaluated", "not-evaluated")]
        let spans = parts.compactMap { member, verdict -> String? in
            guard let count = summary.number(member) else { return nil }
            return "<span>\(Markup.verdict(verdict)) \(NumberText.fixed(count, decimals: 0))</span>"
        }
        guard !spans.isEmpty else { return "" }
        return "<p class=\"counts\">Goals over all scenarios: " + spans.joined(separator: " ") + "</p>\n"
    }

    /// Goals in the summary's order (else the first scenario's), scenarios in run order.
    private var verdictTable: String {
        let scenarios = root.array("scenarios")
        guard !scenarios.isEmpty else { return Markup.paragraph("The results hold no scenarios.", className: "note") }
        var goalOrder: [(id: String, kpi: String, priority: String, overall: String?)] = []
        for goal in root.object("summary")?.array("goals") ?? [] {
            guard let id = goal.string("id") else { continue }
            goalOrder.append((id, goal.string("kpi") ?? "", goal.string("priority") ?? "", goal.string("verdict")))
        }
        for scenario in scenarios {
            for goal in scenario.array("goals") {
                guard let id = goal.string("id"), !goalOrder.contains(where: { $0.id == id }) else { continue }
                goalOrder.append((id, goal.string("kpi") ?? "", goal.string("priority") ?? "", nil))
            }
        }
        let scenarioNames = scenarios.map { $0.string("id") ?? "?" }
        var rows: [[TableCell]] = []
        for goal in goalOrder {
            var row: [TableCell] = [
                .markup("<strong>\(HTMLText.escape(goal.id))</strong><br><span class=\"note\">\(HTMLText.escape(goal.kpi)) · \(HTMLText.escape(goal.priority))</span>"),
                .markup("<span class=\"value\">\(HTMLText.escape(index.threshold(of: goal.id)?.text ?? index.requiredLevel(of: goal.id).map { "level ≥ \($0)" } ?? "—"))</span>"),
                .markup(Markup.verdict(goal.overall)),
            ]
            for scenario in scenarios {
                let result = scenario.array("goals").first { $0.string("id") == goal.id }
                row.append(.markup(result.map(Self.cell) ?? "<span class=\"note\">—</span>"))
            }
            rows.append(row)
        }
        let table = HTMLTable(caption: nil, headers: ["goal", "target", "overall"] + scenarioNames, rows: rows).html
        let kinds = scenarios.map { "\($0.string("id") ?? "?"): \($0.string("kind") ?? "")" }.joined(separator: ", ")
        return table + Markup.paragraph("Cells: verdict, the estimate and its 95 % interval; a verdict is inconclusive while the interval holds the bound. Scenarios — \(kinds).",
                                        className: "note")
    }

    /// One goal in one scenario: badge, value, interval; the note as a tooltip. A
    /// `security-protect` goal shows the level reached, its residual CVSS score below.
    static func cell(_ goal: JSONCursor) -> String {
        var out = Markup.verdict(goal.string("verdict"))
        let mean = ResultsFormat.estimate(goal.object("value"))
        if goal.string("kpi") == ProtectionLevel.kpi,
           let level = ProtectionLevel.reached(verdict: goal.string("verdict"), required: goal.number("securityLevel").flatMap { Int(exactly: $0) },
                                               reported: goal.number("securityLevelReached")) {
            out += " <span class=\"value\">\(HTMLText.escape(level))</span>"
            if let mean { out += "<br><span class=\"detail\">\(HTMLText.escape(ProtectionLevel.residual(mean)))</span>" }
        } else if let value = goal.object("value"), let mean = ResultsFormat.estimate(value) {
            let unit = value.string("unit"), dimension = value.string("dimension")
            out += " <span class=\"value\">\(HTMLText.escape(NumberText.value(mean, unit: unit, dimension: dimension)))</span>"
            if let low = value.number("lower"), let high = value.number("upper") {
                let (lower, upper) = NumberText.feasibleInterval(low, high, isRatio: dimension == "ratio")
                out += "<br><span class=\"ci\">[\(HTMLText.escape(NumberText.value(lower, unit: unit, dimension: dimension))), "
                    + "\(HTMLText.escape(NumberText.value(upper, unit: unit, dimension: dimension)))]</span>"
            }
        }
        if let note = goal.string("note") {
            out = "<span title=\"\(HTMLText.escape(note))\">\(out)</span>"
        }
        return out
    }
}
