/// Exact depth-first branch and bound over one independent part of the selection problem
/// (see `ModelSearch` for how the parts are found).
///
/// A node is a chosen item set with its closure (kept incrementally: choosing an item
/// only ever adds demands) and the items still allowed. It branches on the uncovered
/// demand with the fewest allowed candidates, over those candidates cheapest first; the
/// k-th branch excludes the first k-1 candidates, so the branches partition the
/// solutions and no set is visited twice. Complete because every solution extending a
/// node contains a candidate of each uncovered demand; exact because a node is cut only
/// when its cost plus an admissible lower bound exceeds the best solution found.
///
/// The bound is a greedy dual of the set-cover LP: each uncovered demand in turn is
/// priced at the least residual cost of its candidates, which is then charged to all of
/// them. The prices sum to at most the cost of any cover (each item pays at most its
/// cost over the demands it covers), so the bound is admissible; it is far stronger than
/// the dearest single cheapest cover when many demands share no candidate.
///
/// Items that `CoverTables` found ruled out by a present demand leave the allowed set at
/// each node, so dead ends show in the bound rather than branch by branch.
///
/// A method pin no chosen item could satisfy counts in the bound like one more demand
/// (its candidates: the items that could ever satisfy it) and may be branched on first.
/// Pins are checked exactly on complete covers; an unmet pin there branches over the
/// unchosen items with the pinned method that serve its application through a demand
/// already present.
struct ComponentSearch {
    let index: CoverIndex
    let roots: [Int]
    /// A method pin: `method` must be used by an item serving `application`.
    struct Pin: Sendable {
        var application: String
        var applicationNumber: Int
        var method: String
        /// Items that could ever satisfy it: the pinned method, pinned by the application
        /// or covering a demand that may carry it.
        var able: Bitset
    }
    /// The pins this part must satisfy, sorted.
    let pins: [Pin]
    let allowed: Bitset
    let nodeBudget: Int
    private(set) var nodes = 0
    private(set) var best: (items: [Int], cost: Int)?

    var truncated: Bool { nodes > nodeBudget }

    /// Items some demand can rule out (most cannot).
    private let blockable: [Int]

    init(index: CoverIndex, roots: [Int], pins: [Pin], allowed: Bitset, nodeBudget: Int) {
        self.index = index
        blockable = index.items.indices.filter { index.blockedBy[$0] != nil && allowed.contains($0) }
        self.roots = roots
        self.pins = pins
        self.allowed = allowed
        self.nodeBudget = nodeBudget
    }

    struct Node {
        var present: Bitset
        var covered: Bitset
        var chosen: [Int]
        var available: Bitset
        var cost: Int
    }

    mutating func run() {
        let root = Node(present: Bitset(capacity: index.demands.count, roots), covered: Bitset(capacity: index.demands.count),
                        chosen: [], available: allowed, cost: 0)
        explore(root)
    }

    /// Chooses `item` in `node`: its model's other items leave the allowed set, and its
    /// requirements on the demands it covers (and theirs, transitively) join the closure.
    func choose(_ item: Int, in node: inout Node) {
        node.chosen.append(item)
        node.cost += index.costs[item]
        let coverSets = index.coverSets
        node.covered.formUnion(coverSets[item])
        for sibling in index.itemsOfModel[index.modelOfItem[item]] { node.available.remove(sibling) }
        var work = index.coverLists[item].filter(node.present.contains).map { (item, $0) }
        while let (source, demand) = work.popLast() {
            for derived in index.derived(source, demand) where !node.present.contains(derived.demand) {
                node.present.insert(derived.demand)
                for other in node.chosen where coverSets[other].contains(derived.demand) {
                    work.append((other, derived.demand))
                }
            }
        }
    }

    private mutating func explore(_ node: Node) {
        nodes += 1
        guard nodes <= nodeBudget else { return }
        var uncovered = node.present
        uncovered.subtract(node.covered)
        if uncovered.isEmpty {
            completeCover(node)
            return
        }
        // Items ruled out by a demand already present can never be chosen below here.
        var node = node
        for item in blockable where node.available.contains(item) && index.blockedBy[item]!.intersects(node.present) {
            node.available.remove(item)
        }
        let candidates = index.candidates
        let available = node.available
        var residual = index.costs
        var bound = 0
        var branch = (demand: -1, count: Int.max)
        for demand in uncovered.members {
            var price = Int.max
            var count = 0
            for candidate in candidates[demand] where available.contains(candidate) {
                count += 1
                price = min(price, residual[candidate])
            }
            guard count > 0 else { return }
            bound += price
            for candidate in candidates[demand] where available.contains(candidate) { residual[candidate] -= price }
            if count < branch.count { branch = (demand, count) }
        }
        // An unmet method pin needs one more item from its able set: price it like a demand.
        var pinBranch: [Int]?
        for pin in pins where !node.chosen.contains(where: pin.able.contains) {
            var price = Int.max
            var options: [Int] = []
            for item in pin.able.members where available.contains(item) {
                options.append(item)
                price = min(price, residual[item])
            }
            guard !options.isEmpty else { return }
            bound += price
            for item in options { residual[item] -= price }
            if options.count < branch.count {
                branch = (-1, options.count)
                pinBranch = options.sorted { (index.costs[$0], $0) < (index.costs[$1], $1) }
            }
        }
        if let best, node.cost + bound > best.cost { return }
        branchOver(pinBranch ?? candidates[branch.demand].filter(available.contains), from: node)
    }

    /// One branch per candidate (cheapest first), each excluding the ones before it.
    private mutating func branchOver(_ candidates: [Int], from node: Node) {
        var available = node.available
        for candidate in candidates {
            if let best, node.cost + index.costs[candidate] > best.cost { break }
            var child = node
            child.available = available
            choose(candidate, in: &child)
            explore(child)
            available.remove(candidate)
            guard nodes <= nodeBudget else { return }
        }
    }

    /// A node whose closure is covered: a solution when the method pins hold, else a
    /// branch over the items that could satisfy the first unmet pin.
    private mutating func completeCover(_ node: Node) {
        let methods = index.methodOfItem, pinnedBy = index.pinnedByItem
        let pinnedAlone = pins.allSatisfy { pin in
            node.chosen.contains { methods[$0] == pin.method && pinnedBy[$0].contains(pin.application) }
        }
        if !pinnedAlone {
            let masks = index.applicationMasks(of: node.chosen, roots: roots)
            let coverLists = index.coverLists
            func serves(_ item: Int, _ pin: Pin) -> Bool {
                methods[item] == pin.method && (pinnedBy[item].contains(pin.application)
                    || coverLists[item].contains { masks[$0].contains(pin.applicationNumber) })
            }
            for pin in pins where !node.chosen.contains(where: { serves($0, pin) }) {
                let costs = index.costs
                let options = node.available.members.filter { serves($0, pin) }.sorted { (costs[$0], $0) < (costs[$1], $1) }
                branchOver(options, from: node)
                return
            }
        }
        let key = node.chosen.sorted()
        if let best {
            if node.cost > best.cost { return }
            if node.cost == best.cost, !Self.precedes(key, best.items) { return }
        }
        best = (key, node.cost)
    }

    /// The tie-break on item numbers (= name order): the first differing item decides,
    /// and a list that ends first ranks after the longer one. Unlike plain
    /// lexicographic order this depends only on the symmetric difference, so the best
    /// of independent parts combine into the best of the whole.
    static func precedes(_ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count > b.count
    }

    /// The same order on sorted item names.
    static func precedesByName(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count > b.count
    }
}
