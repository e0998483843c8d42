import TwinDiagnostics
import TwinVocabulary

/// The spec stage's catalogue: `TS…` for document structure and meaning, `TU…` for
/// quantities, units and thresholds. Ids are stable once published; each explanation
/// is what `twinc explain CODE` prints.
public enum SpecDiagnostics: DiagnosticCatalogue {
    public static let missingVersion = DiagnosticCode(
        "TS001", title: "missing `twin` format version",
        explanation: """
        Every twinc document starts with `twin: 1`, the version of the document format. \
        Without it twinc cannot know how to read the file; add `twin: 1` as the first key.
        """)
    public static let unsupportedVersion = DiagnosticCode(
        "TS002", title: "unsupported format version",
        explanation: """
        The value of `twin` is not a format version this twinc understands. Only version \
        `1` exists; write `twin: 1`. A newer file needs a newer twinc.
        """)
    public static let missingKind = DiagnosticCode(
        "TS003", title: "missing document `kind`",
        explanation: """
        Every document names its kind after the version: `kind: usecase`, `kind: intent` \
        or `kind: catalogue`. The kind decides which keys are allowed.
        """)
    public static let unknownKind = DiagnosticCode(
        "TS004", title: "unknown document kind",
        explanation: """
        `kind` must be `usecase` (a body network and why it is twinned), `intent` (goals \
        for a use case) or `catalogue` (applications, models, methods and profiles).
        """)
    public static let notAMapping = DiagnosticCode(
        "TS005", title: "document is not a mapping",
        explanation: """
        The top level of a twinc document is a mapping of keys to values, starting with \
        `twin: 1` and `kind:`. An empty file, a list or a lone value is not a document.
        """)
    public static let missingField = DiagnosticCode(
        "TS006", title: "missing required field",
        explanation: """
        A key the document kind requires is absent. The message names the key and the \
        diagnostic points at the mapping that should hold it. docs/documents.md lists \
        required keys; the JSON Schema (`twinc schema KIND`) lets editors insert them.
        """)
    public static let wrongType = DiagnosticCode(
        "TS007", title: "value has the wrong type",
        explanation: """
        The value's YAML type does not match what the key expects: a mapping where a list \
        belongs, a number where text belongs, and so on. YAML 1.2 reads `yes`/`no` as \
        strings and `1.0` as a number; quote a value to make it a string.
        """)
    public static let unknownKey = DiagnosticCode(
        "TS008", title: "unknown key",
        explanation: """
        The key is not part of this mapping's format. Usually it is a typo; the note \
        suggests the nearest known key. Unknown keys are errors rather than being ignored \
        so that a misspelt setting never silently falls back to a default.
        """)
    public static let outOfRange = DiagnosticCode(
        "TS009", title: "value out of range",
        explanation: """
        The value has the right type and unit but lies outside what the field allows: a \
        negative rate, a user priority above 7, a ratio above 100 %, a TX power beyond \
        the radio's range, a packet larger than the PHY can carry.
        """)
    public static let unknownEnumValue = DiagnosticCode(
        "TS010", title: "unknown value",
        explanation: """
        The key accepts one of a fixed set of values (a KPI, a placement, a band, a \
        technology…). The note lists them and suggests the nearest one.
        """)
    public static let duplicateID = DiagnosticCode(
        "TS011", title: "duplicate id",
        explanation: """
        Two entries of the same list (or of lists that share a namespace, such as \
        devices, gateways and edge tiers, or all catalogue entries) use the same id, so \
        references to it would be ambiguous. The note points at the first definition.
        """)
    public static let unknownReference = DiagnosticCode(
        "TS012", title: "unknown reference",
        explanation: """
        The value names something that does not exist: an intent's use case, a goal's \
        device, class or tag, a device's gateway, a link's end, a pinned model or \
        method, a radio or battery profile. The notes list the candidates that do exist.
        """)
    public static let contradictoryGoals = DiagnosticCode(
        "TS013", title: "contradictory goals",
        explanation: """
        Two goals constrain the same KPI and statistic, under the same faults, for at \
        least one common device, and no value can meet both (for example `p99 <= 100 ms` \
        and `p99 >= 200 ms`). No design can satisfy the intent; relax or remove one goal.
        """)
    public static let targetDoesNotFitKPI = DiagnosticCode(
        "TS014", title: "goal target does not fit its KPI",
        explanation: """
        Each KPI is measured in one dimension: delivery ratio and availability in percent, \
        latency, lifetime and recovery time as a time, energy as an energy, throughput as a \
        data rate, a protection goal as a CVSS score (no unit). The goal's target uses \
        another dimension, so it can never be compared with a measurement.
        """)
    public static let notApplicable = DiagnosticCode(
        "TS015", title: "key does not apply here",
        explanation: """
        The key is known but has no meaning in this context: `threats` on a latency goal, \
        `level` on a detection goal, `within` on a lifetime goal. Remove it, or change the \
        goal's KPI.
        """)
    public static let emptyList = DiagnosticCode(
        "TS016", title: "empty list",
        explanation: """
        The list must hold at least one entry: a use case needs devices and gateways, an \
        intent needs goals and objectives, a catalogue needs entries.
        """)
    public static let invalidIdentifier = DiagnosticCode(
        "TS017", title: "invalid identifier",
        explanation: """
        Ids, names and references are lower-case words of letters and digits joined by \
        single hyphens (`ecg`, `bedside-hub`, `ieee802156-nb-2400`), so they can be used \
        as file names, in generated code and in command lines unchanged.
        """)
    public static let builtInClash = DiagnosticCode(
        "TS018", title: "catalogue entry clashes with a built-in entry",
        explanation: """
        A user catalogue defines an id that the built-in catalogue already has. Pick \
        another id, or write `overrides: true` to replace the built-in entry on purpose.
        """)
    public static let overridesNothing = DiagnosticCode(
        "TS019", title: "override replaces nothing",
        explanation: """
        The entry says `overrides: true` but no built-in entry has its id, so nothing is \
        replaced. Check the id's spelling, or remove `overrides`.
        """)
    public static let incompatibleLink = DiagnosticCode(
        "TS020", title: "incompatible link technology",
        explanation: """
        A device's radio technology is not offered by the gateway it is assigned to (an \
        802.15.6 NB sensor on a gateway that only speaks BLE), so it could never connect.
        """)

