import TwinDiagnostics
import TwinSpec
import TwinUnits
import TwinVocabulary

/// Analytic bounds computed before anything runs. Each goal is checked on every device
/// in its scope against the best any allowed choice can do:
///
/// - TP005: a lifetime goal against the longest life the device's battery can give
///   (`DeviceBudget.maximumLifetime`, allocation interval at most the traffic deadline);
/// - TP006: a latency goal, or a delivery-ratio goal's `within`, against the shortest
///   latency the MAC allows at the goal's statistic (`DeviceBudget.minimumLatency`);
/// - TP010: a throughput goal against the link's capacity (`AirInterface.capacity`);
/// - TP011: a goal under `gateway-failure` against each device's backup gateway;
/// - TP014: every gateway a device of an edge-measured goal may use (primary and
///   backup) against the links: it must lead to an edge node, as the run forwards;
/// - TP009 (warning): a latency and a lifetime goal on the same device, each feasible
///   alone, when the interval the latency goal leaves costs the lifetime;
/// - TP007 and TP008: each gateway's air time per technology and its 802.15.6 nodes.
///
/// Every bound becomes a `FeasibilityFigure` in the plan; a failed one also becomes a
/// diagnostic at the goal's target (the gateway's id for TP007/TP008) whose notes give
/// the bound's inputs.
struct FeasibilityChecks {
    let intent: Intent
    let network: ResolvedNetwork
    let catalogue: SynthesisCatalogue

    func run(diagnostics: inout [Diagnostic]) -> [FeasibilityFigure] {
        let budgets = network.devices.map { DeviceBudget($0, useCase: network.useCase, catalogue: catalogue) }
        var figures: [FeasibilityFigure] = []
        for goal in intent.goals {
            let scoped = Set(network.devices(in: goal.scope))
            let inScope = budgets.filter { scoped.contains($0.id) }
            if let lifetime = FloorDemand<TimeDimension>(goal, kpi: .lifetime) {
                for budget in inScope { checkLifetime(lifetime, budget, &figures, &diagnostics) }
            }
            if let latency = LatencyDemand(goal) {
                for budget in inScope { checkLatency(latency, budget, &figures, &diagnostics) }
            }
            if let throughput = FloorDemand<DataRateDimension>(goal, kpi: .throughput) {
                for budget in inScope { checkThroughput(throughput, budget, &figures, &diagnostics) }
            }
            if let fault = goal.faults.first(where: { $0.value == .gatewayFailure }) {
                for budget in inScope { checkBackup(goal, fault, budget, &diagnostics) }
            }
        }
        diagnostics += gatewaysWithoutEdge()
        TradeOffCheck(intent: intent, network: network).run(budgets, figures: &figures, diagnostics: &diagnostics)
        figures += HubChecks(useCase: network.useCase, intent: intent, network: network).run(budgets, diagnostics: &diagnostics)
        return figures
    }

    // MARK: - TP005

    private func checkLifetime(_ demand: FloorDemand<TimeDimension>, _ budget: DeviceBudget,
                               _ figures: inout [FeasibilityFigure], _ diagnostics: inout [Diagnostic]) {
        guard let best = budget.maximumLifetime(maximumInterval: budget.device.traffic.latency) else { return }
        let feasible = demand.isMet(by: best.lifetime)
        figures.append(FeasibilityFigure(
            kind: "lifetime", goal: demand.goal.id.value, subject: budget.id, bound: best.lifetime.quantity,
            target: demand.target.quantity, feasible: feasible,
            summary: "`\(budget.id)` lasts at most \(best.lifetime.quantity.formatted) (average current at least "
                + "\(best.bound.current.quantity.formatted)); the goal needs \(demand.wording)"))
        guard !feasible else { return }
        diagnostics.append(.error(
            SynthesisDiagnostics.lifetimeInfeasible,
            "goal `\(demand.goal.id.value)` needs `\(budget.id)` to last \(demand.wording), but no allowed choice gives it more than "
                + "\(best.lifetime.quantity.formatted)",
            at: demand.range,
            notes: (["lowest average current \(best.bound.current.quantity.formatted)", budget.batteryNote]
                + best.bound.notes).map { DiagnosticNote($0) }))
    }

    // MARK: - TP006

    private func checkLatency(_ demand: LatencyDemand, _ budget: DeviceBudget,
                              _ figures: inout [FeasibilityFigure], _ diagnostics: inout [Diagnostic]) {
        guard let bound = budget.minimumLatency(statistic: demand.statistic) else { return }
        let feasible = demand.isMet(by: bound.latency)
        figures.append(FeasibilityFigure(
            kind: "latency", goal: demand.goal.id.value, subject: budget.id, bound: bound.latency.quantity,
            target: demand.target.quantity, feasible: feasible,
            summary: "`\(budget.id)` needs at least \(bound.latency.quantity.formatted) at \(demand.statistic) to reach the edge; "
                + "the goal asks \(demand.wording)"))
        guard !feasible else { return }
        let what = demand.goal.kpi.value == .deliveryRatio
            ? "too few packets of `\(budget.id)` can arrive in time: its \(demand.statistic) latency is at least "
            : "the \(demand.statistic) latency of `\(budget.id)` is at least "
        diagnostics.append(.error(
            SynthesisDiagnostics.latencyInfeasible,
            "goal `\(demand.goal.id.value)` asks \(demand.wording), but \(what)\(bound.latency.quantity.formatted)",
            at: demand.range, notes: bound.notes.map { DiagnosticNote($0) }))
    }

