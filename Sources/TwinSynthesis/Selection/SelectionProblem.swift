import TwinSpec
import TwinVocabulary

/// One capability needed on one link at one fidelity. Demands at different fidelities are
/// distinct: a packet-level model covers both, an analytic one only the analytic demand.
/// Keeping them apart (rather than merging to the finest level) makes the closure below
/// monotone, so it has one least fixpoint whatever order it is computed in.
struct DemandKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    var capability: String
    var link: LinkKey
    var fidelity: Fidelity

    static func < (a: DemandKey, b: DemandKey) -> Bool {
        (a.link, a.capability, a.fidelity.rank) < (b.link, b.capability, b.fidelity.rank)
    }

    /// The demand that forces a model into the plan (only that model covers it).
    static func pin(_ model: String) -> DemandKey {
        DemandKey(capability: "pin:\(model)", link: LinkKey(device: "", gateway: ""), fidelity: .analytic)
    }

    var pinnedModel: String? { capability.hasPrefix("pin:") ? String(capability.dropFirst(4)) : nil }
    var description: String { "\(capability)@\(link) (\(fidelity.rawValue))" }
}

/// Who needs a demand (goals and applications), inherited along `requires` chains so
/// every model can say which goal needed it.
struct DemandInfo: Hashable, Sendable {
    var goals: Set<String>
    var applications: Set<String>

    /// Merges `other` in; true when anything changed.
    @discardableResult
    mutating func absorb(_ other: DemandInfo) -> Bool {
        let before = (goals.count, applications.count)
        goals.formUnion(other.goals)
        applications.formUnion(other.applications)
        return before != (goals.count, applications.count)
    }
}

/// A model paired with a representation method: what the search chooses. At most one
/// item per model ("a representation method per model").
struct SelectionItem: Hashable, Sendable {
    var model: CatalogueEntry
    var method: CatalogueEntry
    var cost: Double
    /// The finest fidelity both the model and the method support.
    var fidelity: Fidelity
    var provides: Set<String>
    /// Applications that pinned the model.
    var pinnedBy: Set<String>

    var modelID: String { model.id.value }
    var methodID: String { method.id.value }
    var name: String { "\(modelID)@\(methodID)" }
}

/// The exact selection problem.
///
/// - An item covers a demand when its model provides the capability, its fidelity is at
///   least the demand's and the model is valid on the link; `pin:M` is covered by the
///   items of model M only.
/// - The closure of a chosen set is the least set of demands that contains the root and,
///   for every chosen item and every demand in it the item covers, the item's model's
///   `requires` (with the device's refinements) on that link at that fidelity; a pinned
///   item covering its pin also requires them at analytic level on every link of the
///   pinning application's scope where it is valid.
/// - A selection is valid when it has at most one item per model, covers its closure, and
///   every method an application pins is used by an item serving that application
///   (pinned by it, or covering a demand it needs).
/// - The optimum is the valid selection of least total cost; among equal costs, the one
///   whose sorted item names come first (compared name by name, a list that ends first
///   ranking after the longer one).
struct SelectionProblem: Sendable {
    var root: [DemandKey: DemandInfo]
    let items: [SelectionItem]
    let links: [LinkKey: LinkFacts]
    var devices: [String: ResolvedDevice]
    /// Per application, the links pinned models serve (the application's scope).
    var scopeLinks: [String: [LinkKey]]
    /// Per application, the pinned methods each must be used by a model serving it.
    var pinnedMethods: [String: [String]]
    /// Per model of `items`, the links it is valid on (validity is read very often).
    private(set) var validLinks: [String: Set<LinkKey>] = [:]

    init(root: [DemandKey: DemandInfo], items: [SelectionItem], links: [LinkKey: LinkFacts],
         devices: [String: ResolvedDevice], scopeLinks: [String: [LinkKey]], pinnedMethods: [String: [String]]) {
        self.root = root
        self.items = items
        self.links = links
        self.devices = devices
        self.scopeLinks = scopeLinks
        self.pinnedMethods = pinnedMethods
        for item in items where validLinks[item.modelID] == nil {
            validLinks[item.modelID] = Set(links.values.filter { item.model.isValid(on: $0) }.map(\.key))
        }
    }

    func isValid(_ item: SelectionItem, on link: LinkKey) -> Bool {
        if let known = validLinks[item.modelID] { return known.contains(link) }
        return links[link].map { item.model.isValid(on: $0) } ?? false
    }

    func covers(_ item: SelectionItem, _ key: DemandKey) -> Bool {
        if let pinned = key.pinnedModel { return pinned == item.modelID }
        guard item.fidelity.rank >= key.fidelity.rank, item.provides.contains(key.capability) else { return false }
        return isValid(item, on: key.link)
    }

    /// Items that could cover a demand.
    func candidates(_ key: DemandKey) -> [SelectionItem] {
        items.filter { covers($0, key) }
    }

    /// What `item` requires when it covers `key`, with the info those demands inherit.
    func requirements(of item: SelectionItem, covering key: DemandKey, info: DemandInfo) -> [(DemandKey, DemandInfo)] {
        var served: [(LinkKey, Fidelity, DemandInfo)] = []
        if key.pinnedModel != nil {
            for application in item.pinnedBy.sorted() {
                for linkKey in scopeLinks[application] ?? [] {
                    guard isValid(item, on: linkKey) else { continue }
                    served.append((linkKey, .analytic, DemandInfo(goals: [], applications: [application])))
                }
            }
        } else {
            served.append((key.link, key.fidelity, info))
        }
        var result: [(DemandKey, DemandInfo)] = []
        for (linkKey, fidelity, info) in served {
            for requirement in item.model.requiredCapabilities {
                let refined = CapabilityDemands.refinements(of: requirement, for: devices[linkKey.device])
                for capability in [requirement] + refined {
                    result.append((DemandKey(capability: capability, link: linkKey, fidelity: fidelity), info))
                }
            }
        }
        return result
    }

    /// The closure of a chosen set with the goals and applications each demand inherits
    /// (the definition above, computed plainly; `CoverIndex` computes the same set fast).
    func closure(_ chosen: [SelectionItem]) -> [DemandKey: DemandInfo] {
        var demands = root
        var changed = true
        while changed {
            changed = false
            for item in chosen.sorted(by: { $0.name < $1.name }) {
                for (key, info) in demands.sorted(by: { $0.key < $1.key }) where covers(item, key) {
                    for (derived, inherited) in requirements(of: item, covering: key, info: info) {
                        if demands[derived] == nil {
                            demands[derived] = inherited
                            changed = true
                        } else if demands[derived]!.absorb(inherited) {
                            changed = true
                        }
                    }
                }
            }
        }
        return demands
    }

    /// Whether `chosen` is a valid selection (the definition above, checked plainly).
    func isValid(_ chosen: [SelectionItem]) -> Bool {
        guard Set(chosen.map(\.modelID)).count == chosen.count else { return false }
        let demands = closure(chosen)
        guard demands.keys.allSatisfy({ key in chosen.contains { covers($0, key) } }) else { return false }
        return methodPinsHold(chosen, demands)
    }

    /// Every method an application pins is used by a model serving that application.
    func methodPinsHold(_ chosen: [SelectionItem], _ demands: [DemandKey: DemandInfo]) -> Bool {
        for (application, methods) in pinnedMethods {
            for method in methods {
                let used = chosen.contains { item in
                    item.methodID == method && (item.pinnedBy.contains(application)
                        || demands.contains { $0.value.applications.contains(application) && covers(item, $0.key) })
                }
                if !used { return false }
            }
        }
        return true
    }
}
