import TwinDiagnostics

/// Codes for results files that `twinc report` cannot draw (`TH…`, H for HTML). A file
/// that is not JSON, not a results file, or of a newer format is a data error (exit
/// 65); a member the page cannot use is only a warning: the page is drawn without it.
public enum ReportDiagnostics: DiagnosticCatalogue {
    public static let notResults = DiagnosticCode(
        "TH001", title: "not a twinc results file",
        explanation: """
        `twinc report` draws the page from the JSON that `twinc run --format json` prints: \
        an object whose `format` member is `{"name": "twinc-run", "version": 1}`. The file \
        given is JSON but not such an object (perhaps a twin.json or a diagnostics list). \
        Run `twinc run TWIN --format json > results.json` and pass that file.
        """)
    public static let unsupportedVersion = DiagnosticCode(
        "TH002", title: "results format version unsupported",
        explanation: """
        The results file was written by a twinc whose results format is newer than this \
        one can draw. Draw it with the twinc that ran the twin, or run the twin again with \
        this twinc.
        """)
    public static let syntax = DiagnosticCode(
        "TH003", title: "results file is not valid JSON",
        explanation: """
        The results file could not be read as JSON (RFC 8259: no comments, no trailing \
        commas). The position points at the first character that does not fit; a file \
        cut short (an interrupted `twinc run > file`) ends in the middle of a value.
        """)
    public static let memberIgnored = DiagnosticCode(
        "TH004", title: "results member left out of the report",
        explanation: """
        A member of the results file has a type or value the report cannot draw (a \
        string where a number belongs, a ratio above 1). The page is still written, \
        without that value; the warning points at the member. Files written by \
        `twinc run` never trigger it: it means the file was edited or produced elsewhere.
        """)

    public static let all: [DiagnosticCode] = [notResults, unsupportedVersion, syntax, memberIgnored]
}
