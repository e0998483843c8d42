import Foundation
import Testing
import TwinConfig
import TwinDiagnostics
import TwinDriver
import TwinJSON
import TwinRuntime
import TwinSpec
import TwinYAML

/// The seeded mutation fuzzer of issue 8, short enough for every `swift test`: mutants
/// of the bundled YAML documents go through the front end (a tenth of the intents on
/// through `compile` and, when it writes a twin, `run`); mutants of the generated
/// twin.json files go through the reader and the runtime's preflight (a few on through
/// a short `run` with the applications, and in long runs now and then the optimiser).
///
/// A trap kills the test process, which fails the run. To find the input, rerun with
/// `TWINC_FUZZ_DIR=some/folder`: each input is written there before it is tried, so the
/// last file is the culprit; it becomes a regression fixture in `Tests/Corpus/fuzz/`,
/// which every run replays first. `TWINC_FUZZ_ITERATIONS` and `TWINC_FUZZ_SEED` set the
/// length and the seed (docs/fuzzing.md).
@Suite(.serialized) struct FuzzSmokeTests {
    static let environment = ProcessInfo.processInfo.environment
    static var iterations: Int { Int(environment["TWINC_FUZZ_ITERATIONS"] ?? "") ?? 600 }
    static var seed: UInt64 { UInt64(environment["TWINC_FUZZ_SEED"] ?? "") ?? 8 }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let codes = Set(DiagnosticIndex.all.map(\.id))

