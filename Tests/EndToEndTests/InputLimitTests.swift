import Foundation
import Testing
@testable import TwinDriver
import TwinConfig
import TwinDiagnostics
import TwinSpec

/// Issue 8: bounded work and messages that say what is wrong, for inputs too big or
/// too broken to be worth every diagnostic: the per-file cap with its "and M more"
/// line, the file-size limit (not the alias-bomb message), long values elided, and
/// excerpts that follow libyaml's line breaks.
@Suite struct InputLimitTests {
    static func temporary(_ name: String, _ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-limits-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aFileOfErrorsPrintsAtMostTheCapAndCountsTheRest() throws {
        let url = try Self.temporary("repeated.yaml", "twin: 1\nkind: usecase\n" + String(repeating: "a: 1\n", count: 2_000))
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["validate", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.components(separatedBy: "error[TY003]").count - 1 == 100)
        #expect(result.stderr.contains("note[TC007]: \(url.path): and 1,899 more errors not shown (at most 100 diagnostics a file;"),
                "\(result.stderr.suffix(400))")
        #expect(result.stderr.hasSuffix("1999 errors generated.\n"))
        #expect(result.stdout.hasSuffix(": 1999 errors\n"))

        let five = try Twinc.run(["validate", "--max-diagnostics", "5", url.path])
        #expect(five.stderr.components(separatedBy: "error[TY003]").count - 1 == 5)
        #expect(five.stderr.contains("and 1,994 more errors not shown (at most 5 diagnostics a file;"))

        let json = try Twinc.run(["validate", "--format", "json", url.path])
        #expect(json.stdout.contains("\"errors\": 1999"), "\(json.stdout.suffix(300))")
        #expect(try Twinc.run(["validate", "--max-diagnostics", "0", url.path]).status == 64)
    }

