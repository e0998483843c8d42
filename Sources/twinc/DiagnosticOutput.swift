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
struct DiagnosticOutput {
    var format: DiagnosticFormat
    var rules: [DiagnosticCode]

    func emit(_ diagnostics: [Diagnostic], sources: SourceStore) {
        let sorted = diagnostics.sortedForDisplay()
        switch format {
        case .text:
            let renderer = TextRenderer(color: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            writeStandardError(renderer.render(sorted, sources: sources))
            if let summary = renderer.summary(sorted) { writeStandardError(summary + "\n") }
        case .json:
            print(JSONRenderer().render(sorted), terminator: "")
        case .sarif:
            print(SARIFRenderer(toolVersion: TwincVersion.string).render(sorted, rules: rules), terminator: "")
        case .github:
            print(GitHubRenderer().render(sorted), terminator: "")
        }
    }
}

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Ends the command with `status` (ArgumentParser's way to set the exit code).
func endCommand(with status: ExitStatus) throws {
    if status != .success { throw ExitCode(status.rawValue) }
}
