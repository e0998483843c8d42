import TwinDiagnostics
import TwinSpec
import TwinVocabulary

/// Builds the `SelectionProblem` for an intent: root demands from the applications'
/// `requires` (every link) and from each goal (the links of its devices, packet level
/// when critical), the (model, method) items, and the use case's pins — checking each
/// pin and reporting the invalid ones at the pin (TP003, TP004).
struct ProblemBuilder {
    let intent: Intent
    let useCase: UseCase
    let network: ResolvedNetwork
    let catalogue: SynthesisCatalogue
    let applications: ApplicationChoice

    /// Root demands that no item can cover are reported (TP002) and left out, so the
    /// search still finds a plan for everything else.
    func build(diagnostics: inout [Diagnostic]) -> SelectionProblem {
        let links = network.links(includingBackups: applications.injectsFaults)
        let linksByKey = Dictionary(uniqueKeysWithValues: links.map { ($0.key, $0) })
        let devices = Dictionary(uniqueKeysWithValues: network.devices.map { ($0.id, $0) })
        var root: [DemandKey: DemandInfo] = [:]
        var origin: [DemandKey: SourceRangeHolder] = [:]
        func add(_ capability: String, _ link: LinkKey, _ fidelity: Fidelity, _ info: DemandInfo, at range: SourceRange?) {
            for cap in [capability] + CapabilityDemands.refinements(of: capability, for: devices[link.device]) {
                let key = DemandKey(capability: cap, link: link, fidelity: fidelity)
                // One hash of the key where the demand is known already (most calls).
                if let known = root.index(forKey: key) { _ = root.values[known].absorb(info) } else { root[key] = info }
                if let range, origin[key] == nil { origin[key] = SourceRangeHolder(range: range, goal: info.goals.first) }
            }
        }
        for application in applications.chosen {
            let id = application.entry.id.value
            let range = useCase.applications.first { $0.id.value == application.entry.applicationKind }?.id.range
            for capability in application.entry.requiredCapabilities {
                for link in links { add(capability, link.key, .analytic, DemandInfo(goals: [], applications: [id]), at: range) }
            }
        }
        for goal in intent.goals {
            guard let application = applications.assignment[goal.id.value] else { continue }
            let scoped = Set(network.devices(in: goal.scope))
            let fidelity: Fidelity = goal.priority.value == .critical ? .packet : .analytic
            let info = DemandInfo(goals: [goal.id.value], applications: [application])
            for capability in CapabilityDemands.capabilities(for: goal) {
                for link in links where scoped.contains(link.key.device) {
                    add(capability, link.key, fidelity, info, at: goal.kpi.range)
                }
            }
        }

        let pins = checkPins(links: links, diagnostics: &diagnostics)
        for (model, applicationIDs) in pins.models.sorted(by: { $0.key < $1.key }) {
            root[.pin(model)] = DemandInfo(goals: [], applications: Set(applicationIDs))
        }
        var problem = SelectionProblem(
            root: root, items: items(pins: pins), links: linksByKey, devices: devices,
            scopeLinks: Dictionary(uniqueKeysWithValues: applications.chosen.map { ($0.entry.id.value, links.map(\.key)) }),
            pinnedMethods: pins.methods)
        reportUncoverable(&problem, origin: origin, diagnostics: &diagnostics)
        return problem
    }

    struct SourceRangeHolder {
        var range: SourceRange
        var goal: String?
    }

    // MARK: - Items

    /// Every compatible (model, method) pair, minus pairs dominated by a cheaper pair of
    /// the same model with at least the same fidelity (kept when the method is pinned).
    func items(pins: Pins) -> [SelectionItem] {
        let pinnedMethodIDs = Set(pins.methods.values.flatMap { $0 })
        var result: [SelectionItem] = []
        let methods = catalogue.methods
        for model in catalogue.models {
            let pinnedBy = Set(pins.models[model.id.value] ?? [])
            let allowed = pins.allowedMethods[model.id.value]
            let provides = Set(model.providedCapabilities)
            var modelItems: [SelectionItem] = []
            for method in methods {
                if let allowed, !allowed.contains(method.id.value) { continue }
                guard let fidelity = Self.fidelity(of: model, with: method) else { continue }
                modelItems.append(SelectionItem(
                    model: model, method: method, cost: model.costValue + method.costValue, fidelity: fidelity,
                    provides: provides, pinnedBy: pinnedBy))
            }
            result += modelItems.filter { item in
                pinnedMethodIDs.contains(item.methodID) || !modelItems.contains { other in
                    other.methodID != item.methodID && other.fidelity.rank >= item.fidelity.rank
                        && (other.cost < item.cost - 1e-12 || (abs(other.cost - item.cost) <= 1e-12 && other.name < item.name))
                }
            }
        }
        // Names are unique (model@method), so sorting indices by precomputed names gives
        // the same order without rebuilding names and copying items at every comparison.
        let names = result.map(\.name)
        return result.indices.sorted { names[$0] < names[$1] }.map { result[$0] }
    }

