import TwinJSON
import TwinUnits

/// The safety half of the optimisation section: critical goals left unmet (with
/// the evidence and the bottleneck), how the two columns share their random numbers,
/// whether the energy application's recommendation is the optimiser's, the settings an
/// application's what-if refuses, and the per-device side effects with each floor.
struct OptimisationSafetySection {
    let optimisation: JSONCursor

    var html: String {
        var out = ""
        for unmet in optimisation.array("unmetCriticalGoals") {
            if let statement = unmet.string("statement") { out += Markup.paragraph(statement, className: "breaks") }
        }
        if let crn = optimisation.object("commonRandomNumbers"), let pairs = crn.number("pairs") {
            let verified = crn.bool("verified") == true ? "seeds checked equal" : "seeds NOT equal"
            out += Markup.paragraph("Common random numbers: baseline and recommendation ran the same seed "
                + "(\(NumberText.fixed(pairs, decimals: 0)) scenario × replication pairs, \(verified)); Δ is recommended − "
                + "baseline, paired per replication, with its 95 % interval.", className: "note")
        }
        for proposal in optimisation.array("proposals") {
            let origin = proposal.string("origin") ?? "?"
            let agrees = proposal.bool("agrees") == true
            out += Markup.paragraph("The \(origin) application's recommendation: "
                + (agrees ? "the optimiser agrees" : "the optimiser recommends otherwise") + " — "
                + (proposal.string("explanation") ?? "") + ".", className: "note")
        }
        let refused = optimisation.array("excluded").compactMap { setting -> String? in
            guard let knob = setting.string("knob"), let value = setting.number("value") else { return nil }
            return "\(knob) = \(significant(value)) (\(setting.string("application") ?? "?"): \(setting.string("reason") ?? ""))"
        }
        if !refused.isEmpty {
            out += Markup.paragraph("Never recommended (an application's what-if rejects them): "
                + refused.joined(separator: "; ") + ".", className: "note")
        }
        out += sideEffects
        return out
    }

    /// Every device in the reference scenario (the first scenario listed), baseline →
    /// recommended, with its floor; then the floors broken in any scenario.
    private var sideEffects: String {
        let all = optimisation.array("sideEffects")
        guard let scenario = all.first?.string("scenario") else { return "" }
        func ratio(_ cursor: JSONCursor?) -> String {
            cursor?.number("value").map { NumberText.quantity($0, .ratio) } ?? "—"
        }
        func time(_ value: Double?) -> String { value.map { NumberText.quantity($0, .time) } ?? "—" }
        let rows = all.filter { $0.string("scenario") == scenario }.map { effect -> [TableCell] in
            let floor = effect.object("floor")
            let broken = !effect.array("violations").isEmpty
            return [
                .text(effect.string("device") ?? "?"),
                .number("\(ratio(effect.object("deliveryBefore"))) → \(ratio(effect.object("deliveryAfter")))"),
                .number(floor?.number("delivery").map { "≥ " + NumberText.quantity($0, .ratio) } ?? "—"),
                .number("\(time(effect.number("p99Before_s"))) → \(time(effect.number("p99After_s")))"),
                .number(floor?.number("latency_s").map { "≤ " + NumberText.quantity($0, .time) } ?? "—"),
                .number("\(time(effect.object("lifetimeBefore_s")?.number("value"))) → "
                    + "\(time(effect.object("lifetimeAfter_s")?.number("value")))"),
                .markup(Markup.verdict(broken ? "fail" : "ok")),
            ]
        }
        var out = HTMLTable(caption: "Side effects on every device (scenario \(scenario)): baseline → recommended, same seeds",
                            headers: ["device", "delivery", "floor", "p99 latency", "ceiling", "lifetime", "floor kept"],
                            rows: rows).html
        let broken = all.flatMap { $0.array("violations") }.compactMap { $0.string("detail") }
        out += Markup.paragraph(broken.isEmpty
            ? "Every device keeps its floor in every scenario (delivery ≥ the lower of 90 % (IEEE 802.15.6 TG6) and the "
                + "baseline − 1 pp; p99 latency ≤ the higher of its ISO/IEEE 11073 class's latency or its budget and the "
                + "baseline + 10 %)."
            : "Floors broken: " + broken.joined(separator: "; ") + ".", className: "note")
        return out
    }
}
