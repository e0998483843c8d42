import TwinDiagnostics

/// Codes for a twin.json that cannot be run (`TK…`). The runtime reads only twin.json,
/// so these are what a user sees after hand-editing one, or feeding a file from a newer
/// twinc.
public enum ConfigDiagnostics: DiagnosticCatalogue {
    public static let syntax = DiagnosticCode(
        "TK001", title: "twin.json is not valid JSON",
        explanation: "The file is not RFC 8259 JSON (no comments, no trailing commas, no duplicate members). Regenerate it with `twinc compile`.")
    public static let version = DiagnosticCode(
        "TK002", title: "unsupported twin.json format",
        explanation: "`format.name` must be `twinc-twin` and `format.version` one this twinc understands. Recompile the intent with this twinc.")
    public static let missingMember = DiagnosticCode(
        "TK003", title: "missing member",
        explanation: "A member the runtime needs is absent. twin.json is written by `twinc compile`; regenerate it rather than editing by hand.")
    public static let wrongType = DiagnosticCode(
        "TK004", title: "member has the wrong type",
        explanation: "A member holds a value of the wrong JSON type (for example a string where a number in SI units is expected).")
    public static let outOfRange = DiagnosticCode(
        "TK005", title: "value out of range",
        explanation: "A number is outside the range the runtime can simulate (negative times or capacities, zero replications, a horizon beyond 10 years).")
    public static let unknownReference = DiagnosticCode(
        "TK006", title: "unknown reference",
        explanation: "A device names a gateway, a goal a device, or a scenario a target that twin.json does not define.")
    public static let unknownMember = DiagnosticCode(
        "TK007", title: "unknown member",
        explanation: "twin.json has a member this runtime does not know. It may come from a newer twinc, or be a typo in a hand edit.")

    public static let all: [DiagnosticCode] = [syntax, version, missingMember, wrongType, outOfRange, unknownReference, unknownMember]
}
