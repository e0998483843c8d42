import ArgumentParser
import TwinDriver

/// `twinc compile INTENT... [--out DIR]`: intent → plan → twin.json, design.md, twin.dot.
/// Each twin is written to `DIR/<intent>/` all at once or not at all.
struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile intents into ready-to-run twins (twin.json, design.md, twin.dot).",
        discussion: """
        The intent's use case is found among the inputs or in the Templates/ folder next \
        to the intent's folder. Nothing is written when any error is found.
        """)

    @Argument(help: "Intent files or folders (use cases and catalogues may be given too).", completion: .file(extensions: ["yaml", "yml"]))
    var inputs: [String]

    @Option(help: "Output folder; each twin goes to <out>/<intent name>/.", completion: .directory)
    var out = "out"

    @Option(name: .customLong("catalog"), help: "A user catalogue file or folder, merged over the built-in one.", completion: .file(extensions: ["yaml", "yml"]))
    var catalogues: [String] = []

    @Option(help: "Base seed written into twin.json's run settings.")
    var seed: UInt64 = 1

    @Option(help: "Replications per scenario written into twin.json.")
    var replications = 5

    @Option(help: "Diagnostic format: text, json, sarif or github.")
    var format: DiagnosticFormat = .text

    @OptionGroup var diagnosticCap: DiagnosticCapOption

    func validate() throws {
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1") }
    }

    func run() throws {
        let result = compileIntents(paths: inputs, options: CompileOptions(
            catalogues: catalogues, frontEnd: FrontEndOptions(cap: diagnosticCap.cap), seed: seed,
            replications: replications))
        let output = DiagnosticOutput(format: format, rules: [], cap: diagnosticCap.cap)
        output.emit(result.diagnostics, sources: result.sources, dropped: result.dropped)
        guard result.exitStatus == .success else { try endCommand(with: result.exitStatus); return }
        for twin in result.twins {
            let folder = out + "/" + twin.intent
            let problems = GeneratedTree(files: twin.files.files).replaceAtomically(folder)
            output.emit(problems, sources: result.sources)
            try endCommand(with: .forDiagnostics(problems))
            if format == .text {
                let goals = twin.config.goals.count, devices = twin.config.network.devices.count
                print("twinc: compiled \(twin.intent) → \(folder)/ (\(devices) devices, \(goals) goals, "
                      + "\(twin.plan.models.count) models, \(twin.config.scenarios.count) scenarios)")
            }
        }
    }
}