    static func files(_ folder: String, _ suffix: String) -> [URL] {
        let url = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.path < $1.path }
    }

    /// Writes the input about to be tried where a developer asked for it.
    static func keep(_ text: String, as name: String) {
        guard let folder = environment["TWINC_FUZZ_DIR"] else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? text.write(toFile: folder + "/" + name, atomically: false, encoding: .utf8)
    }

    /// Every diagnostic is a known code, and those with a location point into `file`.
    static func expectCoded(_ diagnostics: [Diagnostic], in file: String, input: String) {
        for diagnostic in diagnostics {
            #expect(codes.contains(diagnostic.code.id), "unknown code \(diagnostic.code.id)")
            if let range = diagnostic.range {
                #expect(range.file == file, "\(diagnostic.code.id) points at \(range.file), not \(file):\n\(input.prefix(2000))")
                #expect(range.start.line >= 1 && range.start.column >= 1)
            }
        }
    }

    // MARK: YAML

    @Test func yamlMutantsGetCodedDiagnostics() throws {
        let seeds = try (Self.files("Templates", ".yaml") + Self.files("Intents", ".yaml")
            + Self.files("Generated/catalogue", ".yaml") + Self.files("Tests/TwinSpecTests/Fixtures/good", ".yaml"))
            .map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(seeds.count >= 10)
        let corpus = try Self.files("Tests/Corpus/fuzz", ".yaml").map { try String(contentsOf: $0, encoding: .utf8) }
        var mutator = Mutator(seed: Self.seed)
        var tally = (inputs: 0, accepted: 0, compiled: 0, compileRuns: 0, refused: [String: Int]())
        let compileBudget = max(4, Self.iterations / 100)
        for iteration in 0..<(corpus.count + Self.iterations) {
            let text = iteration < corpus.count ? corpus[iteration]
                : mutator.mutateYAML(mutator.pick(seeds), donor: mutator.pick(seeds))
            Self.keep(text, as: "current.yaml")
            tally.inputs += 1
            let parsed = parseYAML(text: text, file: "fuzz.yaml")
            Self.expectCoded(parsed.diagnostics, in: "fuzz.yaml", input: text)
            guard let document = parsed.document else { continue }
            let (typed, found, _) = readDocument(document, cap: DiagnosticCap())
            Self.expectCoded(found, in: "fuzz.yaml", input: text)
            guard let typed else {
                for code in Set(found.map(\.code.id)) { tally.refused[code, default: 0] += 1 }
                continue
            }
            tally.accepted += 1
            if case .intent = typed, tally.compileRuns < compileBudget {
                tally.compileRuns += 1
                if try compileAndRun(intent: text) { tally.compiled += 1 }
            }
        }
        print("fuzz yaml: \(tally.inputs) inputs (\(corpus.count) corpus), \(tally.accepted) read cleanly, "
              + "\(tally.compileRuns) compiled (\(tally.compiled) written and run); refusals \(tally.refused.sorted { $0.key < $1.key })")
        #expect(tally.accepted > 0 && tally.refused.count > 5, "the mutants should both pass and fail")
    }

    /// A mutated intent against the demo use case: compile refuses only at the YAML and
    /// only for reasons of design (never TP013), and a twin it writes runs.
    private func compileAndRun(intent: String) throws -> Bool {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Intents"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        for template in Self.files("Templates", ".yaml") {
            try FileManager.default.copyItem(at: template, to: folder.appendingPathComponent("Templates/\(template.lastPathComponent)"))
        }
        let path = folder.appendingPathComponent("Intents/fuzz.yaml").path
        try intent.write(toFile: path, atomically: true, encoding: .utf8)
        let result = compileIntents(paths: [path])
        for error in result.diagnostics where error.severity == .error {
            #expect(error.code.id != "TP013", "validate accepted what run would refuse: \(error.message)\n\(intent)")
            #expect(error.range == nil || error.range!.file.hasPrefix(folder.path), "\(error.code.id) outside the YAML")
        }
        guard let twin = result.twins.first, let text = twin.files.files["twin.json"] else { return false }
        let read = TwinConfig.read(text: text, file: "twin.json")
        #expect(read.diagnostics.isEmpty, "run's reader refused a compiled twin: \(read.diagnostics.map(\.message))")
        return read.config != nil
    }

    // MARK: twin.json

    @Test func twinMutantsAreReadOrRefusedWithCodes() throws {
        let seeds = try Self.files("Generated", "twin.json").map { try JSONParser.parse(String(contentsOf: $0, encoding: .utf8)).get().value }
        #expect(seeds.count >= 3)
        let paths = seeds.map { Mutator.paths($0) }
        let corpus = try Self.files("Tests/Corpus/fuzz", ".json").map { try String(contentsOf: $0, encoding: .utf8) }
        var mutator = Mutator(seed: Self.seed &+ 1)
        let iterations = max(1, Self.iterations / 4)
        var tally = (inputs: 0, accepted: 0, preflightRefused: 0, runs: 0, refused: [String: Int]())
        let runBudget = Int(Self.environment["TWINC_FUZZ_RUNS"] ?? "") ?? max(3, iterations / 40)
        for iteration in 0..<(corpus.count + iterations) {
            let text: String
            if iteration < corpus.count {
                text = corpus[iteration]
            } else {
                let index = mutator.integer(seeds.count)
                text = JSONWriter.canonical.string(mutator.mutateJSON(seeds[index], paths: paths[index]))
            }
            Self.keep(text, as: "current.json")
            tally.inputs += 1
            let read = TwinConfig.read(text: text, file: "twin.json")
            Self.expectCoded(read.diagnostics, in: "twin.json", input: text)
            guard let config = read.config else {
                for code in Set(read.diagnostics.map(\.code.id)) { tally.refused[code, default: 0] += 1 }
                continue
            }
            tally.accepted += 1
            do throws(SimulationError) {
                try preflight(config: config)
            } catch {
                tally.preflightRefused += 1
                continue
            }
            if tally.runs < runBudget, iteration % 5 == 0 {
                tally.runs += 1
                try run(text, optimise: Self.iterations > 1_000 && tally.runs % 5 == 0)
            }
        }
        print("fuzz twin.json: \(tally.inputs) inputs (\(corpus.count) corpus), \(tally.accepted) read cleanly, "
              + "\(tally.preflightRefused) refused by the preflight, \(tally.runs) run; refusals \(tally.refused.sorted { $0.key < $1.key })")
        #expect(tally.refused.count > 3, "the mutants should be refused for several reasons")
    }

    /// `twinc run` on an accepted mutant: it runs, or stops with a coded diagnostic
    /// (exit 65), never as an internal error.
    private func run(_ text: String, optimise: Bool) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-fuzz-\(ProcessInfo.processInfo.processIdentifier).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try text.write(to: url, atomically: true, encoding: .utf8)
        var options = RunTwinOptions(overrides: RunOverrides(horizon: .seconds(0.5), replications: 1))
        options.optimise = optimise
        let result = runTwinFile(path: url.path, options: options)
        #expect(result.exitStatus == .success || result.exitStatus == .dataError,
                "run ended with \(result.exitStatus): \(result.diagnostics.map(\.message))")
        Self.expectCoded(result.diagnostics, in: url.path, input: text)
    }
}
