import TwinDiagnostics
import TwinSpec
import TwinUnits

/// TP009: a latency goal (or a delivery-ratio goal's deadline) and a lifetime goal on
/// the same device, each feasible alone, that no one configuration meets together.
///
/// The latency goal bounds the interval between the MAC's transmission opportunities
/// (802.15.6 allocation interval, BLE connection interval). The lifetime is priced with
/// the allocation the compiler gives the device for the latency goal's deadline
/// (`DeviceBudget.allocatedLifetime`: the sized scheduled allocation or BLE interval,
/// every packet as it comes), which is what the run starts from; failing that, with the
/// relaxed bound at P ≤ (target − the latency's fixed parts) / q
/// (`DeviceBudget.longestInterval`). If the lifetime goal then fails, the two goals
/// trade off. A warning, not an error: the twin evaluates the
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
              let alone = budget.maximumLifetime(maximumInterval: deadline), lifetime.isMet(by: alone.lifetime) else { return }
        let opportunity = budget.air == .ble ? "connection interval" : "allocation interval"
        // First the allocation the compiler gives the device for the latency goal's
        // deadline, priced as the run will (every packet as it comes); then the relaxed
        // bound on the interval alone.
        var limit: (lifetime: Time, current: Current, wording: String, bound: String)?
        if latency.target <= deadline, let allocated = budget.allocatedLifetime(deadline: latency.target),
           !lifetime.isMet(by: allocated.lifetime) {
            limit = (allocated.lifetime, allocated.bound.current, "the allocation the latency goal forces (\(allocated.allocation))",
                     "about")
        } else if let interval = budget.longestInterval(for: latency.target, statistic: latency.statistic), interval < deadline {
            let forced = Swift.max(interval, .milliseconds(1))
            if let together = budget.maximumLifetime(maximumInterval: forced), !lifetime.isMet(by: together.lifetime) {
                limit = (together.lifetime, together.bound.current,
                         "the \(opportunity) the latency goal allows (at most \(forced.quantity.formatted))", "at most")
            }
        }
        guard let limit else { return }
        figures.append(FeasibilityFigure(
            kind: "lifetime", goal: lifetime.goal.id.value, subject: budget.id, bound: limit.lifetime.quantity,
            target: lifetime.target.quantity, feasible: false,
            summary: "with `\(latency.goal.id.value)` (\(latency.wording)) and \(limit.wording), `\(budget.id)` lasts \(limit.bound) "
                + "\(limit.lifetime.quantity.formatted); alone it could last \(alone.lifetime.quantity.formatted)"))
        diagnostics.append(.warning(
            SynthesisDiagnostics.tradeOff,
            "goals `\(latency.goal.id.value)` and `\(lifetime.goal.id.value)` trade off on `\(budget.id)`: \(limit.wording) "
                + "leaves \(limit.bound) \(limit.lifetime.quantity.formatted) of battery life, short of \(lifetime.wording)",
            at: lifetime.range,
            notes: [
                DiagnosticNote("`\(latency.goal.id.value)` asks \(latency.wording); packets at random phase wait up to the "
                    + "\(opportunity) times \(significant(AccessWait.quantile(latency.statistic))) at \(latency.statistic)",
                    at: latency.range),
                DiagnosticNote("alone, `\(budget.id)` could last \(alone.lifetime.quantity.formatted) with the "
                    + "\(opportunity) up to its traffic deadline \(deadline.quantity.formatted)"),
                DiagnosticNote("with the latency goal the average current is at least \(limit.current.quantity.formatted)"),
                DiagnosticNote(budget.batteryNote),
            ]))
    }
}