    /// A list whose entries are all broken: once the cap holds errors, the rest of the
    /// list is counted as unchecked rather than read (the file is refused either way).
    @Test func aListOfBrokenEntriesStopsBeingCheckedAtTheCap() throws {
        var text = try HostileCase.read(HostileCase.template)
        let broken = (0..<300).map { "    - {id: D\($0), class: smartwatch, placement: wrist, priority: 9}\n" }.joined()
        text = HostileCase.replacing("  devices:\n", with: "  devices:\n" + broken, in: text)
        let url = try Self.temporary("broken-list.yaml", text)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["validate", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.components(separatedBy: ": error[").count - 1 == 100)
        #expect(result.stderr.contains("list entries were not checked (at most 100 diagnostics a file;"),
                "\(result.stderr.suffix(400))")
    }

    @Test func aFileBeyondTheSizeLimitIsRefusedAsTooLarge() throws {
        let line = "# " + String(repeating: "x", count: 98) + "\n"
        let url = try Self.temporary("huge.yaml", String(repeating: line, count: SourceLoader.maximumFileBytes / 100 + 1))
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["validate", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error[TC006]: \(url.path) is 10 MB; twinc reads files of at most 10 MB"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("TY006"))
    }

    @Test func aLongIdentifierIsRefusedAndElided() throws {
        let id = String(repeating: "a", count: 200_000)
        let text = try HostileCase.replacing("name: proactive-qa", with: "name: \(id)", in: HostileCase.read(HostileCase.template))
        let url = try Self.temporary("long-id.yaml", text)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try Twinc.run(["validate", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(":8:7: error[TS017]: `name` is 200000 characters long; an identifier has at most 64"),
                "\(result.stderr.prefix(500))")
        #expect(result.stderr.utf8.count < 2_000, "the id must not be echoed whole")
    }

    @Test func elisionKeepsHeadAndTailOfLongValues() {
        let value = String(repeating: "b", count: 1_000)
        let diagnostic = Diagnostic.error(SpecDiagnostics.unknownReference, "unknown use case `\(value)`", at: nil)
        #expect(diagnostic.message == "unknown use case `\(String(repeating: "b", count: 40))…\(String(repeating: "b", count: 20))` (1,000 characters)")
        let short = Diagnostic.error(SpecDiagnostics.unknownReference, "unknown use case `ward`", at: nil)
        #expect(short.message == "unknown use case `ward`")
    }

    /// libyaml counts CR, CR LF, NEL, U+2028 and U+2029 as line breaks; the excerpt
    /// under `file:4:1` must be the fourth line as libyaml counted it.
    @Test func excerptsFollowLibyamlsLineBreaks() throws {
        for (name, lineBreak) in [("cr", "\r"), ("crlf", "\r\n"), ("nel", "\u{85}"), ("ls", "\u{2028}"), ("ps", "\u{2029}")] {
            let text = ["twin: 1", "kind: usecase", "name: x", "bad-key: 1", ""].joined(separator: lineBreak)
            let url = try Self.temporary("breaks-\(name).yaml", text)
            defer { try? FileManager.default.removeItem(at: url) }
            let result = try Twinc.run(["validate", url.path])
            #expect(result.stderr.contains("\(url.path):4:1: error[TS008]: unknown key `bad-key` in use case\n   4 | bad-key: 1\n"),
                    "\(name): \(result.stderr.prefix(300))")
        }
    }

    /// Compile time stays near-linear in catalogue size: of 150 competing models, only the
    /// 64 cheapest are priced by re-solving the selection with them forced in; the rest
    /// say so. (Timing is `twinc bench --only limits`' business.)
    @Test func onlyTheCheapestRejectedAlternativesAreRepriced() throws {
        let url = try Self.temporary("catalogue.yaml", LargeCatalogue.make(entries: 150))
        defer { try? FileManager.default.removeItem(at: url) }
        let result = compileIntents(paths: [HostileCase.intent], options: CompileOptions(catalogues: [url.path]))
        let plan = try #require(result.twins.first?.plan, "\(result.diagnostics.map(\.message))")
        func priced(_ reason: String) -> Bool {
            reason.contains("the cheapest plan using it costs") || reason.contains("no complete plan includes it")
        }
        let bench = plan.rejected.filter { $0.id.hasPrefix("bench-model-") }
        #expect(bench.count == 150)
        #expect(plan.rejected.filter { priced($0.reason) }.count == 64, "built-in and catalogue models together")
        let notPriced = bench.filter { $0.reason.contains("not re-priced: only the 64 cheapest alternatives are") }
        #expect(notPriced.count + bench.filter { priced($0.reason) }.count == 150)
        #expect(notPriced.count >= 80)
    }

    /// TP013 is the net under the ranges: a twin `run` would refuse is reported at the
    /// YAML it came from. The front end leaves it nothing to find (the property test
    /// keeps it so), so the refusal is made by hand here: a device's radio bent out of
    /// range after synthesis.
    @Test func aCompiledTwinRunWouldRefuseIsReportedAtTheYAML() throws {
        let compiled = compileIntents(paths: [HostileCase.intent])
        let twin = try #require(compiled.twins.first, "\(compiled.diagnostics)")
        var config = twin.config
        config.network.devices[1].radio.wakeupTime = .seconds(10)
        let front = runFrontEnd(paths: [HostileCase.intent])
        let intent = try #require(front.documents.compactMap { if case .intent(let i) = $0 { i } else { nil } }.first)
        let useCase = try #require(front.documents.compactMap { if case .usecase(let u) = $0 { u } else { nil } }.first)
        let refusals = CompiledTwinAdmission.diagnostics(config: config, twinJSON: config.canonicalJSON(),
                                                         useCase: useCase, intent: intent)
        let refusal = try #require(refusals.first)
        #expect(refusals.count == 1)
        #expect(refusal.code.id == "TP013")
        #expect(refusal.message.contains("`network.devices[1].radio.wakeupTime_s` is 10 s; it must be between 0 s and 1 s"),
                "\(refusal.message)")
        let device = try #require(useCase.network.devices.first { $0.id.value == config.network.devices[1].id })
        #expect(refusal.range == device.id.range)
    }
}
