import TwinUnits
import TwinVocabulary

/// Security: the CVSS v3.1 base score of each threat's exposure (bars coloured by
/// FIRST's severity rating) and the threat table — security level, frames accepted or
/// rejected, whether the twin detected the attack and how fast against the intent's
/// detect-within goal, and the verdict; then the recommended level with its cost.
struct SecuritySection {
    static let application = ApplicationKind.security.rawValue

    let security: JSONCursor

    var html: String {
        let threats = security.array("threats")
        var out = "<section id=\"security\">\n<h2>Security</h2>\n<div class=\"figures\">\n"
        out += Markup.figure(cvssChart(threats), caption: "CVSS v3.1 base score of each threat's exposure (0–10), coloured by severity.")
        out += "</div>\n"
        out += threatTable(threats)
        if let recommendation = security.object("recommendation") {
            var parts: [String] = []
            if let level = recommendation.number("securityLevel") { parts.append("security level \(NumberText.fixed(level, decimals: 0))") }
            if let joules = recommendation.number("energyCost_J_per_day") { parts.append("\(NumberText.quantity(joules, .energy)) per day") }
            if let latency = recommendation.number("latencyCost_s") { parts.append("\(NumberText.quantity(latency, .time)) added latency") }
            var sentence = parts.isEmpty ? "" : "Recommended: " + parts.joined(separator: ", ")
            if let reason = recommendation.string("reason") { sentence += sentence.isEmpty ? reason : " — \(reason)" }
            out += "<h3>Recommendation</h3>\n" + Markup.paragraph(sentence)
            let measures = recommendation.array("countermeasures").map { measure -> [TableCell] in
                [.text(measure.string("threat") ?? "?"), .text(measure.string("measure") ?? Markup.plainText(measure.value))]
            }
            out += HTMLTable(caption: "Countermeasures", headers: ["threat", "measure"], rows: measures).html
        }
        out += "</section>\n"
        return out
    }

    private static func name(_ threat: JSONCursor) -> String {
        let mode = threat.string("jammerMode").map { " (\($0))" } ?? ""
        return "\(threat.string("kind") ?? "threat")\(mode) → \(threat.string("target") ?? "?")"
    }

    /// A bar per threat, repeated attacks with the same score folded into one ("×15").
    private func cvssChart(_ threats: [JSONCursor]) -> String {
        struct Score: Equatable { var name: String, score: Double, severity: String, vector: String? }
        let scores = threats.compactMap { threat -> Score? in
            guard let cvss = threat.object("cvss"), let score = cvss.number("score"), score >= 0, score <= 10 else { return nil }
            return Score(name: Self.name(threat), score: score, severity: cvss.string("severity") ?? "", vector: cvss.string("vector"))
        }
        let rows = scores.runsOfEqual().map { entry, count in
            BarRow(category: entry.name + (count > 1 ? " ×\(count)" : ""), bars: [
                Bar(segments: [BarSegment(value: entry.score, colour: Palette.severity(entry.severity), tooltip: entry.vector)],
                    annotation: "\(NumberText.fixed(entry.score, decimals: 1)) \(entry.severity)"),
            ])
        }
        let legend = ["Low", "Medium", "High", "Critical"].map { LegendItem(name: $0, colour: Palette.severity($0), isBlock: true) }
        return BarChart(plot: "\(Self.application):cvss", title: "CVSS base score per threat",
                        axis: AxisSpec(label: "CVSS v3.1 base score", unit: .none, range: 0...10), rows: rows, legend: legend,
                        emptyMessage: "no threats in the results").svg()
    }

    /// A row per threat; a run of attacks with the same figures (a detection goal's
    /// repeated onsets) is one row marked "×N".
    private func threatTable(_ threats: [JSONCursor]) -> String {
        let cells = threats.map { threat -> [TableCell] in
            let cvss = threat.object("cvss")
            let severity = cvss?.string("severity") ?? ""
            var score = "—"
            if let value = cvss?.number("score") {
                score = Markup.badge("\(NumberText.fixed(value, decimals: 1)) \(severity)", colour: Palette.severity(severity))
            }
            if let vector = cvss?.string("vector") { score += "<br><span class=\"note\">\(HTMLText.escape(vector))</span>" }
            let detected: String
            switch threat.bool("detected") {
            case true?:
                let delay = threat.number("detectionDelay_s").map { "in \(NumberText.quantity($0, .time))" } ?? "yes"
                detected = delay
            case false?:
                // A stopped scenario watched the detector only until its stop (GoalSettling).
                detected = threat.number("watchedUntil_s").map { "not detected by \(NumberText.quantity($0, .time)) (run stopped)" }
                    ?? "not detected"
            case nil: detected = "—"
            }
            let within = threat.number("detectWithin_s").map { " (goal: within \(NumberText.quantity($0, .time)))" } ?? ""
            return [
                .text(threat.string("scenario") ?? "?"),
                .text(Self.name(threat)),
                .number(threat.number("securityLevel").map { NumberText.fixed($0, decimals: 0) } ?? "—"),
                .markup(score),
                .number(threat.number("accepted").map { NumberText.fixed($0, decimals: 0) } ?? "—"),
                .number(threat.number("rejected").map { NumberText.fixed($0, decimals: 0) } ?? "—"),
                .number(threat.number("framesExposed").map { NumberText.fixed($0, decimals: 0) } ?? "—"),
                .text(detected + within),
                .markup(Markup.verdict(threat.string("verdict"))),
            ]
        }
        let runs = cells.runsOfEqual()
        let rows = runs.map { row, count -> [TableCell] in
            guard count > 1, case .text(let name) = row[1] else { return row }
            var folded = row
            folded[1] = .text("\(name) ×\(count)")
            return folded
        }
        let table = HTMLTable(caption: "Threats", headers: ["scenario", "threat", "level", "CVSS", "accepted", "rejected", "frames exposed",
                                                            "detected vs goal", "verdict"], rows: rows).html
        guard runs.contains(where: { $0.count > 1 }) else { return table }
        return table + "<p class=\"note\">×N: N attacks of the scenario in a row with the same figures, shown once "
            + "(the results JSON lists each).</p>\n"
    }
}
