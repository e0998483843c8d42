import ArgumentParser
import TwinDriver

/// `twinc explain CODE`: the long help of a diagnostic code, like `rustc --explain`.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the long explanation of a diagnostic code (e.g. TS004), or list all codes.")

    @Argument(help: "The code to explain, e.g. TY003. Omit with --list.")
    var code: String?

    @Flag(help: "List every code with its title.")
    var list = false

    func validate() throws {
        if code == nil && !list { throw ValidationError("give a code (e.g. `twinc explain TY003`) or --list") }
    }

    func run() throws {
        if list || code == nil {
            for entry in DiagnosticIndex.all { print("\(entry.id)  \(entry.title)") }
            return
        }
        guard let code, let entry = DiagnosticIndex.code(code) else {
            writeStandardError("twinc: unknown diagnostic code `\(code ?? "")`; `twinc explain --list` shows them all\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        print("\(entry.id): \(entry.title)\n")
        print(entry.explanation)
    }
}
