import TwinDiagnostics

/// Codes of the sweep stage (`TW…`): a sweep document that names what the twins do not
/// have, a plan folder that cannot be used, a shard that failed. Document problems are
/// found by `twinc sweep plan` before any shard runs, each at the key or value at fault.
public enum SweepDiagnostics: DiagnosticCatalogue {
    public static let unknownSource = DiagnosticCode(
        "TW001", title: "unknown intent or twin",
        explanation: """
        An entry of the sweep's `intents` or `twins` names a file that does not exist (paths \
        are relative to the sweep document's folder). `intents` are intent documents \
        (`Intents/x.yaml`), compiled when the sweep is planned; `twins` are compiled twins \
        (a twin.json or a folder holding one, such as `Generated/icu-monitoring`).
        """)
    public static let unknownKnob = DiagnosticCode(
        "TW002", title: "unknown knob",
        explanation: """
        A `knobs` entry names a knob the twin does not expose. Knob ids are those of \
        twin.json's `knobs` list (`ecg.tx-power`, `pump.period`, `ecg.mac-mode`…); \
        `twinc run` lists them in its recommendation, and the note names the nearest one.
        """)
    public static let valueOutOfRange = DiagnosticCode(
        "TW003", title: "knob value out of range",
        explanation: """
        A value given for a knob is not one the knob can take: every knob lists its values \
        in twin.json (a radio's TX power levels, the allocation periods the compiler sized) \
        and only those are simulated. `from`/`to` select the listed values inside the range \
        and must select at least one.
        """)
    public static let unknownGoal = DiagnosticCode(
        "TW004", title: "unknown goal",
        explanation: "`collect` and `pareto` name goals of the intent (`ecg-delivery`, `pump-lifetime`…); this one is not a goal of the twin.")
    public static let unknownScenario = DiagnosticCode(
        "TW005", title: "unknown scenario",
        explanation: "`scenarios` names scenarios of the twin (`baseline`, `gateway-failure-phone`, `jamming`…); this one is not among them.")
    public static let tooManyShards = DiagnosticCode(
        "TW006", title: "sweep too large",
        explanation: """
        The sweep expands to more shards than a plan holds (100,000). Sample the space with \
        `design: latin-hypercube` and `points: N`, or sweep fewer knobs or values.
        """)
    public static let inconsistentDesign = DiagnosticCode(
        "TW007", title: "inconsistent sweep design",
        explanation: """
        The design keys contradict each other: `points` and `design-seed` belong to \
        `design: latin-hypercube` (which needs `points`); a knob takes `values` or a \
        `from`/`to` range, not both; `from` must not exceed `to`; seeds are unique; a \
        Pareto front needs goals with a numeric target.
        """)
    public static let mixedPlans = DiagnosticCode(
        "TW008", title: "results of another plan",
        explanation: """
        The plan folder holds shard results that another plan wrote (a different sweep, or \
        the same sweep planned after its document changed). `collect` refuses to merge them: \
        plan into a fresh folder, or delete the stray files it names.
        """)
    public static let shardFailed = DiagnosticCode(
        "TW009", title: "shard failed",
        explanation: """
        A shard's run failed or its process crashed; its error is recorded in \
        `failures/<shard>.json` and the other shards are collected without it. \
        `twinc sweep run DIR --shard I` runs it again (a failed shard is not skipped).
        """)
    public static let notAPlan = DiagnosticCode(
        "TW010", title: "not a sweep plan",
        explanation: """
        The folder has no readable `manifest.json` written by `twinc sweep plan`, or it was \
        written by another format version, or the shard index is outside the plan.
        """)
    public static let notASweep = DiagnosticCode(
        "TW011", title: "not a sweep document",
        explanation: "A sweep document is a YAML mapping that starts with `twin: 1` and `kind: sweep`.")
    public static let missingShards = DiagnosticCode(
        "TW012", title: "shards not run",
        explanation: """
        Some shards of the plan have neither a result nor a recorded failure (not run yet, \
        or killed). `collect` merges what is there and lists them; `twinc sweep exec` runs \
        only these.
        """)

    public static let all: [DiagnosticCode] = [
        unknownSource, unknownKnob, valueOutOfRange, unknownGoal, unknownScenario, tooManyShards, inconsistentDesign,
        mixedPlans, shardFailed, notAPlan, notASweep, missingShards,
    ]
}

/// Why a sweep command could not go on: its diagnostics (an `Error`, so a `Result` can
/// carry them).
public struct SweepError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostic: Diagnostic) { diagnostics = [diagnostic] }
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
