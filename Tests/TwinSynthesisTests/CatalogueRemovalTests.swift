import Testing
import TwinDiagnostics
import TwinSpec
@testable import TwinSynthesis

/// Removing a model from the catalogue can only take options away: the plan either
/// becomes impossible (an error, no plan) or costs at least as much as before. Checked
/// for every built-in model on every bundled intent, on the selection (the plan's cost
/// does not depend on the explanation or the feasibility bounds).
@Suite struct CatalogueRemovalTests {
    @Test(arguments: BundledSelectionTests.pairs)
    func removingAnyModelNeverMakesThePlanCheaper(_ pair: (String, String)) throws {
        let (intent, useCase) = try BundledSelectionTests.documents(pair)
        let catalogue = SynthesisCatalogue.builtIn()
        let full = Selection(intent: intent, useCase: useCase, catalogue: catalogue)
        let original = try #require(full.totalCost)
        var stillPlanned = 0
        for model in catalogue.models.map(\.id.value) {
            let reduced = Selection(intent: intent, useCase: useCase, catalogue: catalogue.removing(model))
            guard !reduced.diagnostics.hasErrors, let cost = reduced.totalCost, let solution = reduced.solution else { continue }
            stillPlanned += 1
            #expect(cost >= original - 1e-9, "without \(model) the plan costs \(cost) < \(original)")
            #expect(!solution.items.contains { $0.modelID == model })
            if !(full.solution?.items.contains { $0.modelID == model } ?? false) {
                #expect(abs(cost - original) < 1e-9, "removing unused \(model) changed the cost")
            }
        }
        #expect(stillPlanned > 0)
    }
}