    public static let notAQuantity = DiagnosticCode(
        "TU001", title: "not a quantity",
        explanation: """
        The key expects a number followed by a unit, such as `250 ms`, `-10 dBm`, `225 mAh` \
        or `99.9 %`. The value does not start with a number.
        """)
    public static let wrongDimension = DiagnosticCode(
        "TU002", title: "quantity has the wrong dimension",
        explanation: """
        The unit belongs to another dimension than the key expects (`latency: 5 mAh` gives \
        a charge where a time belongs). The message names the expected dimension and an \
        example value.
        """)
    public static let unknownUnit = DiagnosticCode(
        "TU003", title: "unknown unit",
        explanation: """
        The unit symbol is not one twinc knows. Units are case-sensitive (`mW` is \
        milliwatts, `MW` would be megawatts and is not accepted); the note suggests the \
        nearest symbol. docs/documents.md lists every unit.
        """)
    public static let missingUnit = DiagnosticCode(
        "TU004", title: "number without a unit",
        explanation: """
        A bare number is ambiguous: is `250` milliseconds or seconds? Write the unit, \
        e.g. `250 ms`. Only dimensionless values (scores, counts) are written without one.
        """)
    public static let badThreshold = DiagnosticCode(
        "TU005", title: "malformed threshold",
        explanation: """
        A goal target is `[statistic] operator quantity`: `">= 99.9 %"`, `"p99 <= 250 ms"`, \
        `"mean < 2 s"`. The statistic is `mean`, `max`, `min` or `pNN` (0 < NN < 100); the \
        operator one of `<=`, `<`, `>=`, `>`, `==`. Quote targets that start with `>`.
        """)
    public static let notFinite = DiagnosticCode(
        "TU006", title: "number is not finite",
        explanation: """
        The value is `.inf`, `.nan` or a number beyond the range of a double (about \
        ±1.8e308, e.g. `1e400`). No quantity or setting of a twin is infinite or undefined; \
        write a finite number within the key's range (`twinc schema KIND` lists the ranges).
        """)

    public static let eventAfterHorizon = DiagnosticCode(
        "TS021", title: "event time outside the horizon",
        explanation: """
        A goal's `at` gives the time into the run when its faults or attacks happen; it \
        must come before the intent's `horizon`, or the event never happens and the goal \
        cannot be judged. Leave `at` out to let twinc place the event a quarter into \
        whatever horizon is run (so `twinc run --horizon 1h` still sees it), or give a time \
        before the horizon. `twinc run` refuses an explicit time its `--horizon` does not \
        reach in the same way (`TR006`).
        """)

    public static let all: [DiagnosticCode] = [
        eventAfterHorizon, missingVersion, unsupportedVersion, missingKind, unknownKind, notAMapping,
        missingField, wrongType, unknownKey, outOfRange, unknownEnumValue, duplicateID,
        unknownReference, contradictoryGoals, targetDoesNotFitKPI, notApplicable,
        emptyList, invalidIdentifier, builtInClash, overridesNothing, incompatibleLink,
        notAQuantity, wrongDimension, unknownUnit, missingUnit, badThreshold, notFinite,
    ]
}