    /// The finest fidelity a method can represent a model at, nil when it cannot.
    static func fidelity(of model: CatalogueEntry, with method: CatalogueEntry) -> Fidelity? {
        guard let family = model.modelFamily, let families = method.methodFamilies else { return nil }
        guard families.isEmpty || families.contains(family) else { return nil }
        return model.fidelityLevels.intersection(method.fidelityLevels).max { $0.rank < $1.rank }
    }

    // MARK: - Pins

    struct Pins {
        /// Pinned model id → the application entries pinning it.
        var models: [String: [String]] = [:]
        /// Pinned model id → the methods it may use (absent: any).
        var allowedMethods: [String: Set<String>] = [:]
        /// Application entry id → its valid pinned methods.
        var methods: [String: [String]] = [:]
    }

    func checkPins(links: [LinkFacts], diagnostics: inout [Diagnostic]) -> Pins {
        var pins = Pins()
        for use in useCase.applications {
            guard let application = applications.chosen.first(where: { $0.entry.applicationKind == use.id.value }) else { continue }
            let appID = application.entry.id.value
            var validMethods: [CatalogueEntry] = []
            for pin in use.methods {
                guard let method = catalogue.entry(pin.value), method.kind == .method else {
                    let what = catalogue.entry(pin.value).map { "a \($0.kind.rawValue), not a method" } ?? "not in the catalogue"
                    diagnostics.append(.error(
                        SynthesisDiagnostics.invalidPinnedMethod, "pinned method `\(pin.value)` is \(what)", at: pin.range,
                        notes: [DiagnosticNote("methods: \(catalogue.methods.map(\.id.value).joined(separator: ", "))")]))
                    continue
                }
                let families = Set(catalogue.models.compactMap(\.modelFamily))
                if let represented = method.methodFamilies, !represented.isEmpty,
                   Set(represented).isDisjoint(with: families) {
                    diagnostics.append(.error(
                        SynthesisDiagnostics.invalidPinnedMethod,
                        "pinned method `\(pin.value)` can represent none of the catalogue's model families", at: pin.range))
                    continue
                }
                validMethods.append(method)
            }
            var pinnedModelsUsable = false
            for pin in use.models {
                guard let model = catalogue.entry(pin.value), model.kind == .model else {
                    let what = catalogue.entry(pin.value).map { "a \($0.kind.rawValue), not a model" } ?? "not in the catalogue"
                    diagnostics.append(.error(
                        SynthesisDiagnostics.invalidPinnedModel,
                        "pinned model `\(pin.value)` under `\(use.id.value.rawValue)` is \(what)", at: pin.range))
                    continue
                }
                guard links.contains(where: { model.isValid(on: $0) }) else {
                    let reasons = links.prefix(3).compactMap { link in model.validityProblem(on: link).map { "\(link.key): \($0)" } }
                    diagnostics.append(.error(
                        SynthesisDiagnostics.invalidPinnedModel,
                        "pinned model `\(pin.value)` is valid for none of the devices `\(use.id.value.rawValue)` watches",
                        at: pin.range, notes: reasons.map { DiagnosticNote($0) }))
                    continue
                }
                var allowed: Set<String>?
                if !validMethods.isEmpty {
                    let usable = validMethods.filter { Self.fidelity(of: model, with: $0) != nil }.map(\.id.value)
                    guard !usable.isEmpty else {
                        diagnostics.append(.error(
                            SynthesisDiagnostics.invalidPinnedModel,
                            "pinned model `\(pin.value)` cannot be represented by any method pinned under `\(use.id.value.rawValue)` "
                                + "(\(validMethods.map(\.id.value).joined(separator: ", ")))",
                            at: pin.range,
                            notes: [DiagnosticNote("`\(pin.value)` is a \(model.modelFamily?.rawValue ?? "?") model at "
                                + "\(model.fidelityLevels.map(\.rawValue).sorted().joined(separator: "/")) fidelity")]))
                        continue
                    }
                    allowed = Set(usable)
                    pinnedModelsUsable = true
                }
                pins.models[model.id.value, default: []].append(appID)
                if let allowed {
                    pins.allowedMethods[model.id.value] = pins.allowedMethods[model.id.value].map { $0.intersection(allowed) } ?? allowed
                }
            }
            // A pinned method must be able to represent a pinned model of the
            // application, or (without pinned models) some model at all.
            var required: [String] = []
            for method in validMethods {
                let pinnedHere = use.models.compactMap { catalogue.entry($0.value) }.filter { pins.models[$0.id.value]?.contains(appID) == true }
                if !pinnedHere.isEmpty, !pinnedHere.contains(where: { Self.fidelity(of: $0, with: method) != nil }) {
                    let range = use.methods.first { $0.value == method.id.value }?.range
                    diagnostics.append(.error(
                        SynthesisDiagnostics.invalidPinnedMethod,
                        "pinned method `\(method.id.value)` can represent none of the models pinned under `\(use.id.value.rawValue)`",
                        at: range))
                    continue
                }
                required.append(method.id.value)
            }
            _ = pinnedModelsUsable
            if !required.isEmpty { pins.methods[appID] = required.sorted() }
        }
        return pins
    }

