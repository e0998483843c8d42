import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

/// The report for a terminal, summary first (where the eye lands, as `cargo test` and
/// `pytest -q` put it): the run's settings, what stops it from answering the intent,
/// one goals × scenarios verdict matrix, then per scenario a goal table (target, value,
/// 95 % interval, verdict) and two device tables (traffic, energy). Units are chosen per
/// value (`Quantity.formatted`); fixed rules, no locale, so the text is byte-stable too.
extension RunReport {
    public func text() -> String {
        headerText() + "\n" + verdictMatrixText() + detailsText()
    }

    /// The twin, the run's settings and the errors of the run (goals no scenario could
    /// evaluate).
    public func headerText() -> String {
        var out = "twin \(twin)" + (title.isEmpty ? "" : " — \(title)") + "\n"
        out += "run: horizon \(settings.horizon.quantity.formatted), warm-up \(settings.warmup.quantity.formatted)"
            + (warmupShortened ? " (shortened to fit the horizon)" : "") + ", \(replicationsText), seed \(settings.seed)\n"
        for error in errors { out += "error: \(error)\n" }
        if let stopping { out += stoppingText(stopping) }
        return out
    }

    /// `5 replications`, or for a sequential run the range per scenario and the rule.
    private var replicationsText: String {
        let counts = scenarios.map(\.replications)
        guard let stopping, let low = counts.min(), let high = counts.max() else {
            return ReplicationCountText.of(settings.replications)
        }
        let range = low == high ? "\(low)" : "\(low)–\(high)"
        return "\(range) replications per scenario (auto: batches of \(stopping.stopping.batch) until every goal is "
            + "conclusive, at most \(stopping.stopping.maximum))"
    }

    /// Why a sequential run stopped, and the goals it left inconclusive with the
    /// precision they reached.
    private func stoppingText(_ stopping: StoppingRecord) -> String {
        var out: String
        switch stopping.reason {
        case .allConclusive: return ""
        case .maximumReached: out = "note: stopped at \(stopping.stopping.maximum) replications with goals still inconclusive:\n"
        case .budgetSpent: out = "note: the time budget ran out with goals still inconclusive (the replication count depends on this machine):\n"
        }
        for goal in stopping.open {
            let interval = IntervalText.of(goal.estimate)
            let bound = goal.bound.map { ", bound \($0.formatted)" } ?? ""
            out += "  \(goal.goalID) in \(goal.scenarioID): \(interval.isEmpty ? "no interval" : interval)\(bound) "
                + "after \(goal.replications) replications\n"
            if let requirement = goal.requirement { out += "    \(requirement)\n" }
        }
        return out
    }

    /// One row per goal, one column per scenario, then the goal's verdict over all of
    /// them; `—` where the scenario does not evaluate the goal.
    public func verdictMatrixText() -> String {
        let met = summary.filter { $0.verdict == .met }.count
        let notMet = summary.filter { $0.verdict == .notMet }.count
        let open = summary.filter { $0.verdict == .inconclusive }.count
        let unjudged = summary.filter { $0.verdict == .notEvaluated }.count
        let out = "verdicts: \(met) met, \(notMet) not met, \(open) inconclusive"
            + (unjudged > 0 ? ", \(unjudged) not evaluated" : "") + " (at 95 %)\n"
        guard !summary.isEmpty else { return out }
        var table = TextTable([("goal", .left), ("priority", .left)] + scenarios.map { ($0.id, .left) }
            + [("overall", .left)])
        for goal in summary {
            let cells = scenarios.map { scenario in
                scenario.goals.first { $0.goalID == goal.goalID }.map { $0.verdict == .notEvaluated ? "—" : $0.verdict.text } ?? "—"
            }
            table.add([goal.goalID, goal.priority.rawValue] + cells + [goal.verdict.text])
        }
        return out + table.render()
    }

    /// Every scenario's goal and device tables.
    public func detailsText() -> String {
        scenarios.map { "\n" + $0.text() }.joined()
    }
}

