import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

/// The report for a terminal: per scenario a goal table (target, value, 95 % interval,
/// verdict) and two device tables (traffic, energy), then the goal summary. Units are
/// chosen per value (`Quantity.formatted`); fixed rules, no locale, so the text is
/// byte-stable too.
extension RunReport {
    public func text() -> String {
        var out = "twin \(twin)" + (title.isEmpty ? "" : " — \(title)") + "\n"
        out += "run: horizon \(settings.horizon.quantity.formatted), warm-up \(settings.warmup.quantity.formatted)"
            + (warmupShortened ? " (shortened to fit the horizon)" : "")
            + ", \(settings.replications) replication\(settings.replications == 1 ? "" : "s"), seed \(settings.seed)\n"
        for scenario in scenarios { out += "\n" + scenario.text() }
        out += "\n" + summaryText()
        return out
    }

    func summaryText() -> String {
        let met = summary.filter { $0.verdict == .met }.count
        let notMet = summary.filter { $0.verdict == .notMet }.count
        let open = summary.filter { $0.verdict == .notEvaluated }.count
        let out = "summary: \(met) met, \(notMet) not met, \(open) not evaluated\n"
        guard !summary.isEmpty else { return out }
        var table = TextTable([("goal", .left), ("kpi", .left), ("priority", .left), ("verdict", .left), ("scenarios", .left)])
        for goal in summary {
            let scenarios = goal.verdict == .notMet
                ? "failed in " + goal.failedIn.joined(separator: ", ")
                : goal.evaluatedIn.joined(separator: ", ")
            table.add([goal.goalID, goal.kpi, goal.priority, goal.verdict.text, scenarios])
        }
        return out + table.render()
    }
}

extension ScenarioReport {
    func text() -> String {
        var out = "scenario \(id) (\(kind))" + (description.isEmpty ? "" : ": \(description)") + "\n"
        if eventsAfterHorizon > 0 {
            out += "  note: \(eventsAfterHorizon) scenario event\(eventsAfterHorizon == 1 ? " is" : "s are") timed at or "
                + "after the horizon and did not happen\n"
        }
        if goals.isEmpty {
            out += "  no goals evaluated in this scenario\n"
        } else {
            var table = TextTable([("goal", .left), ("kpi", .left), ("target", .left), ("value", .right),
                                   ("95 % CI", .left), ("verdict", .left)])
            var notes: [String] = []
            for goal in goals {
                let value = goal.value.map { $0.quantity.formatted } ?? "—"
                let interval = goal.value.flatMap { value in value.halfWidth.map { plusMinus($0, value.dimension) } } ?? ""
                let verdict = goal.verdict.text + (goal.boundInsideInterval ? " (bound inside CI)" : "")
                table.add([goal.goalID, goal.kpi, goal.targetText, value, interval, verdict])
                var parts: [String] = []
                if let device = goal.limitingDevice { parts.append("limiting device `\(device)`") }
                if let note = goal.note { parts.append(note) }
                if !parts.isEmpty { notes.append("    \(goal.goalID): " + parts.joined(separator: "; ")) }
            }
            out += table.render() + notes.map { $0 + "\n" }.joined()
        }
        out += "\n" + trafficTable() + "\n" + energyTable()
        return out
    }

    private func trafficTable() -> String {
        var table = TextTable([("device", .left), ("generated", .right), ("delivered", .right), ("95 % CI", .left),
                               ("on time", .right), ("dropped", .right), ("latency p50", .right), ("p95", .right),
                               ("p99", .right), ("max", .right)])
        for device in devices {
            let ratio = device.deliveryRatio
            table.add([
                device.id, significant(device.generated), ratio.map { $0.quantity.formatted } ?? "—",
                ratio?.halfWidth.map { plusMinus($0, .ratio) } ?? "",
                device.onTimeRatio.map { $0.quantity.formatted } ?? "—",
                significant(device.dropped.reduce(0, +)),
                device.latency.map { $0.p50.quantity.formatted } ?? "—",
                device.latency.map { $0.p95.quantity.formatted } ?? "—",
                device.latency.map { $0.p99.quantity.formatted } ?? "—",
                device.latency.map { $0.maximum.quantity.formatted } ?? "—",
            ])
        }
        return table.render()
    }

    private func energyTable() -> String {
        var table = TextTable([("device", .left), ("TX", .right), ("RX", .right), ("listen", .right),
                               ("sleep", .right), ("wake-up", .right), ("baseline", .right), ("total", .right),
                               ("avg current", .right), ("lifetime", .right), ("95 % CI", .left)])
        for device in devices {
            let e = device.energy
            let lifetime = device.lifetime.map {
                $0.quantity.formatted + (device.diedIn > 0 ? " (died in \(device.diedIn))" : " (predicted)")
            } ?? "—"
            table.add([
                device.id, e.transmit.quantity.formatted, e.receive.quantity.formatted, e.listen.quantity.formatted,
                e.sleep.quantity.formatted, e.wakeUp.quantity.formatted, e.baseline.quantity.formatted,
                e.total.quantity.formatted, device.averageCurrent.map { $0.quantity.formatted } ?? "—",
                lifetime, device.lifetime?.halfWidth.map { plusMinus($0, .time) } ?? "",
            ])
        }
        return table.render()
    }
}

/// A confidence half-width: three significant digits are plenty for a spread
/// (`± 0.0519 %`, not `± 0.0518892 %`).
func plusMinus(_ halfWidth: Double, _ dimension: Dimension) -> String {
    dimension == .ratio ? "± \(significant(halfWidth * 100, digits: 3)) %" : "± " + Quantity(halfWidth, dimension).formatted
}
