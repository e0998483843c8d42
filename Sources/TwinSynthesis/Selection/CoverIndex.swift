import TwinSpec
import TwinUnits

/// The selection problem numbered for the search (`CoverTables` builds the numbers):
/// every demand any choice could ever create, the items sorted by name, which demands
/// each item covers as a bitset, what covering each demand makes the item require, and
/// which demands rule an item out. Built once per problem; every node of the search
/// then works on integers. A class so that the search's many reads never copy it.
final class CoverIndex: Sendable {
    let problem: SelectionProblem
    /// Every reachable demand (fewest candidates first, then by key) and its number.
    let demands: [DemandKey]
    let demandNumbers: [DemandKey: Int]
    let rootDemands: [Int]
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
    let coverSets: [Bitset]
    let coverLists: [[Int]]
    /// Per demand, the items that may cover it, cheapest first (ties by name).
    let candidates: [[Int]]
    /// Per item, the demands whose presence rules it out (`CoverTables` pruning), as a
    /// bitset; empty for most items.
    let blockedBy: [Bitset?]
    /// What an item requires on covering a demand. A pin's scope requirements name the
    /// pinning application instead of inheriting the pin's.
    struct Derived: Sendable {
        var demand: Int
        var explicitApplications: Set<String>?
        var explicitMask: ApplicationMask?
    }
    /// Per item, aligned with `coverLists[item]`, the index into `derivedLists` (sparse:
    /// see `CoverTables.derivedSlots`).
    private let derivedSlots: [[Int32]]
    let derivedLists: [[Derived]]
    /// Applications numbered for masks (sorted), and each root demand's mask.
    let applicationNumbers: [String: Int]
    let rootMasks: [Int: ApplicationMask]
    /// Applications each demand may ever carry (an over-approximation used to keep
    /// method pins inside one part).
    let possibleApplications: [ApplicationMask]

    /// Costs in integer millionths. Checked: the front end holds costs to
    /// `DeclaredRanges.cost`, and a cost built in code outside it (or NaN) is pulled into
    /// that range rather than trapping the conversion (1e13 used to).
    static func micro(_ cost: Double) -> Int { Int((DeclaredRanges.cost.clamped(cost) * 1_000_000).rounded()) }

    init(_ problem: SelectionProblem) {
        self.problem = problem
        let names = problem.items.map(\.name)
        let items = problem.items.indices.sorted { names[$0] < names[$1] }.map { problem.items[$0] }
        self.items = items
        let costs = items.map { Self.micro($0.cost) }
        self.costs = costs
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

        var applications = Set(problem.pinnedMethods.keys)
        for info in problem.root.values { applications.formUnion(info.applications) }
        for item in items { applications.formUnion(item.pinnedBy) }
        let applicationNumbers = Dictionary(uniqueKeysWithValues: applications.sorted().enumerated().map { ($1, $0) })
        self.applicationNumbers = applicationNumbers
        let mask = { (names: Set<String>) in ApplicationMask(names.compactMap { applicationNumbers[$0] }) }

        let tables = CoverTables(problem: problem, items: items, costs: costs, itemsOfModel: byModel,
                                 modelNumbers: numbers, mask: mask)
        demands = tables.demands
        demandNumbers = tables.demandNumbers
        rootDemands = problem.root.keys.compactMap { tables.demandNumbers[$0] }.sorted()
        var rootMasks: [Int: ApplicationMask] = [:]
        for (key, info) in problem.root { rootMasks[tables.demandNumbers[key]!] = mask(info.applications) }
        self.rootMasks = rootMasks
        coverLists = tables.coverLists
        coverSets = tables.coverLists.map { Bitset(capacity: tables.demands.count, $0) }
        candidates = tables.candidates
        blockedBy = tables.blockedBy.map { $0.isEmpty ? nil : Bitset(capacity: tables.demands.count, $0) }
        derivedSlots = tables.derivedSlots
        derivedLists = tables.derivedLists
        possibleApplications = Self.possibleApplications(tables, rootMasks: rootMasks)
    }

    func mask(_ applications: Set<String>) -> ApplicationMask {
        ApplicationMask(applications.compactMap { applicationNumbers[$0] })
    }

    private static func possibleApplications(_ tables: CoverTables, rootMasks: [Int: ApplicationMask]) -> [ApplicationMask] {
        var possible = Array(repeating: ApplicationMask(), count: tables.demands.count)
        for (demand, mask) in rootMasks { possible[demand] = mask }
        var changed = true
        while changed {
            changed = false
            for item in tables.coverLists.indices {
                for (position, demand) in tables.coverLists[item].enumerated() {
                    for derived in tables.derivedLists[Int(tables.derivedSlots[item][position])] {
                        let inherited = derived.explicitMask ?? possible[demand]
                        if !inherited.isSubset(of: possible[derived.demand]) {
                            possible[derived.demand].formUnion(inherited)
                            changed = true
                        }
                    }
                }
            }
        }
        return possible
    }

    /// What `item` requires on covering `demand` (empty when it does not cover it).
    func derived(_ item: Int, _ demand: Int) -> [Derived] {
        // Binary search in the item's sorted cover list.
        let list = coverLists[item]
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < demand { low = middle + 1 } else { high = middle }
        }
        guard low < list.count, list[low] == demand else { return [] }
        return derivedLists[Int(derivedSlots[item][low])]
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
