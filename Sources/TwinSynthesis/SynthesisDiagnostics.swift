import TwinDiagnostics
import TwinVocabulary

/// The synthesis stage's catalogue (`TP…`: plan). Selection errors (nothing valid to
/// choose, invalid pins) and feasibility findings from analytic bounds computed before
/// anything runs. Ids are stable once published; each explanation is what
/// `twinc explain CODE` prints.
public enum SynthesisDiagnostics: DiagnosticCatalogue {
    public static let noApplication = DiagnosticCode(
        "TP001", title: "no application evaluates the goal",
        explanation: """
        Every goal is evaluated by one twin application whose catalogue entry lists the \
        goal's KPI (and, for a goal with `faults`, an application that injects faults). \
        No application in the catalogue does, so the goal could never be reported. Add \
        an application entry with this KPI in a user catalogue, or change the goal.
        """)
    public static let noValidModel = DiagnosticCode(
        "TP002", title: "no valid model for a needed capability",
        explanation: """
        The goal needs a capability (a channel, PHY, MAC, energy, failure or threat \
        model) for a device, and no catalogue model that provides it is valid for that \
        device's band, technology, placement and body region at the fidelity the goal's \
        priority requires (critical goals need packet level). The notes list the \
        candidates and why each does not fit. Add a model to a user catalogue, or change \
        the device or the goal's priority.
        """)
    public static let invalidPinnedModel = DiagnosticCode(
        "TP003", title: "pinned model is invalid here",
        explanation: """
        A use case pins a model under an application (`models:`), and synthesis must \
        use it, but it cannot: it is not a catalogue model, it is valid for none of the \
        devices the application watches, or none of the application's pinned methods \
        can represent it. The message gives the reason; remove the pin or choose a model \
        that fits the network.
        """)
    public static let invalidPinnedMethod = DiagnosticCode(
        "TP004", title: "pinned method is invalid here",
        explanation: """
        A use case pins a representation method under an application (`methods:`), but \
        it is not a catalogue method, or it can represent none of the models the \
        application uses at the fidelity its goals need. Remove the pin or pin a method \
        whose families include the application's models.
        """)
    public static let lifetimeInfeasible = DiagnosticCode(
        "TP005", title: "lifetime goal is infeasible",
        explanation: """
        An analytic bound shows that no allowed choice meets the lifetime goal: even the \
        lowest average current any TX level, MAC configuration (802.15.6 scheduled access \
        after Tachtatzis et al. 2012, BLE connection events) and the device's traffic \
        can give drains the device's battery before the target. The message gives the \
        bound and the notes its inputs. Use a larger battery, less traffic, or relax \
        the goal.
        """)
    public static let latencyInfeasible = DiagnosticCode(
        "TP006", title: "latency goal is infeasible",
        explanation: """
        The shortest latency the device's MAC allows - the shortest scheduled-access \
        allocation interval or BLE connection interval, plus the frame's airtime - \
        already exceeds the goal's target for the goal's statistic (for a \
        `delivery-ratio` goal: too few packets can arrive within its deadline). No \
        configuration can meet it; change the radio technology or relax the goal.
        """)
    public static let airtimeOverload = DiagnosticCode(
        "TP007", title: "hub air time exceeds 100 %",
        explanation: """
        The devices served by one gateway over one technology need more air time per \
        second (frame airtime with acknowledgement and inter-frame spaces, at the \
        radio's PHY rate) than there is. Their delivery, latency and throughput goals \
        cannot be met; spread devices over more gateways, lower their rates or use a \
        faster PHY.
        """)
    public static let hubTooLarge = DiagnosticCode(
        "TP008", title: "more than 64 devices on one hub",
        explanation: """
        IEEE 802.15.6 limits a body area network to mMaxBANSize = 64 nodes per hub. The \
        twin models each gateway as the hub of one body network serving every device that \
        names it primary, whatever its radio (802.15.6, BLE, WLAN), and the runtime \
        enforces the same count. More devices use this gateway as their primary. Split \
        them over several gateways.
        """)
    public static let tradeOff = DiagnosticCode(
        "TP009", title: "goals trade off against each other",
        explanation: """
        Each of the two goals can be met on its own, but the analytic bounds show they \
        cannot both be met by the same configuration: for example the short \
        scheduled-access period a latency goal needs costs the lifetime another goal \
        asks for. The twin will evaluate the trade-off; the intent's `objectives` order \
        decides which goal the optimiser favours.
        """)
    public static let throughputInfeasible = DiagnosticCode(
        "TP010", title: "throughput goal exceeds the link capacity",
        explanation: """
        The throughput target is above what the device's radio can carry: its PHY data \
        rate times the best achievable MAC efficiency (payload airtime over total \
        airtime per frame exchange). Choose a faster radio or relax the goal.
        """)
    public static let noBackupGateway = DiagnosticCode(
        "TP011", title: "recovery from gateway failure is impossible",
        explanation: """
        A goal must hold under `gateway-failure`, but a device in its scope has no \
        `backup` gateway that offers its technology, so when its primary gateway fails \
        it can never recover. Give the device a backup gateway, or drop the fault.
        """)
    public static let eventBudget = DiagnosticCode(
        "TP012", title: "device sends faster than the simulator can follow",
        explanation: """
        The device's traffic, as the use case resolves it (rate over packet size, \
        sampling, alarm interval), would send more packets or alarms per simulated second \
        than the simulator takes from one source (10,000), or the whole network more than \
        200,000. The same budget is checked when `twinc run` reads twin.json (TK008). \
        Lower the rate, send larger packets, or aggregate samples.
        """)
    public static let runtimeRefusal = DiagnosticCode(
        "TP013", title: "compiled twin would be refused by the runtime",
        explanation: """
        The compiler checks the twin it built with the same reader and preflight `twinc \
        run` uses before writing it, and one of them refused it. The message quotes the \
        runtime's reason and points at the part of the use case or intent the refused \
        value came from. twinc writes nothing rather than a twin.json that `run` rejects; \
        please report the case, since the front end's ranges should have caught it.
        """)
    public static let invalidFlowPin = DiagnosticCode(
        "TP015", title: "flow representation pin is invalid",
        explanation: """
        The intent pins how a device's flow is represented (`flows:`), but the pin \
        cannot apply: the device is pinned twice, or it is pinned `aggregate` while its \
        access has no aggregate representation (only wideband flows - WLAN, mmWave, \
        sub-THz - are served in expectation; 802.15.6, 802.15.4 and BLE devices contend \
        frame by frame). Remove the pin or pin `packet`.
        """)

    public static let noPathToEdge = DiagnosticCode(
        "TP014", title: "gateway has no path to the edge",
        explanation: """
        Goals on delivery, latency, throughput, availability and recovery are measured \
        where packets reach the edge: the node the gateway's first link in `links` leads \
        to. A gateway a device may use — its primary or its backup — needs such a link \
        to one of the `edge` nodes, or the device's packets would have nowhere to go after \
        a failover (and the twin could not measure them honestly). Add a link from the \
        gateway to an edge node, or give the device another gateway.
        """)

    public static let all: [DiagnosticCode] = [
        noApplication, noValidModel, invalidPinnedModel, invalidPinnedMethod, lifetimeInfeasible,
        latencyInfeasible, airtimeOverload, hubTooLarge, tradeOff, throughputInfeasible, noBackupGateway,
        eventBudget, runtimeRefusal, noPathToEdge, invalidFlowPin,
    ]
}
