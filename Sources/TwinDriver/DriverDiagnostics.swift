import TwinDiagnostics

/// Codes for problems with the command line's inputs and outputs (`TC…`): files that
/// cannot be read or written. They are not the user's document content, so they map to
/// exit 66/73 rather than 65.
public enum DriverDiagnostics: DiagnosticCatalogue {
    public static let unreadableInput = DiagnosticCode(
        "TC001", title: "input cannot be read",
        explanation: "The file or folder does not exist or cannot be read. Check the path and its permissions.")
    public static let noInputs = DiagnosticCode(
        "TC002", title: "no YAML files found",
        explanation: "A folder given on the command line holds no `.yaml` or `.yml` files.")
    public static let invalidUTF8 = DiagnosticCode(
        "TC003", title: "file is not UTF-8",
        explanation: "twinc reads YAML as UTF-8. Re-save the file as UTF-8 (without a byte-order mark is best).")
    public static let cannotWrite = DiagnosticCode(
        "TC004", title: "output cannot be written",
        explanation: "An output file or folder could not be written. Nothing was left half-written; check the path and free space.")

    public static let noIntent = DiagnosticCode(
        "TC005", title: "no intent to compile",
        explanation: """
        `twinc compile` and `twinc explain --plan` turn intents into twins, and none of the \
        inputs is an intent (`kind: intent`). Name an intent file or a folder that holds \
        one; to check templates or catalogues alone, use `twinc validate`.
        """)

    public static let inputTooLarge = DiagnosticCode(
        "TC006", title: "input file too large",
        explanation: """
        The file is larger than twinc reads (10 MB for a YAML document or a twin.json). \
        The largest real use case, a ward of 12,000 sensors, is 5 MB; a twin.json of 64 \
        devices is about 100 kB. Split the document, or check that the right file was named.
        """)
    public static let moreDiagnostics = DiagnosticCode(
        "TC007", title: "more diagnostics not shown",
        explanation: """
        A file had more diagnostics than twinc reports per file (100 by default). The \
        first ones are shown in file order and the rest only counted; fix those and run \
        again, or raise the cap with `--max-diagnostics N`.
        """)

    public static let all: [DiagnosticCode] = [
        unreadableInput, noInputs, invalidUTF8, cannotWrite, noIntent, inputTooLarge, moreDiagnostics,
    ]
}

/// The exit status a run ends with, from sysexits(3): what CI scripts key on.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// `twinc run --fail-on`: the twin ran and a critical goal is not met (or not shown
    /// to be met), as a failing test suite exits 1.
    case goalsNotMet = 1
    /// EX_USAGE: bad flags or arguments.
    case usage = 64
    /// EX_DATAERR: the user's documents have errors.
    case dataError = 65
    /// EX_NOINPUT: an input could not be opened.
    case noInput = 66
    /// EX_SOFTWARE: an internal error (a bug in twinc).
    case software = 70
    /// EX_CANTCREAT: an output could not be written.
    case cannotCreate = 73

    /// The status for a stage's diagnostics: unreadable inputs win over data errors.
    public static func forDiagnostics(_ diagnostics: [Diagnostic],
                                      dropped: [String: DroppedDiagnostics] = [:]) -> ExitStatus {
        if diagnostics.contains(where: { $0.code == DriverDiagnostics.unreadableInput || $0.code == DriverDiagnostics.noInputs }) {
            return .noInput
        }
        if diagnostics.contains(where: { $0.code == DriverDiagnostics.cannotWrite }) { return .cannotCreate }
        if diagnostics.contains(where: { $0.code == DriverDiagnostics.noIntent }) { return .usage }
        return diagnostics.hasErrors || dropped.values.contains(where: { $0.errors > 0 }) ? .dataError : .success
    }
}
