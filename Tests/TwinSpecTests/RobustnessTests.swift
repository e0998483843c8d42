import Foundation
import Testing
import TwinDiagnostics
@testable import TwinSpec

/// Bad input never traps: every bundled file with any one line removed, or with any
/// one value replaced by a list, still reads to a result whose every error carries a
/// code and a location in that file.
@Suite struct RobustnessTests {
    static let files = Support.bundledFiles("Templates") + Support.bundledFiles("Intents")
        + Fixture.all("good").map(\.url)

    @Test(arguments: files)
    func mangledDocumentsGiveLocatedDiagnostics(_ url: URL) throws {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var variants: [String] = []
        for i in lines.indices {
            var dropped = lines
            dropped.remove(at: i)
            variants.append(dropped.joined(separator: "\n"))
            if let colon = lines[i].firstIndex(of: ":"), !lines[i].hasPrefix("#") {
                var replaced = lines
                replaced[i] = lines[i][...colon] + " [1, {a: b}]"
                variants.append(replaced.joined(separator: "\n"))
            }
        }
        var withErrors = 0
        for text in variants {
            let outcome = Support.read(text, file: "m.yaml")
            if outcome.diagnostics.hasErrors { withErrors += 1 }
            for d in outcome.diagnostics {
                #expect(d.range?.file == "m.yaml", "\(d.code.id) \(d.message)")
            }
            if outcome.diagnostics.hasErrors { #expect(outcome.document == nil) }
        }
        #expect(withErrors > variants.count / 3)
    }
}
