import ArgumentParser
import TwinDriver

/// The `twinc` command: a design compiler and runtime for digital twins of body area
/// networks. Each subcommand lives in its own file and only translates flags into a
/// driver call and the driver's result into output and an exit status.
@main
struct Twinc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twinc",
        abstract: "Compile use-case templates and intents into digital twins of body area networks, and run them.",
        discussion: """
        Exit status: 0 success, 64 bad flags, 65 errors in the documents, 66 unreadable input, \
        73 output not writable, 70 internal error.
        """,
        version: TwincVersion.string,
        subcommands: [Validate.self, Compile.self, Run.self, Report.self, Schema.self, Explain.self, Regenerate.self, Bench.self, Calibrate.self]
    )
}
