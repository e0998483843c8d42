import TwinDiagnostics

/// Codes for a twin.json that reads cleanly but cannot be simulated (`TR…`): the
/// runtime's own limits, found when a replication starts. Each matches one
/// `SimulationError` case; the driver points the diagnostic at the member of twin.json
/// at fault.
public enum RuntimeDiagnostics: DiagnosticCatalogue {
    public static let hubFull = DiagnosticCode(
        "TR001", title: "gateway serves too many devices",
        explanation: """
        An IEEE 802.15.6 hub admits at most mMaxBANSize = 64 nodes. Give some devices \
        another primary gateway (in the use case: `gateway: {primary: …}`) and recompile.
        """)
    public static let unknownGateway = DiagnosticCode(
        "TR002", title: "device uses an unknown gateway",
        explanation: """
        A device's primary or backup gateway is not one of `network.gateways`. twin.json \
        is written by `twinc compile`; recompile rather than edit it by hand.
        """)
    public static let invalidParameter = DiagnosticCode(
        "TR003", title: "device parameter the models cannot simulate",
        explanation: """
        A device parameter is outside what the PHY/MAC models accept, for example a \
        payload above the 255-octet 802.15.6 frame body or a superframe of more than 256 \
        slots. Change the device's traffic or MAC settings in the use case and recompile.
        """)
    public static let noGateways = DiagnosticCode(
        "TR004", title: "network has no gateway",
        explanation: "Every body network needs at least one gateway (hub) to terminate the BAN.")
    public static let invalidHorizon = DiagnosticCode(
        "TR005", title: "horizon is not positive",
        explanation: "The simulated horizon (`run.horizon_s` or `--horizon`) must be greater than zero.")

    public static let eventOutsideRun = DiagnosticCode(
        "TR006", title: "scenario event timed outside the run",
        explanation: """
        A fault or attack in twin.json starts at an explicit time (`at_s`, a time the \
        intent gave with `at:`) at or after the horizon of this run, usually a \
        `--horizon` shorter than the one the twin was compiled for. The event would never \
        happen and the goals of its scenario could not be judged, so the run is refused. \
        Run with a longer `--horizon`, or leave the goal's `at` out of the intent and \
        recompile: twinc then places the event a quarter into whatever horizon is run.
        """)

    public static let invalidRelay = DiagnosticCode(
        "TR007", title: "device's relay cannot relay it",
        explanation: """
        A device's `relay` breaks the two-hop rule (the relay is itself relayed, is not \
        a device of the network, is on another channel, is an implant or off the body, \
        has no IEEE 802.15.6 receiver, or does not use the source's gateways). twin.json \
        read by `twinc run` is refused earlier (TK012); this is a twin with knob settings \
        applied (a sweep's shard, the live twin), and the runtime refuses it rather than \
        simulate the device without its relay. Choose settings that keep every relay valid.
        """)

    public static let all: [DiagnosticCode] = [hubFull, unknownGateway, invalidParameter, noGateways, invalidHorizon,
                                               eventOutsideRun, invalidRelay]

    /// The code of a simulator error.
    public static func code(for error: SimulationError) -> DiagnosticCode {
        switch error {
        case .hubFull: hubFull
        case .unknownGateway: unknownGateway
        case .invalidParameter: invalidParameter
        case .noGateways: noGateways
        case .invalidHorizon: invalidHorizon
        case .invalidRelay: invalidRelay
        }
    }
}
