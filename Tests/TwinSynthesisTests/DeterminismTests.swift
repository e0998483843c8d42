import Testing
import TwinDiagnostics
import TwinSpec
@testable import TwinSynthesis

/// Same inputs, same plan: synthesising twice, or with the catalogue's entries and the
/// use case's devices and gateways in another (seeded) order, gives identical results.
@Suite struct DeterminismTests {
    static let pairs = BundledSelectionTests.pairs

    @Test(arguments: pairs)
    func synthesisingTwiceGivesTheSameResult(_ pair: (String, String)) throws {
        let (intent, useCase) = try BundledSelectionTests.documents(pair)
        let first = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let second = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        #expect(first.plan == second.plan)
        #expect(first.diagnostics == second.diagnostics)
    }

    @Test(arguments: pairs, [UInt64(1), 2718])
    func orderOfEntriesDoesNotMatter(_ pair: (String, String), _ seed: UInt64) throws {
        let (intent, useCase) = try BundledSelectionTests.documents(pair)
        let original = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        var generator = SeededGenerator(seed: seed)
        var catalogues = BuiltinCatalogue.load().catalogues
        for index in catalogues.indices { catalogues[index].entries.shuffle(using: &generator) }
        catalogues.shuffle(using: &generator)
        var shuffledUseCase = useCase
        shuffledUseCase.network.devices.shuffle(using: &generator)
        shuffledUseCase.network.gateways.shuffle(using: &generator)
        let shuffled = synthesise(intent: intent, useCase: shuffledUseCase, catalogue: SynthesisCatalogue(catalogues))
        // The plan carries the resolved network, which keeps the use case as written (its
        // devices in the shuffled order); the decisions and the resolved devices must agree.
        let originalPlan = try #require(original.plan)
        var shuffledPlan = try #require(shuffled.plan)
        #expect(shuffledPlan.network.devices.map(\.id) == originalPlan.network.devices.map(\.id))
        #expect(shuffledPlan.network.devices.map(\.traffic) == originalPlan.network.devices.map(\.traffic))
        shuffledPlan.network = originalPlan.network
        #expect(shuffledPlan == originalPlan)
        #expect(shuffled.diagnostics == original.diagnostics)
    }

    @Test func theSearchIsExactOnItsOwnAnswerWhenItemsArriveInAnotherOrder() throws {
        let (intent, useCase) = try BundledSelectionTests.documents(("field-triage", "first-responder"))
        let selection = Selection(intent: intent, useCase: useCase, catalogue: .builtIn())
        var generator = SeededGenerator(seed: 42)
        let problem = selection.problem
        let reordered = SelectionProblem(
            root: problem.root, items: problem.items.shuffled(using: &generator), links: problem.links,
            devices: problem.devices, scopeLinks: problem.scopeLinks, pinnedMethods: problem.pinnedMethods)
        let a = try #require(ModelSearch.solve(problem)), b = try #require(ModelSearch.solve(reordered))
        #expect(a.key == b.key && a.cost == b.cost && a.demands == b.demands)
    }
}
