import ArgumentParser
import TwinDriver
import TwinSweep
import TwinDiagnostics
import TwinGenerate

/// `twinc explain CODE`: the long help of a diagnostic code, like `rustc --explain`.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code (e.g. TS004), list all codes, or trace an intent's plan.",
        discussion: "`twinc explain --plan Intents/icu-monitoring.yaml` prints why each model was chosen or rejected.")

    @Argument(help: "The code to explain, e.g. TY003. Omit with --list.")
    var code: String?

    @Flag(help: "List every code with its title.")
    var list = false

    @Option(name: .customLong("plan"), help: "An intent file: print its selection trace.", completion: .file(extensions: ["yaml", "yml"]))
    var planIntent: String?

    @Option(name: .customLong("catalog"), help: "A user catalogue file or folder (with --plan).", completion: .file(extensions: ["yaml", "yml"]))
    var catalogues: [String] = []

    @OptionGroup var diagnosticCap: DiagnosticCapOption

    func validate() throws {
        if code == nil && !list && planIntent == nil {
            throw ValidationError("give a code (e.g. `twinc explain TY003`), --list, or --plan INTENT")
        }
    }

    func run() throws {
        if let planIntent {
            let result = compileIntents(paths: [planIntent], options: CompileOptions(
                catalogues: catalogues, frontEnd: FrontEndOptions(cap: diagnosticCap.cap)))
            DiagnosticOutput(format: .text, rules: [], cap: diagnosticCap.cap)
                .emit(result.diagnostics, sources: result.sources, dropped: result.dropped)
            guard result.exitStatus == .success else { try endCommand(with: result.exitStatus); return }
            for twin in result.twins { print(PlanTrace(twin.plan).render(), terminator: "") }
            return
        }
        if list || code == nil {
            for entry in explainableCodes { print("\(entry.id)  \(entry.title)") }
            return
        }
        guard let code, let entry = explainableCodes.first(where: { $0.id.caseInsensitiveCompare(code) == .orderedSame }) else {
            writeStandardError("twinc: unknown diagnostic code `\(code ?? "")`; `twinc explain --list` shows them all\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print("\(entry.id): \(entry.title)\n")
        print(entry.explanation)
    }
}

/// The driver's codes and the sweep's (`TW…`, in `TwinSweep`, above the driver).
private var explainableCodes: [DiagnosticCode] { (DiagnosticIndex.all + SweepDiagnostics.all).sorted { $0.id < $1.id } }
