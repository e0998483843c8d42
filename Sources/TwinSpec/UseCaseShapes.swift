import TwinUnits
import TwinVocabulary

/// The shapes of a use-case document (see docs/documents.md, `kind: usecase`).
public enum UseCaseShapes {
    public static let story = ObjectShape("story", "The main user story of the use case.", fields: [
        FieldShape("summary", .text, required: true, "The story in one sentence.",
                   example: .string("The BAN adapts to changing network conditions.")),
        FieldShape("points", .listOf(.text), "The story's bullet points.",
                   example: .list([.string("Continuous optimisation of performance.")])),
    ])

    public static let application = ObjectShape("application", "A twin application the use case wants.", fields: [
        FieldShape("id", .oneOf(ApplicationKind.self), required: true, "Which of the four twin applications."),
        FieldShape("title", .text, "Display title.", example: .string("Energy Analysis")),
        FieldShape("special", .listOf(.text), "Special requirements of this use case on the application.",
                   example: .list([.string("Battery lifetime of the insulin pump")])),
        FieldShape("models", .listOf(.identifier), "Catalogue models pinned by the author.",
                   example: .list([.string("tachtatzis-lifetime")])),
        FieldShape("methods", .listOf(.identifier), "Catalogue representation methods pinned by the author.",
                   example: .list([.string("analytic")])),
    ])

    public static let radio = ObjectShape("radio", "The device's radio.", fields: [
        FieldShape("profile", .catalogueID(.radio), required: true, "Catalogue radio profile.",
                   example: .string("ieee802156-nb-2400")),
        FieldShape("technology", .oneOf(Technology.self), required: true,
                   "Link technology; the device's gateway must offer it.", example: .string("ban-nb")),
        FieldShape("band", .oneOf(Band.self), "Frequency band (default: the profile's).", example: .string("ism-2400")),
        FieldShape("tx-power", .quantity(DeclaredRanges.transmitPower),
                   "Transmit power, -40 dBm to +30 dBm and within the profile's range.", example: .string("-10 dBm")),
    ])

    public static let battery = ObjectShape(
        "battery", "The energy store: a catalogue profile, explicit values, or both (values override).",
        fields: [
            FieldShape("profile", .catalogueID(.battery), "Catalogue battery profile.", example: .string("cr2032")),
            FieldShape("capacity", .quantity(DeclaredRanges.capacity), "Capacity.", example: .string("225 mAh")),
            FieldShape("voltage", .quantity(DeclaredRanges.voltage), "Nominal voltage.", example: .string("3 V")),
        ],
        anyOfRequired: [["profile", "capacity"]])

    public static let traffic = ObjectShape(
        "traffic", "What the device sends: an ISO/IEEE 11073 class, an explicit rate, or both (values override).",
        fields: [
            FieldShape("class", .oneOf(TrafficClass.self),
                       "ISO/IEEE 11073 traffic class (ban-numbers §3), giving rate and latency defaults.",
                       example: .string("F1")),
            FieldShape("rate", .quantity(DeclaredRanges.applicationRate), "Application data rate.", example: .string("2.4 kbps")),
            FieldShape("packet-size", .quantity(DeclaredRanges.packetSize),
                       "Payload per packet; at most 255 B on IEEE 802.15.6 PHYs.", example: .string("64 B")),
            FieldShape("sampling", .quantity(DeclaredRanges.sampling), "Sampling or reporting frequency.",
                       example: .string("0.5 Hz")),
            FieldShape("alarm-interval", .quantity(DeclaredRanges.alarmInterval),
                       "Mean time between alarms (sent at user priority 7).", example: .string("6 h")),
            FieldShape("latency", .quantity(DeclaredRanges.deadline), "Deadline override (default: the class's).",
                       example: .string("300 ms")),
        ],
        anyOfRequired: [["class", "rate"]])

    public static let gatewayAssignment = ObjectShape("gateway assignment", "Which gateways serve the device.", fields: [
        FieldShape("primary", .identifier, required: true, "The gateway used normally.", example: .string("phone")),
        FieldShape("backup", .identifier, "The gateway used when the primary fails.", example: .string("bedside-hub")),
    ])

    public static let device = ObjectShape("device", "A sensor or actuator of the body network.", fields: [
        FieldShape("id", .identifier, required: true, "Unique among devices, gateways and edge tiers.",
                   example: .string("ecg")),
        FieldShape("class", .openEnumeration(builtInDeviceClasses), required: true,
                   "Device class: a built-in one or a catalogue `device-classes` entry.", example: .string("ecg-patch")),
        FieldShape("description", .text, "What the device is.", example: .string("3-lead ECG patch")),
        FieldShape("placement", .oneOf(Placement.self), required: true, "Where the device sits on or in the body.",
                   example: .string("chest")),
        FieldShape("tags", .listOf(.identifier), "Labels that intent goals scope by.",
                   example: .list([.string("vital")])),
        FieldShape("radio", .object(radio), required: true, "The device's radio."),
        FieldShape("battery", .object(battery), "The device's battery; omit to use its class's default battery."),
        FieldShape("traffic", .object(traffic), required: true, "What the device sends."),
        FieldShape("priority", .integer(DeclaredRanges.userPriority), required: true,
                   "IEEE 802.15.6 user priority: 0 background … 6 high-priority medical, 7 emergency.",
                   example: .integer(6)),
        FieldShape("gateway", .object(gatewayAssignment), required: true, "Which gateways serve the device."),
        FieldShape("relay", .identifier,
                   "Another on-body IEEE 802.15.6 narrowband device that relays this one's frames when the gateway "
                       + "misses them (two-hop, incremental decode-and-forward); it must use the same gateways.",
                   example: .string("pump")),
    ])

