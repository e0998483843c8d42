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
    public static let eventBudget = DiagnosticCode(
        "TK008", title: "event source too fast",
        explanation: """
        A source of simulation events (a device's periodic packets or alarms, an attacker's \
        frames) asks for more events per simulated second than the simulator takes from one \
        source (10,000), or the whole twin for more than 200,000. The run would take hours \
        for seconds of simulated time. Lower the device's rate or raise its packet size or \
        alarm interval in the use case and recompile.
        """)
    public static let duplicateID = DiagnosticCode(
        "TK009", title: "duplicate id",
        explanation: """
        Two devices, gateways, edge tiers, knobs or goals of twin.json share an id, so a \
        reference to it (a knob's target, a goal's device, a setting the optimiser \
        recommends, a goal's verdict) would be ambiguous. Recompile rather than edit \
        twin.json by hand.
        """)
    public static let badKnob = DiagnosticCode(
        "TK010", title: "knob does not fit its parameter",
        explanation: """
        A knob names a parameter the optimiser does not know, gives a unit other than the \
        parameter's (`dBm` for `tx-power`, `s` for `connection-interval`, `index` for \
        `gateway` and `mac-mode`…), offers values outside the parameter's range (a TX \
        power above +30 dBm, a fractional retry count, an index beyond its labels), or \
        offers more values, or aims more knobs at one device, than the optimiser searches \
        (32 values a knob, 16 knobs a device).
        """)
    public static let twinTooLarge = DiagnosticCode(
        "TK011", title: "twin too large to simulate",
        explanation: """
        The network has more devices (1,024) or gateways (256), or the twin more goals \
        (64), than one twin simulates. Every device costs work in every replication even \
        when it sends nothing, and the optimiser judges every goal for every candidate; \
        split the body networks or the goals into several use cases and intents.
        """)

    public static let badRelay = DiagnosticCode(
        "TK012", title: "device cannot relay",
        explanation: """
        A device's `relay` names a device that cannot carry its frames over two hops \
        (IEEE 802.15.6 two-hop extension): the device itself, a device that is itself \
        relayed (two hops at most), one without an IEEE 802.15.6 narrowband radio on the \
        source's channel, an implant or a device off the body, one whose access method \
        cannot receive (BLE, wideband), or one that does not use the source's gateways \
        (the relay forwards to the gateway the source is using). Name another on-body \
        narrowband device, or remove `relay`.
        """)

    public static let all: [DiagnosticCode] = [
        syntax, version, missingMember, wrongType, outOfRange, unknownReference, unknownMember, eventBudget,
        duplicateID, badKnob, twinTooLarge, badRelay,
    ]
}
