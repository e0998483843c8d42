import TwinDiagnostics
import TwinSpec
import TwinUnits

/// TP009: a latency goal (or a delivery-ratio goal's deadline) and a lifetime goal on
/// the same device, each feasible alone, that no one configuration meets together.
///
/// The latency goal bounds the interval between the MAC's transmission opportunities
/// (802.15.6 allocation interval, BLE connection interval): packets at random phase
/// wait q·P at the goal's statistic, so P ≤ (target − the latency's fixed parts) / q
/// (`DeviceBudget.longestInterval`). When that is shorter than what the traffic's own
/// deadline allows, the lifetime bound is recomputed with it; if the lifetime goal then
/// fails, the two goals trade off. A warning, not an error: the twin evaluates the
/// trade-off and the intent's `objectives` order decides which goal the optimiser favours.
struct TradeOffCheck {
    let intent: Intent
    let network: ResolvedNetwork

    func run(_ budgets: [DeviceBudget], figures: inout [FeasibilityFigure], diagnostics: inout [Diagnostic]) {
        let latencies = intent.goals.compactMap(LatencyDemand.init)
        let lifetimes = intent.goals.compactMap { FloorDemand<TimeDimension>($0, kpi: .lifetime) }
        for lifetime in lifetimes {
            let lifetimeScope = Set(network.devices(in: lifetime.goal.scope))
            for latency in latencies {
                let shared = lifetimeScope.intersection(network.devices(in: latency.goal.scope))
                for budget in budgets where shared.contains(budget.id) {
                    check(latency, lifetime, budget, &figures, &diagnostics)
                }
            }
        }
    }

    private func check(_ latency: LatencyDemand, _ lifetime: FloorDemand<TimeDimension>, _ budget: DeviceBudget,
                       _ figures: inout [FeasibilityFigure], _ diagnostics: inout [Diagnostic]) {
        switch budget.air {
        case .narrowband?, .ble?: break
        default: return
        }
        let deadline = budget.device.traffic.latency
        guard let fastest = budget.minimumLatency(statistic: latency.statistic), latency.isMet(by: fastest.latency),
              let alone = budget.maximumLifetime(maximumInterval: deadline), lifetime.isMet(by: alone.lifetime),
              let interval = budget.longestInterval(for: latency.target, statistic: latency.statistic),
              interval < deadline else { return }
        let forced = Swift.max(interval, .milliseconds(1))
        guard let together = budget.maximumLifetime(maximumInterval: forced), !lifetime.isMet(by: together.lifetime) else {
            return
        }
        let opportunity = budget.air == .ble ? "connection interval" : "allocation interval"
        figures.append(FeasibilityFigure(
            kind: "lifetime", goal: lifetime.goal.id.value, subject: budget.id, bound: together.lifetime.quantity,
            target: lifetime.target.quantity, feasible: false,
            summary: "with `\(latency.goal.id.value)` (\(latency.wording)) the \(opportunity) of `\(budget.id)` is at most "
                + "\(forced.quantity.formatted), and it then lasts at most \(together.lifetime.quantity.formatted); "
                + "alone it could last \(alone.lifetime.quantity.formatted)"))
        diagnostics.append(.warning(
            SynthesisDiagnostics.tradeOff,
            "goals `\(latency.goal.id.value)` and `\(lifetime.goal.id.value)` trade off on `\(budget.id)`: the \(opportunity) "
                + "the latency goal allows (at most \(forced.quantity.formatted)) leaves at most "
                + "\(together.lifetime.quantity.formatted) of battery life, short of \(lifetime.wording)",
            at: lifetime.range,
            notes: [
                DiagnosticNote("`\(latency.goal.id.value)` asks \(latency.wording); packets at random phase wait up to the "
                    + "\(opportunity) times \(significant(AccessWait.quantile(latency.statistic))) at \(latency.statistic)",
                    at: latency.range),
                DiagnosticNote("alone, `\(budget.id)` could last \(alone.lifetime.quantity.formatted) with the "
                    + "\(opportunity) up to its traffic deadline \(deadline.quantity.formatted)"),
                DiagnosticNote("with the shorter interval the average current is at least \(together.bound.current.quantity.formatted)"),
                DiagnosticNote(budget.batteryNote),
            ]))
    }
}