    // MARK: - TP010

    private func checkThroughput(_ demand: FloorDemand<DataRateDimension>, _ budget: DeviceBudget,
                                 _ figures: inout [FeasibilityFigure], _ diagnostics: inout [Diagnostic]) {
        guard let air = budget.air else { return }
        let capacity = air.capacity
        let feasible = demand.isMet(by: capacity)
        let exchange = air.exchange(payloadBytes: air.maximumPayloadBytes)
        figures.append(FeasibilityFigure(
            kind: "throughput", goal: demand.goal.id.value, subject: budget.id, bound: capacity.quantity,
            target: demand.target.quantity, feasible: feasible,
            summary: "`\(budget.id)` can carry at most \(capacity.quantity.formatted) on \(air.name); the goal needs \(demand.wording)"))
        guard !feasible else { return }
        diagnostics.append(.error(
            SynthesisDiagnostics.throughputInfeasible,
            "goal `\(demand.goal.id.value)` needs \(demand.wording) from `\(budget.id)`, but its link carries at most "
                + "\(capacity.quantity.formatted)",
            at: demand.range,
            notes: [DiagnosticNote("\(air.name): \(air.maximumPayloadBytes) B per frame exchange of \(exchange.quantity.formatted) "
                + "(data, inter-frame space, acknowledgement)")]))
    }

    // MARK: - TP014

    /// Gateways that devices of a goal measured at the edge may use but whose first link
    /// (the one the runtime forwards over, `GatewayUplink`) does not reach an edge node:
    /// one error per gateway, at the first device reference to it.
    private func gatewaysWithoutEdge() -> [Diagnostic] {
        let measuredAtEdge: Set<KPI> = [.deliveryRatio, .latency, .throughput, .availability, .recoveryTime]
        let useCase = network.useCase.network
        let edges = Set(useCase.edge.map(\.id.value))
        var inScope = Set<String>()
        for goal in intent.goals where measuredAtEdge.contains(goal.kpi.value) {
            inScope.formUnion(network.devices(in: goal.scope))
        }
        var references: [(gateway: String, device: String, role: String, range: SourceRange)] = []
        for device in useCase.devices where inScope.contains(device.id.value) {
            let assignment = device.gateway
            references.append((assignment.primary.value, device.id.value, "primary", assignment.primary.range))
            if let backup = assignment.backup { references.append((backup.value, device.id.value, "backup", backup.range)) }
        }
        var diagnostics: [Diagnostic] = []
        for gateway in useCase.gateways {
            let id = gateway.id.value
            let uses = references.filter { $0.gateway == id }
            guard let first = uses.first else { continue }
            let link = useCase.links.first { $0.from.value == id }
            if let link, edges.contains(link.to.value) { continue }
            let problem = link.map { "its first link `\($0.id.value)` leads to `\($0.to.value)`, not to an edge node" }
                ?? "no link leaves it"
            let devices = uses.map { "`\($0.device)` (\($0.role))" }.removingRepeats()
            diagnostics.append(.error(
                SynthesisDiagnostics.noPathToEdge,
                "gateway `\(id)` has no path to the edge, where goals measure `\(first.device)`'s packets: \(problem)",
                at: first.range,
                notes: [DiagnosticNote("gateway `\(id)` is declared here", at: gateway.id.range),
                        DiagnosticNote("devices that may use it: \(devices.joined(separator: ", "))"),
                        DiagnosticNote("edge nodes: \(edges.sorted().map { "`\($0)`" }.joined(separator: ", "))")]))
        }
        return diagnostics
    }

    // MARK: - TP011

    private func checkBackup(_ goal: Goal, _ fault: Located<Fault>, _ budget: DeviceBudget, _ diagnostics: inout [Diagnostic]) {
        let assignment = budget.device.device.gateway
        let technology = budget.device.technology
        let problem: String
        if let backup = assignment.backup {
            guard let gateway = network.useCase.network.gateways.first(where: { $0.id.value == backup.value }),
                  !gateway.technologies.contains(where: { $0.value == technology }) else { return }
            problem = "its backup gateway `\(backup.value)` offers \(gateway.technologies.map(\.value.rawValue).joined(separator: ", ")), "
                + "not \(technology.rawValue)"
        } else {
            problem = "it has no backup gateway"
        }
        diagnostics.append(.error(
            SynthesisDiagnostics.noBackupGateway,
            "goal `\(goal.id.value)` must survive `gateway-failure`, but `\(budget.id)` can never recover: \(problem)",
            at: fault.range,
            notes: [DiagnosticNote("`\(budget.id)` uses \(technology.rawValue) through primary gateway `\(assignment.primary.value)`")]))
    }
}
