import TwinParallel

/// The result of the exact search: the chosen items (sorted by name), their total cost,
/// and the closure of demands they cover with who needs each.
struct SelectionSolution: Sendable {
    var items: [SelectionItem]
    var cost: Double
    var demands: [DemandKey: DemandInfo]
    /// True when the node budget ran out before the search space was exhausted (the
    /// solution is then the best found, not proven minimal).
    var truncated: Bool

    var key: [String] { items.map(\.name).sorted() }
}

/// Exact minimum-cost selection (the definition is on `SelectionProblem`).
///
/// The problem splits into independent parts: connect each item with the demands it can
/// cover and the demands covering them makes it require, tie the items of one model
/// together (one item per model) and the items that could satisfy one method pin; the
/// connected parts that contain root demands share no item and no demand, so each is
/// solved on its own by `ComponentSearch` and the optimum is the union of the parts'
/// optima (costs add; the tie-break depends only on differing names, so it combines
/// too). Forcing one model into the plan (what-if pricing of rejected alternatives)
/// re-solves only the part that model belongs to.
struct ModelSearch: Sendable {
    let index: CoverIndex
    let nodeBudget: Int
    /// Root demands of each part and the items it may use.
    private(set) var parts: [(roots: [Int], items: Bitset, pins: [ComponentSearch.Pin])] = []
    private var partOfItem: [Int?] = []
    /// A method pin no item of the catalogue could ever satisfy.
    private(set) var unsatisfiablePin = false
    private var solved: [Int: (items: [Int], cost: Int, truncated: Bool)?] = [:]
    /// Nodes visited by every search so far (for tests and profiling).
    private(set) var nodesUsed = 0

    init(_ problem: SelectionProblem, nodeBudget: Int = 1_000_000) {
        index = CoverIndex(problem)
        self.nodeBudget = nodeBudget
        split()
    }

    static func solve(_ problem: SelectionProblem) -> SelectionSolution? {
        var search = ModelSearch(problem)
        return search.solve()
    }

    /// The optimum, or nil when no valid selection exists.
    mutating func solve() -> SelectionSolution? {
        guard !unsatisfiablePin else { return nil }
        solveConcurrently(parts.indices.filter { solved[$0] == nil })
        var chosen: [Int] = []
        var truncated = false
        for part in parts.indices {
            guard let result = solvedPart(part) else { return nil }
            chosen += result.items
            truncated = truncated || result.truncated
        }
        return solution(chosen, roots: index.rootDemands, truncated: truncated)
    }

    /// The optimum among selections that contain `model`, or nil when none is valid.
    /// Without `explained` the solution's `demands` are left empty (pricing only).
    mutating func solve(forcing model: String, explained: Bool = true) -> SelectionSolution? {
        guard !unsatisfiablePin, let modelNumber = index.modelNumbers[model],
              let pin = index.demandNumbers[.pin(model)] else { return nil }
        let forcedPart = index.itemsOfModel[modelNumber].first.flatMap { partOfItem[$0] }
        var chosen: [Int] = []
        var truncated = false
        for part in parts.indices where part != forcedPart {
            guard let result = solvedPart(part) else { return nil }
            chosen += result.items
            truncated = truncated || result.truncated
        }
        let base = forcedPart.map { parts[$0] }
        var allowed = base?.items ?? Bitset(capacity: index.items.count)
        for item in index.itemsOfModel[modelNumber] { allowed.insert(item) }
        var search = ComponentSearch(index: index, roots: (base?.roots ?? []) + [pin], pins: base?.pins ?? [],
                                     allowed: allowed, nodeBudget: nodeBudget)
        search.run()
        nodesUsed += search.nodes
        guard let forced = search.best else { return nil }
        return solution(chosen + forced.items, roots: index.rootDemands + [pin], truncated: truncated || search.truncated,
                        explained: explained)
    }

    private mutating func solvedPart(_ part: Int) -> (items: [Int], cost: Int, truncated: Bool)? {
        if let known = solved[part] { return known }
        solveConcurrently([part])
        return solved[part] ?? nil
    }

