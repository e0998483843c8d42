import TwinUnits
import TwinVocabulary

/// The shapes of a catalogue document (see docs/documents.md, `kind: catalogue`). Every
/// entry kind shares the common fields and adds its own.
public enum CatalogueShapes {
    public static let validity = ObjectShape("validity", "Where an entry is valid.", fields: [
        FieldShape("bands", .listOf(.oneOf(Band.self)), "Frequency bands.", example: .list([.string("ism-2400")])),
        FieldShape("placements", .listOf(.oneOf(Placement.self)), "Body placements.",
                   example: .list([.string("chest")])),
        FieldShape("bodies", .listOf(.oneOf(BodyRegion.self)), "Channel regimes.", example: .list([.string("on-body")])),
        FieldShape("technologies", .listOf(.oneOf(Technology.self)), "Link technologies.",
                   example: .list([.string("ban-nb")])),
    ])

    static func common(_ kind: CatalogueEntryKind) -> [FieldShape] {
        let needsSource: Bool = [.model, .radio, .battery].contains(kind)
        return [
            FieldShape("id", .identifier, required: true, "Unique across all catalogue entries.",
                       example: .string(exampleID(kind))),
            FieldShape("title", .text, "Display title.", example: .string("IEEE 802.15.6 CM3 on-body channel")),
            FieldShape("description", .text, required: true, "What it is and when to use it.",
                       example: .string("On-body path loss after Yazdandoost & Sayrafian-Pour.")),
            FieldShape("provides", .listOf(.text), "Capabilities it provides.", example: .list([.string("kpi:latency")])),
            FieldShape("requires", .listOf(.text), "Capabilities it needs from other entries.",
                       example: .list([.string("channel:on-body")])),
            FieldShape("validity", .object(validity), "Where it is valid."),
            FieldShape("fidelity", .listOf(.oneOf(Fidelity.self)), "Fidelity levels it supports.",
                       example: .list([.string("packet")])),
            FieldShape("cost", .number(DeclaredRanges.cost), "Relative evaluation cost; synthesis minimises the sum.",
                       example: .number(1)),
            FieldShape("source", .text, required: needsSource, "Citation: paper, table, datasheet, ban-numbers row.",
                       example: .string("ban-numbers.md §1, IEEE P802.15-08-0780")),
            FieldShape("overrides", .boolean, "`true` replaces the built-in entry with the same id.",
                       example: .boolean(true)),
        ]
    }

    private static func exampleID(_ kind: CatalogueEntryKind) -> String {
        switch kind {
        case .application: "energy"
        case .model: "ieee802156-cm3-channel"
        case .method: "discrete-event"
        case .radio: "nrf52840-ble"
        case .battery: "cr2032"
        case .deviceClass: "ecg-patch"
        }
    }

