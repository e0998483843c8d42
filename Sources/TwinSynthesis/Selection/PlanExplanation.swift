import TwinParallel
import TwinSpec

/// Turns the search's solution into the plan's explained choices: each chosen model
/// with the capabilities, devices, goals and applications it serves and why its method;
/// each catalogue model and method not chosen with the reason.
struct PlanExplanation {
    let problem: SelectionProblem
    let solution: SelectionSolution
    /// The search that found `solution`: pricing a rejected model re-solves only the
    /// independent part it belongs to.
    let search: ModelSearch
    let catalogue: SynthesisCatalogue
    let intent: Intent

    func plannedModels() -> [PlannedModel] {
        // The closure's unpinned demands by capability, so each item looks only at the
        // demands for what it provides (filtering the whole closure per item showed in
        // compile profiles). Every use of `covered` below is order-free.
        var byCapability: [String: [(key: DemandKey, info: DemandInfo)]] = [:]
        for (key, info) in solution.demands where key.pinnedModel == nil {
            byCapability[key.capability, default: []].append((key, info))
        }
        return solution.items.map { item in
            let covered = item.provides.flatMap { byCapability[$0] ?? [] }.filter { problem.covers(item, $0.key) }
            let capabilities = Set(covered.map(\.key.capability)).sorted()
            // A pinned model also serves the links of its applications' scope where it is
            // valid (its `requires` are demanded there).
            let scope = item.pinnedBy.flatMap { problem.scopeLinks[$0] ?? [] }.filter { problem.isValid(item, on: $0) }
            let coveredDevices = Set(covered.map(\.key.link.device))
            let devices = coveredDevices.union(scope.map(\.device)).sorted()
            let goals = orderedGoals(Set(covered.flatMap(\.info.goals)))
            let applications = Set(covered.flatMap(\.info.applications)).union(item.pinnedBy).sorted()
            let critical = goals.filter { id in intent.goals.first { $0.id.value == id }?.priority.value == .critical }
            var why = item.pinnedBy.isEmpty ? "" : "Pinned by the use case under \(item.pinnedBy.sorted().joined(separator: ", ")). "
            if capabilities.isEmpty {
                why += "Serves \(devices.joined(separator: ", ")) for the pinning application; no goal needs its "
                    + "\(item.model.providedCapabilities.joined(separator: ", ")) here."
            } else {
                why += "Provides \(capabilities.joined(separator: ", ")) for \(coveredDevices.sorted().joined(separator: ", "))"
                why += goals.isEmpty ? " (needed by the applications themselves)." : " (goals \(goals.joined(separator: ", ")))."
                let alsoServed = devices.filter { !coveredDevices.contains($0) }
                if !alsoServed.isEmpty { why += " As a pin it also serves \(alsoServed.joined(separator: ", "))." }
            }
            if covered.contains(where: { $0.key.fidelity == .packet }) {
                let reason = critical.isEmpty ? "a critical goal's dependency" : "critical goal \(critical.joined(separator: ", "))"
                why += " Represented by \(item.methodID) because \(reason) needs packet-level fidelity."
            } else {
                why += " Represented by \(item.methodID), the cheapest method for a \(item.model.modelFamily?.rawValue ?? "") model at "
                    + "\(item.fidelity.rawValue) fidelity (cost \(format(item.method.costValue)))."
            }
            return PlannedModel(
                id: item.modelID, title: item.model.title?.value ?? item.modelID,
                family: item.model.modelFamily ?? .channel, method: item.methodID,
                representation: item.method.representation ?? .analytic, fidelity: item.fidelity,
                applications: applications, goals: goals, devices: devices, capabilities: capabilities,
                pinned: !item.pinnedBy.isEmpty, cost: item.cost, source: item.model.source?.value ?? "", rationale: why)
        }
    }

    /// How many rejected models are priced by a forced re-solve. Each re-solve searches
    /// the model's part of the problem, whose size grows with the catalogue, so pricing
    /// every alternative made compile time quadratic in catalogue size (1,000 entries:
    /// 28 s). The cheapest alternatives are priced (they are the ones a reader weighs
    /// against the choice); the rest say they were not.
    static let pricedAlternatives = 64

