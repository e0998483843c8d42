import Foundation
import Testing
import TwinDiagnostics
import TwinSpec
import TwinSynthesis

/// One fixture (at least) per synthesis code: each intent, with its use case and the
/// built-in catalogue, yields exactly the TP diagnostics its header lists, at the
/// expected file, line and column, and nothing else from this stage.
@Suite struct SynthesisDiagnosticFixtureTests {
    static let fixtures = SynthesisFixture.all()

    @Test func everySynthesisCodeHasAFixture() {
        let covered = Set(Self.fixtures.flatMap { $0.expected.map(\.code) })
        // TP012 and TP013 judge the twin built from the plan (the driver's compile), so
        // EndToEndTests/InputLimitTests cover them, not `synthesise` fixtures.
        let builtTwinCodes = [SynthesisDiagnostics.eventBudget, SynthesisDiagnostics.runtimeRefusal]
        for code in SynthesisDiagnostics.all where !builtTwinCodes.contains(code) {
            #expect(covered.contains(code.id), "no fixture in Fixtures/intents expects \(code.id)")
        }
    }

    @Test(arguments: fixtures)
    func reportsExactlyTheExpectedDiagnostics(_ fixture: SynthesisFixture) throws {
        let (intent, useCase, earlier) = try fixture.checkedDocuments()
        #expect(!earlier.hasErrors, "the fixture itself is invalid:\n\(describe(earlier))")
        let result = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let actual = result.diagnostics.compactMap(SynthesisFixture.Expectation.init).sorted()
        #expect(actual == fixture.expected, "\(describe(result.diagnostics))")
        #expect(result.diagnostics.allSatisfy { $0.code.id.hasPrefix("TP") })
        #expect((result.plan == nil) == fixture.expected.contains { $0.severity == .error },
                "a plan is withheld exactly when an error was found")
    }

    @Test func everyCodeHasATitleAndAnExplanation() {
        let ids = SynthesisDiagnostics.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == (1...15).map { String(format: "TP%03d", $0) })
        for code in SynthesisDiagnostics.all {
            #expect(!code.title.isEmpty)
            #expect(code.explanation.count > 80, "\(code.id)'s explanation is too short for `twinc explain`")
        }
    }
}