    public static func entry(_ kind: CatalogueEntryKind) -> ObjectShape {
        switch kind {
        case .application:
            ObjectShape("application entry", "A twin application.", fields: common(kind) + [
                FieldShape("application", .oneOf(ApplicationKind.self), required: true,
                           "The application it implements.", example: .string("energy")),
                FieldShape("kpis", .listOf(.oneOf(KPI.self)), "KPIs it evaluates.", example: .list([.string("lifetime")])),
            ])
        case .model:
            ObjectShape("model entry", "A model of one aspect of the BAN.", fields: common(kind) + [
                FieldShape("family", .oneOf(ModelFamily.self), required: true, "What it models.",
                           example: .string("channel")),
                FieldShape("kpis", .listOf(.oneOf(KPI.self)), "KPIs it helps evaluate.",
                           example: .list([.string("delivery-ratio")])),
            ])
        case .method:
            ObjectShape("method entry", "A representation method: how models are evaluated.", fields: common(kind) + [
                FieldShape("representation", .oneOf(Representation.self), required: true, "The kind of method.",
                           example: .string("discrete-event")),
                FieldShape("families", .listOf(.oneOf(ModelFamily.self)), "Model families it can represent.",
                           example: .list([.string("mac")])),
            ])
        case .radio:
            ObjectShape("radio entry", "A radio profile.", fields: common(kind) + [
                FieldShape("technology", .oneOf(Technology.self), required: true, "Link technology.",
                           example: .string("ble")),
                FieldShape("bands", .listOf(.oneOf(Band.self)), "Bands it supports.", example: .list([.string("ism-2400")])),
                FieldShape("tx-power-min", .quantity(DeclaredRanges.radioPowerLevel), "Lowest TX power.", example: .string("-40 dBm")),
                FieldShape("tx-power-max", .quantity(DeclaredRanges.radioPowerLevel), "Highest TX power.", example: .string("8 dBm")),
                FieldShape("tx-current", .quantity(DeclaredRanges.current), "TX current at the highest power.",
                           example: .string("16.4 mA")),
                FieldShape("rx-current", .quantity(DeclaredRanges.current), "RX current.", example: .string("6.26 mA")),
                FieldShape("sleep-current", .quantity(DeclaredRanges.current), "Sleep current.",
                           example: .string("0.9 uA")),
                FieldShape("voltage", .quantity(DeclaredRanges.voltage), "Supply voltage.", example: .string("3 V")),
                FieldShape("sensitivity", .quantity(DeclaredRanges.receiverLevel), "Receiver sensitivity.",
                           example: .string("-95 dBm")),
                FieldShape("data-rate", .quantity(DeclaredRanges.bitRate), "PHY data rate.", example: .string("1 Mbps")),
            ])
        case .battery:
            ObjectShape("battery entry", "A battery profile.", fields: common(kind) + [
                FieldShape("capacity", .quantity(DeclaredRanges.capacity), required: true, "Capacity.",
                           example: .string("225 mAh")),
                FieldShape("voltage", .quantity(DeclaredRanges.voltage), required: true, "Nominal voltage.",
                           example: .string("3 V")),
                FieldShape("chemistry", .oneOf(BatteryChemistry.self), "Cell chemistry.", example: .string("li-mno2")),
                FieldShape("rechargeable", .boolean, "Whether it can be recharged.", example: .boolean(false)),
                FieldShape("self-discharge", .quantity(DeclaredRanges.fraction), "Self-discharge per year.",
                           example: .string("1 %")),
            ])
        case .deviceClass:
            ObjectShape("device-class entry", "A class of device and its defaults.", fields: common(kind) + [
                FieldShape("placements", .listOf(.oneOf(Placement.self)), "Placements the class supports.",
                           example: .list([.string("chest")])),
                FieldShape("traffic", .object(UseCaseShapes.traffic), "Default traffic."),
                FieldShape("radio", .identifier, "Default radio profile.", example: .string("ieee802156-nb-2400")),
                FieldShape("battery", .identifier, "Default battery profile.", example: .string("cr2032")),
                FieldShape("priority", .integer(DeclaredRanges.userPriority), "Default IEEE 802.15.6 user priority.", example: .integer(6)),
                FieldShape("implantable", .boolean, "Whether it can be implanted.", example: .boolean(false)),
            ])
        }
    }

    public static let document = ObjectShape(
        "catalogue", "Applications, models, representation methods and profiles added to the built-in catalogue.",
        fields: HeaderShapes.fields(.catalogue) + [
            FieldShape("name", .identifier, required: true, "The catalogue's name.", example: .string("ward-radios")),
            FieldShape("description", .text, "What the catalogue adds.",
                       example: .string("Radio and battery profiles of the ward's devices.")),
        ] + CatalogueEntryKind.allCases.map { kind in
            FieldShape(kind.listKey, .listOf(.object(entry(kind))), "\(kind.rawValue) entries.")
        },
        anyOfRequired: [CatalogueEntryKind.allCases.map(\.listKey)])
}
