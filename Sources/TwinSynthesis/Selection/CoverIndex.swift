import TwinSpec

/// The selection problem numbered for the search: every demand any choice could ever
/// create (the root plus everything reachable through `requires`, and a pin demand per
/// model so any model can be forced in), the items sorted by name, which demands each
/// item covers as a bitset, and what covering each demand makes the item require.
/// Built once per problem; every node of the search then works on integers.
struct CoverIndex: Sendable {
    let problem: SelectionProblem
    /// Every reachable demand, numbered so that demands with fewer candidates come first
    /// (the order the search bounds and branches in); ties by key.
    private(set) var demands: [DemandKey] = []
    private(set) var demandNumbers: [DemandKey: Int] = [:]
    private(set) var rootDemands: [Int] = []
    /// Items sorted by name: index order is name order.
    let items: [SelectionItem]
    /// Item costs in millionths, so sums are exact and ties are real ties.
    let costs: [Int]
    /// Per item, its method and the applications pinning its model (copying a whole
    /// `SelectionItem` in the search's inner loops showed in profiles).
    let methodOfItem: [String]
    let pinnedByItem: [Set<String>]
    /// Per item, its model's number; per model, its items.
    let modelOfItem: [Int]
    let itemsOfModel: [[Int]]
    let modelNumbers: [String: Int]
    /// Per item, the demands it covers (bitset and list).
    private(set) var coverSets: [Bitset] = []
    private(set) var coverLists: [[Int]] = []
    /// Per demand, the items covering it, cheapest first (ties by name).
    private(set) var candidates: [[Int]] = []
    /// What an item requires on covering a demand. A pin's scope requirements name the
    /// pinning application (`applications`) instead of inheriting the pin's.
    struct Derived: Sendable {
        var demand: Int
        var explicitApplications: Set<String>?
        var explicitMask: ApplicationMask?
    }
    /// Per (item, demand) at `item * demands.count + demand`, the index into
    /// `derivedLists`, or -1 when the item does not cover the demand.
    private var derivedSlots: [Int32] = []
    private(set) var derivedLists: [[Derived]] = []
    /// Applications numbered for masks (sorted), and each root demand's mask.
    private(set) var applicationNumbers: [String: Int] = [:]
    private(set) var rootMasks: [Int: ApplicationMask] = [:]
    /// Applications each demand may ever carry (an over-approximation used to keep
    /// method pins inside one part).
    private(set) var possibleApplications: [ApplicationMask] = []

    static func micro(_ cost: Double) -> Int { Int((max(cost, 0) * 1_000_000).rounded()) }

    init(_ problem: SelectionProblem) {
        self.problem = problem
        items = problem.items.sorted { $0.name < $1.name }
        costs = items.map { Self.micro($0.cost) }
        methodOfItem = items.map(\.methodID)
        pinnedByItem = items.map(\.pinnedBy)
        let modelIDs = Array(Set(items.map(\.modelID))).sorted()
        let numbers = Dictionary(uniqueKeysWithValues: modelIDs.enumerated().map { ($1, $0) })
        let modelOf = items.map { numbers[$0.modelID] ?? 0 }
        var byModel = Array(repeating: [Int](), count: modelIDs.count)
        for (index, model) in modelOf.enumerated() { byModel[model].append(index) }
        modelNumbers = numbers
        modelOfItem = modelOf
        itemsOfModel = byModel
        numberApplications()
        build()
        computePossibleApplications()
    }

    private mutating func numberApplications() {
        var names = Set(problem.pinnedMethods.keys)
        for info in problem.root.values { names.formUnion(info.applications) }
        for item in items { names.formUnion(item.pinnedBy) }
        applicationNumbers = Dictionary(uniqueKeysWithValues: names.sorted().enumerated().map { ($1, $0) })
    }

    func mask(_ applications: Set<String>) -> ApplicationMask {
        ApplicationMask(applications.compactMap { applicationNumbers[$0] })
    }