    /// Why each unchosen model and method was left out. A model that could have served
    /// is priced by re-solving with it forced in (the `pricedAlternatives` cheapest):
    /// the difference is the reason.
    func rejected() -> [RejectedAlternative] {
        let chosenModels = Set(solution.items.map(\.modelID))
        let demanded = Set(solution.demands.keys.map(\.capability))
        let links = problem.links.values.sorted { $0.key < $1.key }
        let priced = Set(catalogue.models
            .filter { model in
                !chosenModels.contains(model.id.value) && model.providedCapabilities.contains(where: demanded.contains)
                    && links.contains(where: { model.isValid(on: $0) })
            }
            .sorted { ($0.costValue, $0.id.value) < ($1.costValue, $1.id.value) }
            .prefix(Self.pricedAlternatives).map(\.id.value))
        let prices = Self.forcedSolves(of: catalogue.models.map(\.id.value).filter(priced.contains), in: search)
        var result: [RejectedAlternative] = []
        for model in catalogue.models where !chosenModels.contains(model.id.value) {
            let useful = model.providedCapabilities.filter(demanded.contains)
            let reason: String
            if useful.isEmpty {
                reason = "provides \(model.providedCapabilities.joined(separator: ", ")); nothing this intent needs"
            } else if !links.contains(where: { model.isValid(on: $0) }) {
                let problems = Set(links.compactMap { model.validityProblem(on: $0) }).sorted()
                reason = "not valid for any link of this network (\(problems.prefix(2).joined(separator: "; ")))"
            } else if !priced.contains(model.id.value) {
                let validOn = links.filter { model.isValid(on: $0) }.count
                reason = "could provide \(useful.joined(separator: ", ")) (valid on \(validOn) of \(links.count) links) at cost "
                    + "\(format(model.costValue)); not re-priced: only the \(Self.pricedAlternatives) cheapest alternatives are"
            } else {
                if let alternative = prices[model.id.value] ?? nil {
                    let validOn = links.filter { model.isValid(on: $0) }.count
                    reason = "could provide \(useful.joined(separator: ", ")) (valid on \(validOn) of \(links.count) links), but the "
                        + "cheapest plan using it costs \(format(alternative.cost)) against \(format(solution.cost))"
                } else {
                    reason = "could provide \(useful.joined(separator: ", ")), but no complete plan includes it at the fidelity "
                        + "the goals need (\(model.fidelityLevels.map(\.rawValue).sorted().joined(separator: "/")) only)"
                }
            }
            result.append(RejectedAlternative(id: model.id.value, kind: .model, reason: reason))
        }
        let usedMethods = Set(solution.items.map(\.methodID))
        for method in catalogue.methods where !usedMethods.contains(method.id.value) {
            let families = method.methodFamilies ?? []
            let representable = solution.items.filter { ProblemBuilder.fidelity(of: $0.model, with: method) != nil }
            let reason: String
            if representable.isEmpty {
                reason = "represents \(families.map(\.rawValue).joined(separator: ", ")); none of the chosen models"
            } else {
                reason = "could represent \(representable.map(\.modelID).joined(separator: ", ")), but a cheaper method or the "
                    + "required fidelity won for each (cost \(format(method.costValue)), "
                    + "\(method.fidelityLevels.map(\.rawValue).sorted().joined(separator: "/")))"
            }
            result.append(RejectedAlternative(id: method.id.value, kind: .method, reason: reason))
        }
        return result
    }

    /// The cheapest plan containing each of `models`, worked out concurrently: each
    /// forced solve is a function of the model and the search's solved parts alone
    /// (they are all solved by then), so the answers do not depend on the order or the
    /// number of threads. Pricing was an eighth of `twinc compile` on one core.
    static func forcedSolves(of models: [String], in search: ModelSearch) -> [String: SelectionSolution?] {
        let answers = concurrentMap(models) { model in
            var worker = search
            return worker.solve(forcing: model, explained: false)
        }
        return Dictionary(uniqueKeysWithValues: zip(models, answers))
    }

    private func orderedGoals(_ ids: Set<String>) -> [String] {
        intent.goals.map(\.id.value).filter(ids.contains)
    }
}

/// Numbers in rationale text: up to three decimals, no trailing zeros.
func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    let rounded = (value * 1000).rounded() / 1000
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}
