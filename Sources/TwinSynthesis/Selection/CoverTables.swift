import TwinSpec

/// The numbered tables `CoverIndex` is made of, built in one pass:
///
/// 1. grow the universe of demands from the root and every model's pin to a fixpoint
///    (every demand any choice could ever create);
/// 2. number the demands, fewest candidates first (the order the search bounds and
///    branches in), ties by key;
/// 3. prune: an item whose requirements on covering a demand include one that nothing
///    can cover can never be chosen while that demand is present, so it is no
///    candidate for it (and is marked `blocked` by it); a demand left without
///    candidates is itself uncoverable — to a fixpoint. Without this the search only
///    discovers such dead ends one branch at a time.
struct CoverTables {
    var demands: [DemandKey] = []
    var demandNumbers: [DemandKey: Int] = [:]
    var coverLists: [[Int]] = []
    var candidates: [[Int]] = []
    /// Per item, aligned with `coverLists[item]`: the index into `derivedLists` of what
    /// the item requires on covering that demand. Sparse (an item covers a handful of
    /// demands): a dense items × demands table made compile time and memory quadratic
    /// in catalogue size, since every catalogue model adds an item and a pin demand.
    var derivedSlots: [[Int32]] = []
    var derivedLists: [[CoverIndex.Derived]] = []
    /// Per item, the demands whose presence rules it out.
    var blockedBy: [[Int]] = []

    init(problem: SelectionProblem, items: [SelectionItem], costs: [Int], itemsOfModel: [[Int]],
         modelNumbers: [String: Int], mask: (Set<String>) -> ApplicationMask) {
        var providers: [String: [Int]] = [:]
        for (index, item) in items.enumerated() {
            for capability in item.provides.sorted() { providers[capability, default: []].append(index) }
        }
        let ranks = items.map(\.fidelity.rank), models = items.map(\.modelID)
        func coveringItems(_ key: DemandKey) -> [Int] {
            if let pinned = key.pinnedModel { return modelNumbers[pinned].map { itemsOfModel[$0] } ?? [] }
            return (providers[key.capability] ?? []).filter { item in
                ranks[item] >= key.fidelity.rank && problem.validLinks[models[item]]?.contains(key.link) == true
            }
        }

        var known = Set(problem.root.keys)
        var queue = problem.root.keys.sorted()
        for pin in modelNumbers.keys.sorted().map(DemandKey.pin) where known.insert(pin).inserted { queue.append(pin) }
        var covering: [[Int]] = []
        var pairs: [(item: Int, queued: Int, derived: [(DemandKey, Set<String>?)])] = []
        var requirementMemo: [RequirementKey: [DemandKey]] = [:]
        let empty = DemandInfo(goals: [], applications: [])
        var cursor = 0
        while cursor < queue.count {
            let key = queue[cursor]
            let coveredBy = coveringItems(key)
            covering.append(coveredBy)
            for item in coveredBy {
                let derived: [(DemandKey, Set<String>?)]
                if key.pinnedModel == nil {
                    // Requirements depend only on the model, the link and the fidelity.
                    let memo = RequirementKey(model: models[item], link: key.link, fidelity: key.fidelity.rank)
                    let required: [DemandKey]
                    if let known = requirementMemo[memo] {
                        required = known
                    } else {
                        required = problem.requirements(of: items[item], covering: key, info: empty).map(\.0)
                        requirementMemo[memo] = required
                    }
                    derived = required.map { ($0, nil) }
                } else {
                    derived = problem.requirements(of: items[item], covering: key, info: empty).map { ($0.0, $0.1.applications) }
                }
                pairs.append((item, cursor, derived))
                for (derivedKey, _) in derived where known.insert(derivedKey).inserted { queue.append(derivedKey) }
            }
            cursor += 1
        }

        // The key order of `DemandKey` in integers: each device, gateway and capability
        // numbered by its place among the distinct ones. Comparing tuples of strings
        // dominated the build, and so did joining them into one string per demand later.
        func places(_ names: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Set(names).sorted().enumerated().map { ($1, $0) })
        }
        let devicePlace = places(queue.map(\.link.device)), gatewayPlace = places(queue.map(\.link.gateway))
        let capabilityPlace = places(queue.map(\.capability))
        let sortKeys = queue.map { key in
            (devicePlace[key.link.device]!, gatewayPlace[key.link.gateway]!, capabilityPlace[key.capability]!,
             key.fidelity.rank)
        }
        let order = queue.indices.sorted { a, b in
            let (x, y) = (sortKeys[a], sortKeys[b])
            return (covering[a].count, x.0, x.1, x.2, x.3) < (covering[b].count, y.0, y.1, y.2, y.3)
        }
        var numberOfQueued = Array(repeating: 0, count: queue.count)
        for (number, queued) in order.enumerated() { numberOfQueued[queued] = number }
        demands = order.map { queue[$0] }
        demandNumbers = Dictionary(uniqueKeysWithValues: demands.enumerated().map { ($1, $0) })

        var covered = Array(repeating: [(demand: Int, slot: Int32)](), count: items.count)
        for (item, queued, derivedKeys) in pairs {
            covered[item].append((numberOfQueued[queued], Int32(derivedLists.count)))
            derivedLists.append(derivedKeys.map { key, applications in
                CoverIndex.Derived(demand: demandNumbers[key]!, explicitApplications: applications,
                                   explicitMask: applications.map(mask))
            })
        }
        for item in covered.indices { covered[item].sort { $0.demand < $1.demand } }
        coverLists = covered.map { $0.map(\.demand) }
        derivedSlots = covered.map { $0.map(\.slot) }
        var candidateSets = order.map { Set(covering[$0]) }
        prune(&candidateSets)
        candidates = candidateSets.map { $0.sorted { (costs[$0], $0) < (costs[$1], $1) } }
    }

    /// What an unpinned demand's requirements depend on: the covering item's model, the
    /// link and the fidelity.
    private struct RequirementKey: Hashable {
        var model: String
        var link: LinkKey
        var fidelity: Int
    }

    private mutating func prune(_ candidateSets: inout [Set<Int>]) {
        blockedBy = Array(repeating: [], count: coverLists.count)
        var dead = Set(candidateSets.indices.filter { candidateSets[$0].isEmpty })
        var changed = !dead.isEmpty
        while changed {
            changed = false
            for item in coverLists.indices {
                for (position, demand) in coverLists[item].enumerated() where candidateSets[demand].contains(item) {
                    let slot = Int(derivedSlots[item][position])
                    guard derivedLists[slot].contains(where: { dead.contains($0.demand) }) else { continue }
                    candidateSets[demand].remove(item)
                    blockedBy[item].append(demand)
                    if candidateSets[demand].isEmpty, dead.insert(demand).inserted { changed = true }
                }
            }
        }
        for item in blockedBy.indices { blockedBy[item].sort() }
    }
}
