/// The result of the exact search: the chosen items, their total cost, and the closure
/// of demands they cover.
struct SelectionSolution: Sendable {
    var items: [SelectionItem]
    var cost: Double
    var demands: [DemandKey: DemandInfo]
    /// True when the node budget ran out before the search space was exhausted (the
    /// solution is then the best found, not proven minimal).
    var truncated: Bool

    var key: [String] { items.map(\.name).sorted() }
}

/// Depth-first branch and bound over item sets. At each node it computes the closure of
/// the chosen items' demands, picks the uncovered demand with the fewest candidates
/// (ties: demand order) and branches over the items that cover it, cheapest first.
/// Complete because every uncovered demand must be covered by some item of any
/// solution extending the node; exact because a node is cut only when its cost plus an
/// admissible lower bound (the dearest of the cheapest covers of its uncovered demands)
/// exceeds the best solution found. Equal-cost solutions are ordered by their sorted
/// item names, so the answer never depends on hash order.
struct ModelSearch {
    static let epsilon = 1e-9
    let problem: SelectionProblem
    var nodeBudget = 400_000
    private var nodes = 0
    private var visited = Set<[String]>()
    private(set) var best: SelectionSolution?

    init(_ problem: SelectionProblem) { self.problem = problem }

    static func solve(_ problem: SelectionProblem) -> SelectionSolution? {
        var search = ModelSearch(problem)
        search.run(chosen: [], cost: 0)
        if search.nodes >= search.nodeBudget { search.best?.truncated = true }
        return search.best
    }

    private mutating func run(chosen: [SelectionItem], cost: Double) {
        guard nodes < nodeBudget else { return }
        nodes += 1
        let key = chosen.map(\.name).sorted()
        guard visited.insert(key).inserted else { return }
        let demands = problem.closure(chosen)
        let chosenModels = Set(chosen.map(\.modelID))
        var branch: (key: DemandKey, items: [SelectionItem])?
        var lowerBound = 0.0
        for (demand, info) in demands.sorted(by: { $0.key < $1.key })
        where !chosen.contains(where: { problem.covers($0, demand, info) }) {
            let options = problem.candidates(demand, info).filter { !chosenModels.contains($0.modelID) }
            guard let cheapest = options.map(\.cost).min() else { return }  // dead end
            lowerBound = max(lowerBound, cheapest)
            if branch == nil || options.count < branch!.items.count { branch = (demand, options) }
        }
        guard let branch else {
            consider(chosen, cost: cost, demands: demands)
            return
        }
        if let best, cost + lowerBound > best.cost + Self.epsilon { return }
        let ordered = branch.items.sorted { ($0.cost, $0.name) < ($1.cost, $1.name) }
        for item in ordered {
            if let best, cost + item.cost > best.cost + Self.epsilon { continue }
            run(chosen: chosen + [item], cost: cost + item.cost)
        }
    }

    /// A complete cover: keep it when it satisfies the method pins and beats the best.
    private mutating func consider(_ chosen: [SelectionItem], cost: Double, demands: [DemandKey: DemandInfo]) {
        guard methodPinsHold(chosen, demands) else { return }
        let candidate = SelectionSolution(items: chosen.sorted { $0.name < $1.name }, cost: cost, demands: demands,
                                          truncated: false)
        if let best {
            if cost > best.cost + Self.epsilon { return }
            if abs(cost - best.cost) <= Self.epsilon, !candidate.key.lexicographicallyPrecedes(best.key) { return }
        }
        best = candidate
    }

    /// Every method an application pins is used by a model serving that application.
    private func methodPinsHold(_ chosen: [SelectionItem], _ demands: [DemandKey: DemandInfo]) -> Bool {
        for (application, methods) in problem.pinnedMethods {
            let serving = chosen.filter { item in
                item.pinnedBy.contains(application)
                    || demands.contains { $0.value.applications.contains(application) && problem.covers(item, $0.key, $0.value) }
            }
            for method in methods where !serving.contains(where: { $0.methodID == method }) { return false }
        }
        return true
    }
}
