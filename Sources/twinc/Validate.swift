import ArgumentParser
import TwinDriver

/// `twinc validate FILE|DIR...`: checks use cases, intents and catalogues like a
/// compiler's front end. Exit 0 when clean, 65 on any error, 66 for unreadable input.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check use-case templates, intents and catalogues.",
        discussion: """
        Folders are searched recursively for .yaml/.yml files. An intent's use case is \
        found in the command line's files or in a Templates/ folder next to the intent's folder. \
        Intents get every check `twinc compile` makes (feasibility bounds included), \
        without writing anything.
        """)

    @Argument(help: "Files or folders to check.", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String]

    @Option(help: "Output format of diagnostics: text, json, sarif or github.")
    var format: DiagnosticFormat = .text

    @Option(name: .customLong("catalog"), help: "Extra catalogue file or folder (repeatable).", completion: .file(extensions: ["yaml", "yml"]))
    var catalogs: [String] = []

    @OptionGroup var diagnosticCap: DiagnosticCapOption

    func run() throws {
        let result = validateDocuments(paths: paths + catalogs, options: FrontEndOptions(cap: diagnosticCap.cap))
        DiagnosticOutput(format: format, rules: [], cap: diagnosticCap.cap)
            .emit(result.diagnostics, sources: result.sources, dropped: result.dropped)
        if format == .text {
            let kinds = Dictionary(grouping: result.documents.filter { result.inputFiles.contains($0.file) }, by: \.kind)
            let parts = ["usecase", "intent", "catalogue"].compactMap { name -> String? in
                let count = kinds.first { $0.key.rawValue == name }?.value.count ?? 0
                return count == 0 ? nil : "\(count) \(name)\(count == 1 ? "" : "s")"
            }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
                + result.dropped.values.reduce(0) { $0 + $1.errors }
            let verdict = errors == 0 ? "ok" : "\(errors) error\(errors == 1 ? "" : "s")"
            print("twinc: checked \(result.inputFiles.count) file\(result.inputFiles.count == 1 ? "" : "s")"
                  + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))") + ": \(verdict)")
        }
        try endCommand(with: result.exitStatus)
    }
}
