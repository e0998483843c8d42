import TwinSpec

/// One capability needed on one link.
struct DemandKey: Hashable, Comparable, Sendable {
    var capability: String
    var link: LinkKey

    static func < (a: DemandKey, b: DemandKey) -> Bool { (a.link, a.capability) < (b.link, b.capability) }

    /// The demand that forces a pinned model into the plan (only that model covers it).
    static func pin(_ model: String) -> DemandKey { DemandKey(capability: "pin:\(model)", link: LinkKey(device: "", gateway: "")) }
    var pinnedModel: String? { capability.hasPrefix("pin:") ? String(capability.dropFirst(4)) : nil }
}

/// How finely a demand must be modelled and who needs it (goals and applications,
/// inherited along `requires` chains so every model can say which goal needed it).
struct DemandInfo: Hashable, Sendable {
    var fidelity: Fidelity
    var goals: Set<String>
    var applications: Set<String>

    /// Merges `other` in; true when anything changed.
    mutating func absorb(_ other: DemandInfo) -> Bool {
        let before = self
        if other.fidelity.rank > fidelity.rank { fidelity = other.fidelity }
        goals.formUnion(other.goals)
        applications.formUnion(other.applications)
        return self != before
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

/// The exact selection problem: root demands from goals and applications, the items
/// that can cover them, and the links validity is checked on. `solve()` returns the
/// minimum-cost item set whose closure (root demands plus everything chosen models
/// require) is covered, ties broken by the sorted item names.
struct SelectionProblem: Sendable {
    var root: [DemandKey: DemandInfo]
    var items: [SelectionItem]
    var links: [LinkKey: LinkFacts]
    var devices: [String: ResolvedDevice]
    /// Per application, the links pinned models serve (the application's scope).
    var scopeLinks: [String: [LinkKey]]
    /// Per application, the pinned methods each must be used by a model serving it.
    var pinnedMethods: [String: [String]]

    func covers(_ item: SelectionItem, _ key: DemandKey, _ info: DemandInfo) -> Bool {
        if let pinned = key.pinnedModel { return pinned == item.modelID }
        guard item.provides.contains(key.capability), item.fidelity.rank >= info.fidelity.rank,
              let link = links[key.link] else { return false }
        return item.model.isValid(on: link)
    }

    /// Root demands plus what chosen items require on the links they serve, to a
    /// fixpoint. A model serves a link when it covers a demand there, or (pinned) when
    /// the link is in its application's scope and it is valid there.
    func closure(_ chosen: [SelectionItem]) -> [DemandKey: DemandInfo] {
        var demands = root
        var changed = true
        while changed {
            changed = false
            for item in chosen {
                var served: [LinkKey: DemandInfo] = [:]
                for (key, info) in demands where key.pinnedModel == nil && covers(item, key, info) {
                    if served[key.link] == nil { served[key.link] = info } else { _ = served[key.link]!.absorb(info) }
                }
                for application in item.pinnedBy.sorted() {
                    for linkKey in scopeLinks[application] ?? [] {
                        guard let link = links[linkKey], item.model.isValid(on: link) else { continue }
                        let info = DemandInfo(fidelity: .analytic, goals: [], applications: [application])
                        if served[linkKey] == nil { served[linkKey] = info } else { _ = served[linkKey]!.absorb(info) }
                    }
                }
                for (linkKey, info) in served {
                    for requirement in item.model.requiredCapabilities {
                        let refined = CapabilityDemands.refinements(of: requirement, for: devices[linkKey.device])
                        for capability in [requirement] + refined {
                            let key = DemandKey(capability: capability, link: linkKey)
                            if var existing = demands[key] {
                                if existing.absorb(info) {
                                    demands[key] = existing
                                    changed = true
                                }
                            } else {
                                demands[key] = info
                                changed = true
                            }
                        }
                    }
                }
            }
        }
        return demands
    }

    /// Items that could cover a demand.
    func candidates(_ key: DemandKey, _ info: DemandInfo) -> [SelectionItem] {
        items.filter { covers($0, key, info) }
    }
}