    private mutating func build() {
        var providers: [String: [Int]] = [:]
        for (index, item) in items.enumerated() {
            for capability in item.provides.sorted() { providers[capability, default: []].append(index) }
        }
        let problem = problem, items = items, itemsOfModel = itemsOfModel, modelNumbers = modelNumbers
        let ranks = items.map(\.fidelity.rank), models = items.map(\.modelID)
        func coveringItems(_ key: DemandKey) -> [Int] {
            if let pinned = key.pinnedModel { return modelNumbers[pinned].map { itemsOfModel[$0] } ?? [] }
            return (providers[key.capability] ?? []).filter { item in
                ranks[item] >= key.fidelity.rank && problem.validLinks[models[item]]?.contains(key.link) == true
            }
        }

        // Grow the universe from the root (and every model's pin) to a fixpoint.
        var known = Set(problem.root.keys)
        var queue = problem.root.keys.sorted()
        for pin in modelNumbers.keys.sorted().map(DemandKey.pin) where known.insert(pin).inserted { queue.append(pin) }
        var covering: [[Int]] = []
        var pairs: [(item: Int, key: DemandKey, derived: [(DemandKey, Set<String>?)])] = []
        var cursor = 0
        let empty = DemandInfo(goals: [], applications: [])
        while cursor < queue.count {
            let key = queue[cursor]
            cursor += 1
            let coveredBy = coveringItems(key)
            covering.append(coveredBy)
            for item in coveredBy {
                let derived = problem.requirements(of: items[item], covering: key, info: empty).map { derivedKey, info in
                    (derivedKey, key.pinnedModel == nil ? nil : info.applications)
                }
                pairs.append((item, key, derived))
                for (derivedKey, _) in derived where known.insert(derivedKey).inserted { queue.append(derivedKey) }
            }
        }

        // Number the demands: fewest candidates first, then by key.
        let order = queue.indices.sorted { (covering[$0].count, queue[$0]) < (covering[$1].count, queue[$1]) }
        demands = order.map { queue[$0] }
        demandNumbers = Dictionary(uniqueKeysWithValues: demands.enumerated().map { ($1, $0) })
        rootDemands = problem.root.keys.compactMap { demandNumbers[$0] }.sorted()
        for (key, info) in problem.root { rootMasks[demandNumbers[key]!] = mask(info.applications) }
        let costs = costs
        candidates = order.map { covering[$0].sorted { (costs[$0], $0) < (costs[$1], $1) } }

        coverLists = Array(repeating: [], count: items.count)
        derivedSlots = Array(repeating: -1, count: items.count * demands.count)
        for (item, key, derivedKeys) in pairs {
            let demand = demandNumbers[key]!
            coverLists[item].append(demand)
            derivedSlots[item * demands.count + demand] = Int32(derivedLists.count)
            derivedLists.append(derivedKeys.map { derivedKey, applications in
                Derived(demand: demandNumbers[derivedKey]!, explicitApplications: applications,
                        explicitMask: applications.map(mask))
            })
        }
        for item in items.indices { coverLists[item].sort() }
        coverSets = coverLists.map { Bitset(capacity: demands.count, $0) }
    }

    private mutating func computePossibleApplications() {
        var possible = Array(repeating: ApplicationMask(), count: demands.count)
        for (demand, mask) in rootMasks { possible[demand] = mask }
        var changed = true
        while changed {
            changed = false
            for item in items.indices {
                for demand in coverLists[item] {
                    for derived in self.derived(item, demand) {
                        let inherited = derived.explicitMask ?? possible[demand]
                        if !inherited.isSubset(of: possible[derived.demand]) {
                            possible[derived.demand].formUnion(inherited)
                            changed = true
                        }
                    }
                }
            }
        }
        possibleApplications = possible
    }

    /// What `item` requires on covering `demand` (empty when it does not cover it).
    func derived(_ item: Int, _ demand: Int) -> [Derived] {
        let slot = Int(derivedSlots[item * demands.count + demand])
        return slot < 0 ? [] : derivedLists[slot]
    }

    /// The applications each demand of the closure of `chosen` from `roots` carries: root
    /// masks propagated along what the chosen items require, by a worklist.
    func applicationMasks(of chosen: [Int], roots: [Int]) -> [ApplicationMask] {
        var masks = Array(repeating: ApplicationMask(), count: demands.count)
        var work: [Int] = []
        for root in roots {
            masks[root] = rootMasks[root] ?? ApplicationMask()
            work.append(root)
        }
        let coverSets = coverSets
        while let demand = work.popLast() {
            for item in chosen where coverSets[item].contains(demand) {
                for derived in self.derived(item, demand) {
                    let inherited = derived.explicitMask ?? masks[demand]
                    if !inherited.isSubset(of: masks[derived.demand]) {
                        masks[derived.demand].formUnion(inherited)
                        work.append(derived.demand)
                    }
                }
            }
        }
        return masks
    }

    /// The closure of `chosen` from `roots` with the goals and applications each demand
    /// inherits (the definition on `SelectionProblem`, on numbers, by a worklist).
    func closure(of chosen: [Int], roots: [Int]) -> [Int: DemandInfo] {
        var infos: [Int: DemandInfo] = [:]
        var work: [Int] = []
        for root in roots {
            infos[root] = problem.root[demands[root]] ?? DemandInfo(goals: [], applications: [])
            work.append(root)
        }
        while let demand = work.popLast() {
            guard let info = infos[demand] else { continue }
            for item in chosen where coverSets[item].contains(demand) {
                for derived in self.derived(item, demand) {
                    let inherited = derived.explicitApplications.map { DemandInfo(goals: [], applications: $0) } ?? info
                    if infos[derived.demand] == nil {
                        infos[derived.demand] = inherited
                        work.append(derived.demand)
                    } else if infos[derived.demand]!.absorb(inherited) {
                        work.append(derived.demand)
                    }
                }
            }
        }
        return infos
    }
}
