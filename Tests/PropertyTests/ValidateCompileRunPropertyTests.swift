import Foundation
import Testing
import TwinConfig
import TwinDiagnostics
import TwinDriver
import TwinRuntime
import TwinUnits

/// The property issue 8 asks to keep true: whatever `validate` accepts, `compile`
/// either compiles or refuses at the YAML the user wrote for a reason of design
/// (a TP diagnostic: an infeasible goal, a crowded hub, a too-fast device), never with
/// a trap and never with TP013 (a twin the runtime would refuse); and whatever `compile`
/// writes, `run` reads and starts.
///
/// The documents come from `DocumentGenerator`, seeded, with every number drawn from
/// `DeclaredRanges`, many at a range's bound; seeds 1 and 2 put every number at its
/// lower and upper bound. `TWINC_PROPERTY_CASES` sets how many (default 24: seconds in a
/// debug build); `run` simulates one replication of one second per twin.
@Suite(.serialized) struct ValidateCompileRunPropertyTests {
    static var cases: Int { Int(ProcessInfo.processInfo.environment["TWINC_PROPERTY_CASES"] ?? "") ?? 24 }

    struct Tally: CustomStringConvertible {
        var generated = 0, validated = 0, compiled = 0, ran = 0, designRefusals = 0
        var invalidCodes: [String: Int] = [:]
        var refusalCodes: [String: Int] = [:]
        var bounds = 0, draws = 0
        var rangesDrawn: Set<String> = [], boundsDrawn: Set<String> = []

        var description: String {
            "\(generated) generated, \(validated) validate-clean, \(compiled) compiled, \(ran) run-accepted, "
                + "\(designRefusals) refused by design checks \(refusalCodes.sorted { $0.key < $1.key }); "
                + "validate errors \(invalidCodes.sorted { $0.key < $1.key }); \(bounds) of \(draws) numbers at a bound, "
                + "\(boundsDrawn.count) bounds of \(rangesDrawn.count) declared ranges drawn"
        }
    }

    @Test func validateCleanImpliesCompileCleanImpliesRunAccepts() throws {
        let facts = DocumentGenerator.Facts.builtIn()
        #expect(facts.classes.count >= 5 && facts.radios.count >= 5, "the built-in catalogue should offer classes and radios")
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-property-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var tally = Tally()
        for seed in 1...UInt64(Self.cases) {
            try check(seed: seed, facts: facts, folder: folder.appendingPathComponent("\(seed)"), tally: &tally)
        }
        print("property: \(tally)")
        if ProcessInfo.processInfo.environment["TWINC_PROPERTY_VERBOSE"] != nil {
            print("bounds never drawn: \(tally.rangesDrawn.flatMap { ["\($0) lower", "\($0) upper"] }.filter { !tally.boundsDrawn.contains($0) }.sorted())")
        }
        // Not vacuous: most generated documents are valid, and a fair share compile and run.
        #expect(tally.validated * 2 >= tally.generated, "\(tally)")
        #expect(tally.compiled * 4 >= tally.validated, "\(tally)")
        #expect(tally.ran == tally.compiled, "\(tally)")
        #expect(tally.bounds * 8 >= tally.draws, "range bounds should be well represented: \(tally)")
        // Seeds 1 and 2 put every number at its range's lower and upper bound: both
        // bounds of nearly every range are drawn (a few are narrowed by the catalogue, as a
        // TX power by its radio's range).
        let missing = tally.rangesDrawn.flatMap { ["\($0) lower", "\($0) upper"] }.filter { !tally.boundsDrawn.contains($0) }
        #expect(tally.boundsDrawn.count * 2 >= tally.rangesDrawn.count * 3, "\(tally); bounds never drawn: \(missing.sorted())")
    }

    private func check(seed: UInt64, facts: DocumentGenerator.Facts, folder: URL, tally: inout Tally) throws {
        var generator = DocumentGenerator(seed: seed, facts: facts)
        // Seeds 1 and 2: every number at its lower, then its upper bound; then documents
        // alternately rich and poor in
        // bounds, so feasible designs and hostile ones both come through.
        generator.values.extremeShare = seed <= 2 ? 1 : (seed.isMultiple(of: 2) ? 0.3 : 0.05)
        generator.values.extremeSide = seed <= 2 ? seed == 2 : nil
        let useCase = generator.useCase(name: "generated-\(seed)")
        let intent = generator.intent(name: "intent-\(seed)", useCase: "generated-\(seed)")
        tally.bounds += generator.values.extremes
        tally.draws += generator.values.draws
        tally.rangesDrawn.formUnion(generator.values.rangesDrawn)
        tally.boundsDrawn.formUnion(generator.values.boundsDrawn)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Intents"), withIntermediateDirectories: true)
        let useCasePath = folder.appendingPathComponent("Templates/generated-\(seed).yaml")
        let intentPath = folder.appendingPathComponent("Intents/intent-\(seed).yaml")
        try useCase.write(to: useCasePath, atomically: true, encoding: .utf8)
        try intent.write(to: intentPath, atomically: true, encoding: .utf8)
        tally.generated += 1
        let documents = "seed \(seed):\n\(useCase)\n\(intent)"

        let front = runFrontEnd(paths: [intentPath.path])
        guard front.exitStatus == .success else {
            for code in Set(front.diagnostics.filter { $0.severity == .error }.map(\.code.id)) { tally.invalidCodes[code, default: 0] += 1 }
            if ProcessInfo.processInfo.environment["TWINC_PROPERTY_VERBOSE"] != nil {
                print("seed \(seed) invalid: \(front.diagnostics.map { "\($0.code.id) \($0.message)" })")
            }
            return
        }
        tally.validated += 1

        let compiled = compileIntents(paths: [intentPath.path])
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        if let twin = compiled.twins.first {
            #expect(errors.isEmpty)
            tally.compiled += 1
            try expectRunAccepts(twin.files.files["twin.json"] ?? "", folder: folder, documents: documents)
            tally.ran += 1
            return
        }
        #expect(!errors.isEmpty, "compile wrote nothing and said nothing: \(documents)")
        tally.designRefusals += 1
        for error in errors {
            tally.refusalCodes[error.code.id, default: 0] += 1
            #expect(error.code.id.hasPrefix("TP") && error.code.id != "TP013",
                    "validate accepted what compile refused with \(error.code.id) \(error.message)\n\(documents)")
            let file = error.range?.file ?? ""
            #expect(file == useCasePath.path || file == intentPath.path,
                    "\(error.code.id) must point at the YAML the user wrote, not at \(file)")
        }
    }

    /// `run` reads the twin.json compile wrote and starts it: one replication of one
    /// second per scenario, no search, as `twinc run --horizon 1s --replications 1
    /// --no-optimise` would.
    private func expectRunAccepts(_ text: String, folder: URL, documents: String) throws {
        let read = TwinConfig.read(text: text, file: "twin.json")
        #expect(read.diagnostics.isEmpty, "run's reader refused a compiled twin: \(read.diagnostics.map(\.message))\n\(documents)")
        let config = try #require(read.config)
        do throws(SimulationError) {
            try preflight(config: config)
        } catch {
            Issue.record("run's preflight refused a compiled twin: \(error)\n\(documents)")
        }
        let url = folder.appendingPathComponent("twin.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        var options = RunTwinOptions(overrides: RunOverrides(horizon: .seconds(1), replications: 1))
        options.optimise = false
        let run = runTwinFile(path: url.path, options: options)
        #expect(run.exitStatus == .success, "run refused a compiled twin: \(run.diagnostics.map(\.message))\n\(documents)")
    }
}
