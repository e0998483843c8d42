import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// Builds a `Catalogue` from a reader opened on the document root with
/// `CatalogueShapes.document`.
enum CatalogueReader {
    static func read(_ r: inout MappingReader, file: String) -> Catalogue? {
        let name = r.identifier("name")
        let description = r.text("description")
        var entries: [CatalogueEntry] = []
        for kind in CatalogueEntryKind.allCases {
            entries += r.objects(kind.listKey) { entry(kind, &$0) }
        }
        guard let name else { return nil }
        return Catalogue(file: file, name: name, description: description, entries: entries)
    }

    static func entry(_ kind: CatalogueEntryKind, _ r: inout MappingReader) -> CatalogueEntry? {
        let id = r.identifier("id")
        let title = r.text("title")
        let description = r.text("description")
        let provides = r.texts("provides")
        let requires = r.texts("requires")
        let validity = r.object("validity") { v in
            Validity(
                bands: v.enumerations("bands", as: Band.self),
                placements: v.enumerations("placements", as: Placement.self),
                bodies: v.enumerations("bodies", as: BodyRegion.self),
                technologies: v.enumerations("technologies", as: Technology.self))
        }
        let fidelity = r.enumerations("fidelity", as: Fidelity.self)
        let cost = r.number("cost")
        let source = r.text("source")
        let overrides = r.boolean("overrides")
        let details = self.details(kind, &r)
        guard let id, let description, let details else { return nil }
        return CatalogueEntry(
            id: id, title: title, description: description, provides: provides, requires: requires,
            validity: validity, fidelity: fidelity, cost: cost, source: source, overrides: overrides,
            details: details)
    }

    private static func details(_ kind: CatalogueEntryKind, _ r: inout MappingReader) -> CatalogueEntry.Details? {
        switch kind {
        case .application:
            let application = r.enumeration("application", as: ApplicationKind.self)
            let kpis = r.enumerations("kpis", as: KPI.self)
            return application.map { .application(application: $0, kpis: kpis) }
        case .model:
            let family = r.enumeration("family", as: ModelFamily.self)
            let kpis = r.enumerations("kpis", as: KPI.self)
            return family.map { .model(family: $0, kpis: kpis) }
        case .method:
            let representation = r.enumeration("representation", as: Representation.self)
            let families = r.enumerations("families", as: ModelFamily.self)
            return representation.map { .method(representation: $0, families: families) }
        case .radio:
            let technology = r.enumeration("technology", as: Technology.self)
            let bands = r.enumerations("bands", as: Band.self)
            let txPowerMin = r.powerLevel("tx-power-min")
            let txPowerMax = r.powerLevel("tx-power-max")
            let txCurrent = r.measure("tx-current", as: Current.self)
            let rxCurrent = r.measure("rx-current", as: Current.self)
            let sleepCurrent = r.measure("sleep-current", as: Current.self)
            let voltage = r.measure("voltage", as: Voltage.self)
            let sensitivity = r.powerLevel("sensitivity")
            let dataRate = r.measure("data-rate", as: DataRate.self)
            if let txPowerMin, let txPowerMax, txPowerMin.value > txPowerMax.value {
                r.report(.error(
                    SpecDiagnostics.outOfRange,
                    "`tx-power-min` (\(txPowerMin.value.dBm) dBm) is above `tx-power-max` (\(txPowerMax.value.dBm) dBm)",
                    at: txPowerMin.range, notes: [DiagnosticNote("`tx-power-max` is set here", at: txPowerMax.range)]))
            }
            return technology.map {
                .radio(RadioProfile(
                    technology: $0, bands: bands, txPowerMin: txPowerMin, txPowerMax: txPowerMax,
                    txCurrent: txCurrent, rxCurrent: rxCurrent, sleepCurrent: sleepCurrent, voltage: voltage,
                    sensitivity: sensitivity, dataRate: dataRate))
            }
        case .battery:
            let capacity = r.measure("capacity", as: Charge.self)
            let voltage = r.measure("voltage", as: Voltage.self)
            let chemistry = r.enumeration("chemistry", as: BatteryChemistry.self)
            let rechargeable = r.boolean("rechargeable")
            let selfDischarge = r.measure("self-discharge", as: Ratio.self)
            guard let capacity, let voltage else { return nil }
            return .battery(BatteryProfile(
                capacity: capacity, voltage: voltage, chemistry: chemistry, rechargeable: rechargeable,
                selfDischarge: selfDischarge))
        case .deviceClass:
            let placements = r.enumerations("placements", as: Placement.self)
            let traffic = r.object("traffic", UseCaseReader.traffic)
            let radio = r.identifier("radio")
            let battery = r.identifier("battery")
            let priority = r.integer("priority")
            let implantable = r.boolean("implantable")
            return .deviceClass(DeviceClassProfile(
                placements: placements, traffic: traffic, radio: radio, battery: battery, priority: priority,
                implantable: implantable))
        }
    }
}
