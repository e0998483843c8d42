import TwinDiagnostics
import TwinSpec
import TwinUnits

/// The synthesis stage: from a checked intent, its use case and the merged catalogue,
/// choose the applications that evaluate the goals, the models each needs (valid for
/// the devices in scope, at the fidelity the goals' priorities require, `requires`
/// resolved transitively) and a representation method per model, at exact minimum
/// total cost (ties broken by the sorted item names, see `SelectionProblem`); honour or
/// reject the use case's pins; and check feasibility with analytic bounds before
/// anything runs (`FeasibilityChecks`; their figures go into the plan).
///
/// A plain function of its inputs: same inputs, same plan. Every problem found is
/// returned; the plan is withheld when any is an error.
public func synthesise(intent: Intent, useCase: UseCase, catalogue: SynthesisCatalogue) -> SynthesisResult {
    let selection = Selection(intent: intent, useCase: useCase, catalogue: catalogue)
    var diagnostics = selection.diagnostics
    let feasibility = FeasibilityChecks(intent: intent, network: selection.network, catalogue: catalogue)
    let figures = feasibility.run(diagnostics: &diagnostics)
    let applications = selection.applications
    let network = selection.network
    guard let solution = selection.solution else {
        diagnostics.append(.error(
            SynthesisDiagnostics.noValidModel,
            "no combination of catalogue models covers what intent `\(intent.name.value)` needs",
            at: intent.name.range,
            notes: [DiagnosticNote("a model's `requires` or a method pin cannot be satisfied on some link")]))
        return SynthesisResult(plan: nil, diagnostics: diagnostics)
    }
    // The plan is withheld after any error; do not spend time explaining it.
    guard !diagnostics.hasErrors else { return SynthesisResult(plan: nil, diagnostics: diagnostics) }
    let problem = selection.problem
    let explanation = PlanExplanation(problem: problem, solution: solution, search: selection.search, catalogue: catalogue,
                                      intent: intent)
    let plannedApplications = applications.chosen.map { chosen in
        let kpis = chosen.goals.compactMap { id in intent.goals.first { $0.id.value == id }?.kpi.value }
        var why = chosen.requestedByUseCase ? "Requested by the use case" : "Not listed by the use case, but needed"
        why += chosen.goals.isEmpty ? "; no goal needs it, so it watches every device at the lowest cost."
            : "; evaluates \(chosen.goals.joined(separator: ", ")) (\(Set(kpis.map(\.rawValue)).sorted().joined(separator: ", ")))."
        return PlannedApplication(
            id: chosen.entry.id.value, kind: chosen.entry.applicationKind ?? .networkView,
            title: chosen.entry.title?.value ?? chosen.entry.id.value, goals: chosen.goals,
            kpis: kpis.removingRepeats(),
            requestedByUseCase: chosen.requestedByUseCase, cost: chosen.entry.costValue, rationale: why)
    }
    let monitors = intent.goals.compactMap { goal -> KPIMonitor? in
        guard let application = applications.assignment[goal.id.value] else { return nil }
        return KPIMonitor(goal: goal.id.value, kpi: goal.kpi.value, application: application,
                          devices: network.devices(in: goal.scope), threshold: goal.target?.value,
                          priority: goal.priority.value)
    }
    let flows = FlowRepresentationChoice(intent: intent, network: network, monitors: monitors)
        .choose(diagnostics: &diagnostics)
    guard !diagnostics.hasErrors else { return SynthesisResult(plan: nil, diagnostics: diagnostics) }
    var plan = TwinPlan(
        intent: intent.name.value, useCase: useCase.name.value, applications: plannedApplications,
        models: explanation.plannedModels(), rejected: explanation.rejected(), monitors: monitors, bounds: figures,
        totalCost: selection.totalCost ?? solution.cost, exact: !solution.truncated, network: network)
    plan.flows = flows
    return SynthesisResult(plan: plan, diagnostics: diagnostics)
}

/// The selection half of synthesis: applications, the problem with its pins checked, and
/// the exact search's solution (nil when no valid selection exists). What `synthesise`
/// builds the plan from, and what tests reach for to check the search on real inputs.
struct Selection {
    var network: ResolvedNetwork
    var applications: ApplicationChoice
    var problem: SelectionProblem
    var search: ModelSearch
    var solution: SelectionSolution?
    /// The applications' and pins' diagnostics (TP001-TP004).
    var diagnostics: [Diagnostic] = []

    init(intent: Intent, useCase: UseCase, catalogue: SynthesisCatalogue) {
        network = ResolvedNetwork(useCase, catalogue: catalogue)
        applications = ApplicationChoice.choose(intent: intent, useCase: useCase, catalogue: catalogue,
                                                diagnostics: &diagnostics)
        let builder = ProblemBuilder(intent: intent, useCase: useCase, network: network, catalogue: catalogue,
                                     applications: applications)
        problem = builder.build(diagnostics: &diagnostics)
        search = ModelSearch(problem)
        solution = search.solve()
    }

    /// The plan's total cost: the chosen applications' plus the solution's models and
    /// methods (nil without a solution).
    var totalCost: Double? {
        solution.map { $0.cost + applications.chosen.map(\.entry.costValue).reduce(0, +) }
    }
}
