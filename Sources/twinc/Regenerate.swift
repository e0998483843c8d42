import ArgumentParser
import TwinDriver

/// `twinc regenerate [--check]`: rebuilds `Generated/` from `Templates/` and `Intents/`
/// of twinc's own repository (a user's repository compiles its intents with `twinc
/// compile` and checks them with `twinc validate`).
/// With `--check` nothing is written; the command lists stale files and exits 1, which
/// is how CI proves the checked-in output matches its sources.
struct Regenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Rebuild Generated/ (schemas, built-in catalogue, compiled bundled intents).")

    @Option(help: "Folder of use-case templates.", completion: .directory)
    var templates = "Templates"

    @Option(help: "Folder of intents.", completion: .directory)
    var intents = "Intents"

    @Option(help: "Output folder.", completion: .directory)
    var out = "Generated"

    @Flag(help: "Only compare; exit 1 and list the stale files when Generated/ is out of date.")
    var check = false

    func run() throws {
        if let problem = regenerateFolderProblem(templates: templates, intents: intents) {
            writeStandardError("Error: \(problem)\n")
            try endCommand(with: .noInput)
        }
        let result = regenerate(templates: templates, intents: intents)
        DiagnosticOutput(format: .text, rules: []).emit(result.diagnostics, sources: result.sources)
        guard !result.diagnostics.hasErrors else { try endCommand(with: .dataError); return }
        if check {
            let stale = result.tree.differences(from: out)
            if stale.isEmpty {
                print("twinc: \(out)/ is up to date (\(result.tree.files.count) files)")
                return
            }
            for path in stale { print("stale: \(out)/\(path)") }
            print("twinc: \(stale.count) file\(stale.count == 1 ? "" : "s") in \(out)/ differ; run `swift run twinc regenerate` and commit the result")
            throw ExitCode(1)
        }
        let problems = result.tree.write(to: out)
        DiagnosticOutput(format: .text, rules: []).emit(problems, sources: result.sources)
        try endCommand(with: .forDiagnostics(problems))
        print("twinc: wrote \(result.tree.files.count) files to \(out)/")
    }
}
