import Testing
import TwinDiagnostics
import TwinSpec
@testable import TwinSynthesis
import TwinTestSupport

/// The exact selection on the bundled intents: the search finishes within its budget,
/// its answer satisfies the plain definition on `SelectionProblem`, and the plan explains
/// every choice and every rejection.
@Suite struct BundledSelectionTests {
    static let pairs = BundledDocuments.pairs

    static func documents(_ pair: (String, String)) throws -> (Intent, UseCase) {
        try BundledDocuments.documents(pair)
    }

    @Test(arguments: pairs)
    func selectionIsExactAndValid(_ pair: (String, String)) throws {
        let (intent, useCase) = try Self.documents(pair)
        let selection = Selection(intent: intent, useCase: useCase, catalogue: .builtIn())
        #expect(selection.diagnostics.isEmpty, "\(describe(selection.diagnostics))")
        let solution = try #require(selection.solution)
        #expect(!solution.truncated, "the search ran out of budget")
        #expect(selection.problem.isValid(solution.items), "the solution breaks the definition on SelectionProblem")
        #expect(Set(solution.items.map(\.modelID)).count == solution.items.count, "one method per model")
        for key in selection.problem.root.keys {
            #expect(solution.items.contains { selection.problem.covers($0, key) }, "\(key) is not covered")
        }
    }

    @Test(arguments: pairs)
    func planExplainsEveryChoiceAndRejection(_ pair: (String, String)) throws {
        let (intent, useCase) = try Self.documents(pair)
        let catalogue = SynthesisCatalogue.builtIn()
        let result = synthesise(intent: intent, useCase: useCase, catalogue: catalogue)
        let selectionCodes = ["TP001", "TP002", "TP003", "TP004"]
        #expect(!result.diagnostics.contains { selectionCodes.contains($0.code.id) }, "\(describe(result.diagnostics))")
        guard let plan = result.plan else {
            // Only an analytic bound may withhold a bundled plan (see the feasibility tests).
            #expect(result.diagnostics.contains { $0.severity == .error && $0.code.id >= "TP005" })
            return
        }
        #expect(plan.exact)
        #expect(abs(plan.totalCost - (plan.models.map(\.cost) + plan.applications.map(\.cost)).reduce(0, +)) < 1e-9)
        for model in plan.models {
            #expect(!model.rationale.isEmpty && !model.devices.isEmpty, "\(model.id) is not explained")
            #expect(!model.goals.isEmpty || !model.applications.isEmpty, "\(model.id) serves nothing")
        }
        // Every goal some model serves is named by a model that covers its demands.
        for monitor in plan.monitors {
            #expect(plan.models.contains { $0.goals.contains(monitor.goal) }, "no model names goal \(monitor.goal)")
        }
        let chosen = Set(plan.models.map(\.id)), used = Set(plan.models.map(\.method))
        let rejected = Set(plan.rejected.map(\.id))
        for model in catalogue.models where !chosen.contains(model.id.value) {
            #expect(rejected.contains(model.id.value), "\(model.id.value) is neither chosen nor rejected")
        }
        for method in catalogue.methods where !used.contains(method.id.value) {
            #expect(rejected.contains(method.id.value), "\(method.id.value) is neither used nor rejected")
        }
        #expect(plan.rejected.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func criticalGoalsGetPacketLevelModels() throws {
        let (intent, useCase) = try Self.documents(("icu-monitoring", "proactive-qa"))
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        // ecg-delivery is critical: the channel model that serves it runs at packet level.
        let channel = try #require(plan.models.first { $0.family == .channel && $0.goals.contains("ecg-delivery") })
        #expect(channel.fidelity == .packet)
        #expect(channel.devices.contains("ecg"))
        // Rejected alternatives that could serve say what the cheapest plan with them costs.
        #expect(plan.rejected.contains { $0.reason.contains("the cheapest plan using it costs") })
    }

    @Test func aPinnedModelInvalidForEveryDeviceIsRejectedAtThePin() throws {
        let fixture = try #require(SynthesisFixture.all().first { $0.name.hasPrefix("TP003") })
        let (intent, useCase) = try fixture.documents()
        let pin = try #require(useCase.applications.first?.models.first)
        let result = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let error = try #require(result.diagnostics.first { $0.code == SynthesisDiagnostics.invalidPinnedModel })
        #expect(error.range == pin.range)
        #expect(error.message.contains("`ieee802156-cm2-implant`") && error.message.contains("valid for none"))
        #expect(error.notes.contains { $0.message.contains("mics-402") })
        #expect(result.plan == nil)
    }
}