    /// Searches the `pending` parts at the same time. They share no item and no demand,
    /// so each answer is a function of its part alone, the same in any order or number of
    /// threads; the demo's parts were a seventh of `twinc compile` one after the other.
    /// Every part is searched even when one has no answer: the plan is then none, as
    /// before, but an infeasible intent may now spend a node budget on each part where
    /// the search in turn stopped at the first part without one.
    private mutating func solveConcurrently(_ pending: [Int]) {
        let index = self.index, parts = self.parts, nodeBudget = self.nodeBudget
        let answers = concurrentMap(pending) { part in
            var search = ComponentSearch(index: index, roots: parts[part].roots, pins: parts[part].pins,
                                         allowed: parts[part].items, nodeBudget: nodeBudget)
            search.run()
            return (best: search.best.map { (items: $0.items, cost: $0.cost, truncated: search.truncated) },
                    nodes: search.nodes)
        }
        for (part, answer) in zip(pending, answers) {
            solved[part] = .some(answer.best)
            nodesUsed += answer.nodes
        }
    }

    private func solution(_ chosen: [Int], roots: [Int], truncated: Bool, explained: Bool = true) -> SelectionSolution {
        let sorted = chosen.sorted()
        let infos = explained ? index.closure(of: sorted, roots: roots) : [:]
        let items = sorted.map { index.items[$0] }
        return SelectionSolution(
            items: items, cost: items.map(\.cost).reduce(0, +),
            demands: Dictionary(uniqueKeysWithValues: infos.map { (index.demands[$0.key], $0.value) }), truncated: truncated)
    }

    /// Finds the independent parts (union-find over demands and items).
    private mutating func split() {
        let demandCount = index.demands.count
        var parent = Array(0..<(demandCount + index.items.count))
        func find(_ node: Int) -> Int {
            var root = node
            while parent[root] != root { root = parent[root] }
            var walk = node
            while parent[walk] != root { (walk, parent[walk]) = (parent[walk], root) }
            return root
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for item in index.items.indices {
            for demand in index.coverLists[item] {
                union(demandCount + item, demand)
                for derived in index.derived(item, demand) { union(demandCount + item, derived.demand) }
            }
        }
        for items in index.itemsOfModel {
            for item in items.dropFirst() { union(demandCount + items[0], demandCount + item) }
        }
        var pinsByMember: [Int: [ComponentSearch.Pin]] = [:]
        for (application, methods) in index.problem.pinnedMethods.sorted(by: { $0.key < $1.key }) {
            let number = index.applicationNumbers[application] ?? 0
            for method in methods.sorted() {
                let able = index.items.indices.filter { item in
                    index.methodOfItem[item] == method && (index.pinnedByItem[item].contains(application)
                        || index.coverLists[item].contains { index.possibleApplications[$0].contains(number) })
                }
                guard let first = able.first else {
                    unsatisfiablePin = true
                    continue
                }
                for item in able { union(demandCount + first, demandCount + item) }
                pinsByMember[demandCount + first, default: []].append(ComponentSearch.Pin(
                    application: application, applicationNumber: number, method: method,
                    able: Bitset(capacity: index.items.count, able)))
            }
        }
        // Pins were filed under a member; re-file them under their final root.
        var pinsOfPart: [Int: [ComponentSearch.Pin]] = [:]
        for (member, pins) in pinsByMember { pinsOfPart[find(member), default: []] += pins }
        var rootsOfPart: [Int: [Int]] = [:]
        for root in index.rootDemands { rootsOfPart[find(root), default: []].append(root) }
        let order = rootsOfPart.keys.sorted()
        var numberOfRoot: [Int: Int] = [:]
        parts = order.map { representative in
            numberOfRoot[representative] = numberOfRoot.count
            let pins = (pinsOfPart[representative] ?? []).sorted { ($0.application, $0.method) < ($1.application, $1.method) }
            return (rootsOfPart[representative]!, Bitset(capacity: index.items.count), pins)
        }
        partOfItem = index.items.indices.map { numberOfRoot[find(demandCount + $0)] }
        for (item, part) in partOfItem.enumerated() {
            if let part { parts[part].items.insert(item) }
        }
    }
}