    public static let gateway = ObjectShape("gateway", "A hub that connects the body network to the edge.", fields: [
        FieldShape("id", .identifier, required: true, "Unique among devices, gateways and edge tiers.",
                   example: .string("phone")),
        FieldShape("kind", .oneOf(GatewayKind.self), required: true, "What the gateway is.", example: .string("phone")),
        FieldShape("description", .text, "Where and what it is.", example: .string("The patient's smartphone")),
        FieldShape("placement", .oneOf(Placement.self), "Where it sits; `off-body` with a `distance`.",
                   example: .string("hip-right")),
        FieldShape("distance", .quantity(DeclaredRanges.gatewayDistance), "Distance from the body.", example: .string("1.5 m")),
        FieldShape("technologies", .listOf(.oneOf(Technology.self), atLeast: 1), required: true,
                   "Technologies the gateway offers to devices.", example: .list([.string("ban-nb"), .string("ble")])),
        FieldShape("battery", .object(battery), "The gateway's battery; omit for mains power."),
    ])

    public static let edgeTier = ObjectShape("edge tier", "A compute tier beyond the gateways.", fields: [
        FieldShape("id", .identifier, required: true, "Unique among devices, gateways and edge tiers.",
                   example: .string("ward-mec")),
        FieldShape("tier", .oneOf(EdgeTierKind.self), required: true, "Which tier.", example: .string("extreme-mec")),
        FieldShape("description", .text, "Where and what it is.", example: .string("Ward-level extreme MEC node")),
        FieldShape("processing-delay", .quantity(DeclaredRanges.delay), "Processing delay per message.",
                   example: .string("2 ms")),
        FieldShape("availability", .quantity(DeclaredRanges.availability), "Availability.", example: .string("99.99 %")),
    ])

    public static let link = ObjectShape("link", "A connection between gateways, edge tiers or devices.", fields: [
        FieldShape("id", .identifier, required: true, "Unique among links.", example: .string("phone-mec")),
        FieldShape("from", .identifier, required: true, "One end: a device, gateway or edge tier id.",
                   example: .string("phone")),
        FieldShape("to", .identifier, required: true, "The other end.", example: .string("ward-mec")),
        FieldShape("technology", .oneOf(Technology.self), required: true, "Link technology.", example: .string("wlan")),
        FieldShape("latency", .quantity(DeclaredRanges.delay), required: true, "One-way latency.", example: .string("5 ms")),
        FieldShape("rate", .quantity(DeclaredRanges.bitRate), required: true, "Capacity.", example: .string("100 Mbps")),
        FieldShape("availability", .quantity(DeclaredRanges.availability), "Availability (default 100 %).",
                   example: .string("99.9 %")),
        FieldShape("distance", .quantity(DeclaredRanges.linkDistance), "Length of the link.", example: .string("30 m")),
    ])

    public static let network = ObjectShape("network", "The body network the twin mirrors.", fields: [
        FieldShape("devices", .listOf(.object(device), atLeast: 1, atMost: DeclaredRanges.devices), required: true,
                   "Sensors and actuators."),
        FieldShape("gateways", .listOf(.object(gateway), atLeast: 1, atMost: DeclaredRanges.gateways), required: true,
                   "Hubs between body and edge."),
        FieldShape("edge", .listOf(.object(edgeTier)), "Compute tiers: extreme MEC, far edge, cloud."),
        FieldShape("links", .listOf(.object(link)), "Links between gateways, tiers and devices."),
    ])

    public static let document = ObjectShape(
        "use case", "A use-case template: who wants a twin of which body network, and why.",
        fields: HeaderShapes.fields(.usecase) + [
            FieldShape("name", .identifier, required: true, "The use case's name; intents refer to it.",
                       example: .string("proactive-qa")),
            FieldShape("title", .text, required: true, "One-line title.",
                       example: .string("Proactive Quality Assurance & Optimization for BAN Operations")),
            FieldShape("description", .text, "A paragraph for the design report.",
                       example: .string("A patient wears a body area network of vital-sign sensors.")),
            FieldShape("stakeholders", .listOf(.text, atLeast: 1), required: true, "Who wants the twin.",
                       example: .list([.string("Doctors"), .string("Researchers")])),
            FieldShape("story", .object(story), required: true, "The main user story."),
            FieldShape("requirements", .listOf(.text, atLeast: 1), required: true,
                       "What the network and its twin must support.",
                       example: .list([.string("Real-time monitoring of network state")])),
            FieldShape("benefits", .listOf(.text), "Benefits of deploying the twin.",
                       example: .list([.string("Enhanced resilience and fault tolerance")])),
            FieldShape("applications", .listOf(.object(application), atLeast: 1), required: true,
                       "The twin applications wanted."),
            FieldShape("network", .object(network), required: true, "The body network."),
            FieldShape("activity", .oneOf(ActivityProfileName.self),
                       "Who wears the network: the activity profile whose posture chain and on-body fading the twin simulates (default `ambulatory`; an intent may override it).",
                       example: .string("ward-patient")),
        ])
}
