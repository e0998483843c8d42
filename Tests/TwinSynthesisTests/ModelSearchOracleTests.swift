import Testing
import TwinDiagnostics
import TwinSpec
@testable import TwinSynthesis
import TwinTestSupport
import TwinVocabulary

/// An exhaustive oracle for the exact search. Small random selection problems (seeded)
/// over a synthetic catalogue: every combination of at most one item per model is
/// checked against the plain definition on `SelectionProblem` (`isValid`, the closure
/// computed without the search's numbering), and the cheapest valid one (ties by the
/// sorted names, a list that ends first ranking after the longer) must be exactly what
/// `ModelSearch` returns — also when one model is forced in.
@Suite struct ModelSearchOracleTests {
    static let capabilities = ["a", "b", "c", "d", "e"]
    static let links = [
        LinkFacts(key: LinkKey(device: "x", gateway: "g"), technology: .banNB, band: .ism2400, devicePlacement: .chest,
                  onBodyGatewayPlacement: .hipRight, region: .onBody, isPrimary: true),
        LinkFacts(key: LinkKey(device: "y", gateway: "g"), technology: .ble, band: .ism2400, devicePlacement: .wristLeft,
                  onBodyGatewayPlacement: .hipRight, region: .onBody, isPrimary: true),
    ]

    /// A random problem: 5 models, 2 methods, 2 links, 2-4 root demands, sometimes a
    /// method pin.
    static func problem(seed: UInt64) throws -> SelectionProblem {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        func subset(_ options: [String], max: Int) -> [String] {
            Array(options.shuffled(using: &random).prefix(Int(random.next() % UInt64(max + 1))))
        }
        let fidelities = [["packet", "flow", "analytic"], ["analytic"], ["packet", "flow"], ["flow", "analytic"]]
        var yaml = "twin: 1\nkind: catalogue\nname: oracle\nmodels:\n"
        for model in 0..<5 {
            let provides = [pick(capabilities)] + subset(capabilities, max: 1)
            let requires = subset(capabilities.filter { !provides.contains($0) }, max: 2)
            let validity = pick(["", "    validity: {technologies: [ban-nb]}\n", "    validity: {technologies: [ble]}\n"])
            yaml += """
              - id: m\(model)
                description: synthetic
                family: phy
                provides: [\(Array(Set(provides)).sorted().joined(separator: ", "))]
                requires: [\(requires.sorted().joined(separator: ", "))]
            \(validity)    fidelity: [\(pick(fidelities).joined(separator: ", "))]
                cost: \(pick([0.5, 1, 1.5, 2]))
                source: synthetic model for the exhaustive oracle test

            """
        }
        yaml += "methods:\n"
        for method in 0..<2 {
            yaml += """
              - id: k\(method)
                description: synthetic
                representation: analytic
                families: [phy]
                fidelity: [\(pick(fidelities).joined(separator: ", "))]
                cost: \(pick([0.5, 1]))

            """
        }
        guard case .catalogue(let catalogue) = try BundledDocuments.parse(yaml, file: "oracle.yaml") else {
            throw BundledDocuments.LoadError(description: "not a catalogue")
        }
        let items = catalogue.entries(of: .model).flatMap { model in
            catalogue.entries(of: .method).compactMap { method -> SelectionItem? in
                guard let fidelity = ProblemBuilder.fidelity(of: model, with: method) else { return nil }
                return SelectionItem(model: model, method: method, cost: model.costValue + method.costValue,
                                     fidelity: fidelity, provides: Set(model.providedCapabilities), pinnedBy: [])
            }
        }
        let pinned = random.next() % 3 == 0
        var root: [DemandKey: DemandInfo] = [:]
        for _ in 0..<(2 + Int(random.next() % 3)) {
            let key = DemandKey(capability: pick(capabilities), link: pick(links).key,
                                fidelity: pick([Fidelity.packet, .flow, .analytic]))
            root[key] = DemandInfo(goals: ["goal"], applications: pinned ? ["app"] : [])
        }
        return SelectionProblem(
            root: root, items: items, links: Dictionary(uniqueKeysWithValues: links.map { ($0.key, $0) }), devices: [:],
            scopeLinks: [:], pinnedMethods: pinned ? ["app": [pick(["k0", "k1"])]] : [:])
    }

    /// Every valid combination by brute force, with its cost and sorted names.
    static func validCombinations(_ problem: SelectionProblem) -> [(cost: Int, names: [String], models: Set<String>)] {
        let byModel = Dictionary(grouping: problem.items, by: \.modelID).sorted { $0.key < $1.key }.map(\.value)
        var valid: [(cost: Int, names: [String], models: Set<String>)] = []
        func visit(_ index: Int, _ chosen: [SelectionItem]) {
            guard index == byModel.count else {
                visit(index + 1, chosen)
                for item in byModel[index] { visit(index + 1, chosen + [item]) }
                return
            }
            guard problem.isValid(chosen) else { return }
            valid.append((chosen.map { CoverIndex.micro($0.cost) }.reduce(0, +), chosen.map(\.name).sorted(),
                          Set(chosen.map(\.modelID))))
        }
        visit(0, [])
        return valid
    }

    /// The best of `combinations` (`forcing`: only those with the model).
    static func best(_ combinations: [(cost: Int, names: [String], models: Set<String>)],
                     forcing: String? = nil) -> (cost: Int, names: [String])? {
        var best: (cost: Int, names: [String])?
        for combination in combinations where forcing.map(combination.models.contains) ?? true {
            if let current = best {
                if combination.cost > current.cost { continue }
                if combination.cost == current.cost, !ComponentSearch.precedesByName(combination.names, current.names) { continue }
            }
            best = (combination.cost, combination.names)
        }
        return best
    }

    @Test(arguments: Array(UInt64(1)...40))
    func searchAgreesWithExhaustiveEnumeration(_ seed: UInt64) throws {
        let problem = try Self.problem(seed: seed)
        var search = ModelSearch(problem)
        let found = search.solve()
        let combinations = Self.validCombinations(problem)
        let expected = Self.best(combinations)
        #expect(found.map { CoverIndex.micro($0.cost) } == expected?.cost)
        #expect(found?.key == expected?.names, "seed \(seed)")
        if let found {
            #expect(!found.truncated)
            #expect(found.demands == problem.closure(found.items), "the solution's closure differs from the definition")
        }
        for model in Set(problem.items.map(\.modelID)).sorted() {
            let forced = search.solve(forcing: model)
            let forcedExpected = Self.best(combinations, forcing: model)
            #expect(forced?.key == forcedExpected?.names, "seed \(seed) forcing \(model)")
        }
    }

    @Test func someGeneratedProblemsHaveNoSolutionAndSomeTieOrPin() throws {
        var unsolvable = 0, pinned = 0
        for seed in UInt64(1)...40 {
            let problem = try Self.problem(seed: seed)
            if Self.validCombinations(problem).isEmpty { unsolvable += 1 }
            if !problem.pinnedMethods.isEmpty { pinned += 1 }
        }
        // The oracle test above would be weak if every problem were trivially solvable.
        #expect(unsolvable > 0 && unsolvable < 40)
        #expect(pinned > 0)
    }
}