    // MARK: - Uncoverable demands

    private func reportUncoverable(_ problem: inout SelectionProblem, origin: [DemandKey: SourceRangeHolder],
                                   diagnostics: inout [Diagnostic]) {
        var grouped: [String: (capability: String, range: SourceRange?, goal: String?, links: [LinkKey], fidelity: Fidelity)] = [:]
        // Providers by item index, and only the uncoverable keys sorted: copying items
        // into the table and sorting every root key were most of this check's cost (3 %
        // of compiling the demo), and whether a key is covered depends on items and links
        // alone, not on the keys removed before it.
        var providers: [String: [Int]] = [:]
        for (index, item) in problem.items.enumerated() {
            for capability in item.provides { providers[capability, default: []].append(index) }
        }
        let uncoverable = problem.root.keys.filter { key in
            key.pinnedModel == nil
                && !(providers[key.capability] ?? []).contains { problem.covers(problem.items[$0], key) }
        }
        for key in uncoverable.sorted() {
            problem.root[key] = nil
            let holder = origin[key]
            let groupKey = "\(holder?.goal ?? "")|\(key.capability)"
            if grouped[groupKey] == nil {
                grouped[groupKey] = (key.capability, holder?.range, holder?.goal, [], key.fidelity)
            }
            grouped[groupKey]!.links.append(key.link)
        }
        for (_, group) in grouped.sorted(by: { $0.key < $1.key }) {
            let providers = catalogue.models.filter { $0.providedCapabilities.contains(group.capability) }
            let link = group.links.first.flatMap { problem.links[$0] }
            var notes = providers.map { model -> DiagnosticNote in
                if let link, let problem = model.validityProblem(on: link) { return DiagnosticNote("`\(model.id.value)`: \(problem)") }
                return DiagnosticNote("`\(model.id.value)`: supports \(model.fidelityLevels.map(\.rawValue).sorted().joined(separator: "/")) "
                    + "fidelity, the goal needs \(group.fidelity.rawValue) level")
            }
            if providers.isEmpty { notes.append(DiagnosticNote("no catalogue model provides `\(group.capability)`")) }
            let devices = Array(Set(group.links.map(\.description))).sorted().joined(separator: ", ")
            let owner = group.goal.map { "goal `\($0)`" } ?? "the application"
            diagnostics.append(.error(
                SynthesisDiagnostics.noValidModel,
                "no valid model provides `\(group.capability)` for \(devices), needed by \(owner)",
                at: group.range, notes: notes))
        }
    }
}
