import Foundation
import Testing
import TwinDiagnostics
@testable import TwinSpec

/// One bad fixture (at least) per code: each reports exactly the diagnostics its
/// `# expect:` lines list, with code, line and column, and nothing else.
@Suite struct DiagnosticFixtureTests {
    static let bad = Fixture.all("bad")

    @Test func everySpecCodeHasABadFixture() {
        let covered = Set(Self.bad.flatMap { $0.expected.map(\.code) })
        for code in SpecDiagnostics.all {
            #expect(covered.contains(code.id), "no fixture in Fixtures/bad expects \(code.id)")
        }
        #expect(Self.bad.count >= SpecDiagnostics.all.count)
    }

    @Test(arguments: bad)
    func reportsExactlyTheExpectedDiagnostics(_ fixture: Fixture) throws {
        let outcome = try Support.read(file: fixture.url)
        var diagnostics = outcome.diagnostics
        if fixture.isWorkspaceStage {
            #expect(!outcome.diagnostics.hasErrors, "\(Support.describe(outcome.diagnostics))")
            let context = try Fixture.workspaceContext()
            let document = try #require(outcome.document)
            diagnostics = checkWorkspace(context.documents + [document], builtIn: context.builtIn)
        }
        let actual = diagnostics.compactMap(Fixture.Expectation.init).sorted()
        #expect(actual == fixture.expected, "\(Support.describe(diagnostics))")
        #expect(diagnostics.allSatisfy { $0.range?.file == fixture.url.lastPathComponent })
        if !fixture.isWorkspaceStage, fixture.expected.contains(where: { $0.severity == .error }) {
            #expect(outcome.document == nil, "a document with errors must be withheld")
        }
    }

    @Test(arguments: Fixture.all("good") + Fixture.all("builtin"))
    func goodFixturesReadCleanly(_ fixture: Fixture) throws {
        let outcome = try Support.read(file: fixture.url)
        #expect(outcome.diagnostics.isEmpty, "\(Support.describe(outcome.diagnostics))")
        #expect(outcome.document?.kind == fixture.kind)
    }

    @Test func goodFixturesFormAConsistentWorkspace() throws {
        let context = try Fixture.workspaceContext()
        #expect(context.documents.count == 3)
        let diagnostics = checkWorkspace(context.documents, builtIn: context.builtIn)
        #expect(diagnostics.isEmpty, "\(Support.describe(diagnostics))")
    }

    @Test func everyCodeHasATitleAndAnExplanation() {
        let ids = SpecDiagnostics.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for code in SpecDiagnostics.all {
            #expect(code.id.hasPrefix("TS") || code.id.hasPrefix("TU"))
            #expect(!code.title.isEmpty)
            #expect(code.explanation.count > 80, "\(code.id)'s explanation is too short for `twinc explain`")
        }
    }
}
