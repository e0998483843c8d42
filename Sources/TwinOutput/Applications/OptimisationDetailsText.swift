import TwinApplications
import TwinRuntime
import TwinUnits

extension OptimisationResult {
    /// How the two columns of the verdict table share their random numbers.
    func commonRandomNumbersText() -> String {
        guard let crn = commonRandomNumbers else { return "" }
        let replications = ReplicationCountText.of(crn.replications, fallback: 0)
        return "common random numbers: baseline and recommendation ran seed \(crn.seed), \(replications), horizon "
            + "\(crn.horizon.quantity.formatted); \(crn.pairs) scenario × replication pairs, seeds "
            + (crn.verified ? "checked equal" : "NOT equal") + "; Δ is recommended − baseline, paired per replication\n"
    }

    /// The knob values an application's what-if rejects, one line per application, values
    /// grouped by knob and reason: `refused (energy what-if): bp.tx-power -18, -12 dBm
    /// (fails link-margin); …`.
    func refusedText() -> String {
        var applications: [String] = []
        for setting in excluded where !applications.contains(setting.application) { applications.append(setting.application) }
        return applications.map { application in
            var groups: [(knob: String, reason: String, values: [Double])] = []
            for setting in excluded where setting.application == application {
                if let index = groups.firstIndex(where: { $0.knob == setting.knob && $0.reason == setting.reason }) {
                    groups[index].values.append(setting.value)
                } else {
                    groups.append((setting.knob, setting.reason, [setting.value]))
                }
            }
            let parts = groups.map { group in
                let unit = knobs.first { $0.id == group.knob }?.unit ?? ""
                return "\(group.knob) \(group.values.map { significant($0) }.joined(separator: ", "))"
                    + (unit.isEmpty ? "" : " \(unit)") + " (\(group.reason))"
            }
            return "refused (\(application) what-if): " + parts.joined(separator: "; ") + "\n"
        }.joined()
    }

    /// The candidates the simulation screened, one line each: who proposed it, what it
    /// changes, and whether it may be recommended (and why not).
    func evidenceText() -> String {
        guard !evidence.isEmpty else { return "" }
        var out = "screened:\n"
        for item in evidence {
            let changes = item.changes.isEmpty ? "(baseline settings)"
                : item.changes.map { change in
                    let knob = knobs.first { $0.id == change.id }
                    return "\(change.id) = \(knob?.describe(change.value) ?? significant(change.value))"
                }.joined(separator: ", ")
            let rank = item.analyticRank > 0 ? "#\(item.analyticRank)" : "—"
            var status = item.isRecommended ? "recommended" : (item.eligible ? "eligible" : "not eligible")
            if !item.simulated { status += ", not simulated" }
            out += "  \(rank) [\(item.origin)] \(changes): \(status)"
            if !item.ineligibleBecause.isEmpty { out += " — " + item.ineligibleBecause.joined(separator: "; ") }
            out += "\n"
        }
        return out
    }

    /// The per-device side effects: every device in the reference scenario (delivery,
    /// p99 latency and lifetime, baseline → recommended, with each device's floor), then
    /// whether every floor holds in every scenario.
    func sideEffectsText() -> String {
        var out = "\nside effects on every device (floors: delivery ≥ the lower of 90 % (IEEE 802.15.6 TG6) and the "
            + "baseline − 1 pp; p99 latency ≤ the higher of the ISO/IEEE 11073 class's latency (Tachtatzis et al. 2012 "
            + "Table 1) or the device's budget and the baseline + 10 %; link outage ≤ 1 % per attempt or the baseline's):\n"
        guard !sideEffects.isEmpty else {
            return out + "  none: the baseline is kept\n"
        }
        let scenario = sideEffects.first?.scenario ?? ""
        let reference = sideEffects.filter { $0.scenario == scenario }
        out += "  scenario `\(scenario)`, baseline → recommended (same seeds):\n"
        var table = TextTable([("device", .left), ("delivery", .right), ("Δ", .right), ("floor", .right),
                               ("p99 latency", .right), ("ceiling", .right), ("lifetime", .right), ("check", .left)])
        for effect in reference {
            table.add([
                effect.device,
                arrow(effect.deliveryBefore?.point, effect.deliveryAfter?.point, .ratio),
                effect.deliveryChange.map { DifferenceText.of($0.mean, .ratio) } ?? "",
                Quantity(effect.floor.delivery, .ratio).formatted,
                arrow(effect.p99Before?.si, effect.p99After?.si, .time),
                effect.floor.latency.quantity.formatted,
                arrow(effect.lifetimeBefore?.point, effect.lifetimeAfter?.point, .time),
                effect.violations.isEmpty ? "ok" : "BELOW FLOOR",
            ])
        }
        out += table.render(indent: "    ")
        let broken = sideEffects.flatMap(\.violations)
        let scenarios = Set(sideEffects.map(\.scenario)).count
        out += broken.isEmpty
            ? "  every device keeps its floor in " + (scenarios == 1 ? "the scenario\n" : "all \(scenarios) scenarios\n")
            : broken.map { "  \($0.detail)\n" }.joined()
        return out
    }

    /// One line per other application's recommendation: whether the optimiser's is the
    /// same, and why not.
    public func proposalsText() -> String {
        proposals.map { proposal in
            let verdict = proposal.agrees ? "is the optimiser's recommendation" : "is not the optimiser's recommendation"
            return "  this \(proposal.origin) recommendation \(verdict): \(proposal.explanation)\n"
        }.joined()
    }

    private func arrow(_ before: Double?, _ after: Double?, _ dimension: Dimension) -> String {
        func show(_ value: Double?) -> String { value.map { Quantity($0, dimension).formatted } ?? "—" }
        return "\(show(before)) → \(show(after))"
    }

}

/// A difference of two values of a KPI as the tables print it: `+0.12 pp` between two
/// ratios (percentage points, three significant digits), `+4.45 d` between two times.
enum DifferenceText {
    static func of(_ value: Double, _ dimension: Dimension?) -> String {
        let sign = value > 0 ? "+" : ""
        guard let dimension else { return sign + significant(value, digits: 3) }
        if dimension == .ratio { return sign + significant(value * 100, digits: 3) + " pp" }
        return sign + Quantity(value, dimension).formatted
    }
}