extension ScenarioReport {
    func text() -> String {
        var out = "scenario \(id) (\(kind.name))" + (description.isEmpty ? "" : ": \(description)") + "\n"
        if eventsAfterHorizon > 0 {
            out += "  note: \(eventsAfterHorizon) scenario event\(eventsAfterHorizon == 1 ? " is" : "s are") timed at or "
                + "after the horizon and did not happen\n"
        }
        if let simulatedUntil {
            out += "  simulated to \(simulatedUntil.quantity.formatted): its goals cannot change once its last event is "
                + "over, so the figures below cover 0–\(simulatedUntil.quantity.formatted) (`--whole-horizon` runs it to the horizon)\n"
        }
        if goals.isEmpty {
            out += "  no goals evaluated in this scenario\n"
        } else {
            var table = TextTable([("goal", .left), ("kpi", .left), ("target", .left), ("value", .right),
                                   ("95 % CI", .left), ("verdict", .left)])
            var notes: [String] = []
            for goal in goals {
                // A protection goal's value is the level reached (its residual CVSS score
                // is in the security section): "0" next to "level >= 2" read as level 0.
                let value = goal.securityLevelReached.map { "level \($0)" }
                    ?? goal.value.map { $0.quantity.formatted } ?? "—"
                let interval = goal.securityLevelReached == nil ? IntervalText.of(goal.value) : ""
                table.add([goal.goalID, goal.kpi.rawValue, goal.targetText, value, interval, goal.verdict.text])
                var parts: [String] = []
                if let loss = goal.limitingLoss {
                    parts.append(LossText.limiting(loss))
                } else if let device = goal.limitingDevice {
                    parts.append("limiting device `\(device)`")
                }
                if let note = goal.note { parts.append(note) }
                if !parts.isEmpty { notes.append("    \(goal.goalID): " + parts.joined(separator: "; ")) }
            }
            out += table.render() + notes.map { $0 + "\n" }.joined()
        }
        out += "\n" + trafficTable() + lossLines() + relayLines() + "\n" + energyTable()
        return out
    }

    /// Per device that lost packets or delivered them late: where and why, largest
    /// first; the packets add up to generated − on time.
    private func lossLines() -> String {
        let lines = devices.compactMap { device -> String? in
            let losses = device.losses
            guard !losses.isEmpty else { return nil }
            return "    \(device.id): " + losses.prefix(4).map(LossText.share).joined(separator: ", ")
                + (losses.count > 4 ? ", …" : "")
        }
        return lines.isEmpty ? "" : "  lost or late per replication, by hop and cause:\n" + lines.map { $0 + "\n" }.joined()
    }

    /// Per relayed device: the packets the gateway first received as the relay's copy
    /// (it missed the direct frame; `relayedDeliveries` counts the gateway's receipt, not
    /// the edge's on-time delivery) and the frames the relay sent for it. Nothing
    /// for a twin without relays, so its text is unchanged.
    private func relayLines() -> String {
        let lines = devices.compactMap { device -> String? in
            guard let relay = device.relay else { return nil }
            let forwarded = devices.first { $0.id == relay }?.framesRelayed ?? 0
            return "    \(device.id) via \(relay): \(significant(device.relayedDeliveries)) packets reached the gateway "
                + "through the relay after it missed the direct frame (\(relay) forwarded \(significant(forwarded)) frames "
                + "in all; whether they then reach the edge in time is in the traffic table)"
        }
        return lines.isEmpty ? "" : "  relayed per replication (IEEE 802.15.6 two-hop):\n" + lines.map { $0 + "\n" }.joined()
    }

    private func trafficTable() -> String {
        var table = TextTable([("device", .left), ("generated", .right), ("delivered", .right), ("95 % CI", .left),
                               ("on time", .right), ("dropped", .right), ("latency p50", .right), ("p95", .right),
                               ("p99", .right), ("max", .right)])
        for device in devices {
            let ratio = device.deliveryRatio
            table.add([
                device.id, significant(device.generated), ratio.map { $0.quantity.formatted } ?? "—",
                IntervalText.of(ratio),
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
                lifetime, IntervalText.of(device.lifetime),
            ])
        }
        return table.render()
    }
}
