import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver

/// The output formats every diagnostic-producing subcommand accepts.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case sarif
    case github
}

/// Writes diagnostics in the chosen format. Text goes to standard error, like a
/// compiler's; machine formats go to standard output so they can be piped to a file.
/// At most `cap.perFile` diagnostics are shown per file (`--max-diagnostics`); a capped
/// file ends with a TC007 note "and M more", and the closing tally counts them all.
struct DiagnosticOutput {
    var format: DiagnosticFormat
    var rules: [DiagnosticCode]
    var cap = DiagnosticCap()

    func emit(_ diagnostics: [Diagnostic], sources: SourceStore, dropped: [String: DroppedDiagnostics] = [:]) {
        let (shown, more) = diagnostics.capped(cap, alreadyDropped: dropped)
        let notShown = more.reduce(into: DroppedDiagnostics()) { $0 += $1.count }
        let trailers = more.map { file, count in
            Diagnostic(.note, DriverDiagnostics.moreDiagnostics,
                       "\(file): \(count.summary) (at most \(cap.perFile) diagnostics a file; `--max-diagnostics N` shows more)",
                       at: nil)
        }
        switch format {
        case .text:
            let renderer = TextRenderer(color: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            writeStandardError(renderer.render(shown + trailers, sources: sources))
            var total = notShown
            for diagnostic in shown where diagnostic.severity != .note { total.count(diagnostic) }
            if let summary = renderer.summary(errors: total.errors, warnings: total.warnings) {
                writeStandardError(summary + "\n")
            }
        case .json:
            print(JSONRenderer().render(shown + trailers, notShown: notShown), terminator: "")
        case .sarif:
            print(SARIFRenderer(toolVersion: TwincVersion.string).render(shown + trailers, rules: rules), terminator: "")
        case .github:
            print(GitHubRenderer().render(shown + trailers), terminator: "")
        }
    }
}

/// `--max-diagnostics`, shared by every command that reports diagnostics.
struct DiagnosticCapOption: ParsableArguments {
    @Option(name: .customLong("max-diagnostics"),
            help: "Diagnostics shown per file; the rest are counted in an `and N more` line (default 100).")
    var maxDiagnostics: Int = DiagnosticCap.defaultPerFile

    func validate() throws {
        guard maxDiagnostics >= 1 else { throw ValidationError("--max-diagnostics must be at least 1") }
    }

    var cap: DiagnosticCap { DiagnosticCap(perFile: maxDiagnostics) }
}

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Ends the command with `status` (ArgumentParser's way to set the exit code).
func endCommand(with status: ExitStatus) throws {
    if status != .success { throw ExitCode(status.rawValue) }
}
