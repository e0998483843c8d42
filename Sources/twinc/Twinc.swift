import ArgumentParser
import Foundation
import TwinDriver
// For its link libraries alone: a release build on Linux carries the Swift runtime (Package.swift).
import TwinStaticRuntime

/// The `twinc` command: a design compiler and runtime for digital twins of body area
/// networks. Each subcommand lives in its own file and only translates flags into a
/// driver call and the driver's result into output and an exit status.
@main
struct Twinc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twinc",
        abstract: "Compile use-case templates and intents into digital twins of body area networks, and run them.",
        discussion: """
        Exit status: 0 success, 1 `run --fail-on`: a critical goal not met, 64 bad flags, \
        65 errors in the documents, 66 unreadable input, 70 internal error, 73 output not writable.
        """,
        version: TwincVersion.string,
        subcommands: [Validate.self, Compile.self, Run.self, Report.self, Schema.self, CatalogueCommand.self, Explain.self,
                      Regenerate.self, Bench.self, Calibrate.self, Sweep.self]
    )

    /// Suggests the command a typo meant before the argument parser sees it.
    static func main() {
        // A command's name is its configured one, else its type's name in lower case
        // (ArgumentParser's rule), so `CatalogueCommand` is listed once, as `catalogue`.
        // Every subcommand names itself: describing a type scans the binary's protocol
        // conformances, about 1.5 ms a command at every start-up.
        let names = configuration.subcommands.map { $0.configuration.commandName ?? String(describing: $0).lowercased() }
        let known = Array(Set(names)).sorted()
        if let message = unknownCommandMessage(arguments: Array(CommandLine.arguments.dropFirst()), commands: known) {
            writeStandardError("Error: \(message)\nUsage: twinc <command> [options]; see `twinc --help`.\n")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        main(nil)
    }
}
