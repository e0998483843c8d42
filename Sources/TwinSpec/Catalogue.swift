import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// A user catalogue: entries added to (or replacing) the built-in catalogue.
public struct Catalogue: Sendable, Hashable {
    public var file: String
    public var name: Located<String>
    public var description: Located<String>?
    /// All entries, list by list in `CatalogueEntryKind` order, each in document order.
    public var entries: [CatalogueEntry]

    public func entries(of kind: CatalogueEntryKind) -> [CatalogueEntry] { entries.filter { $0.kind == kind } }
}

/// The fields every catalogue entry has, plus its kind-specific details.
public struct CatalogueEntry: Sendable, Hashable {
    public var id: Located<String>
    public var title: Located<String>?
    public var description: Located<String>
    public var provides: [Located<String>]
    public var requires: [Located<String>]
    public var validity: Validity?
    public var fidelity: [Located<Fidelity>]
    public var cost: Located<Double>?
    public var source: Located<String>?
    public var overrides: Located<Bool>?
    public var details: Details

    public var kind: CatalogueEntryKind {
        switch details {
        case .application: .application
        case .model: .model
        case .method: .method
        case .radio: .radio
        case .battery: .battery
        case .deviceClass: .deviceClass
        }
    }

    public enum Details: Sendable, Hashable {
        case application(application: Located<ApplicationKind>, kpis: [Located<KPI>])
        case model(family: Located<ModelFamily>, kpis: [Located<KPI>])
        case method(representation: Located<Representation>, families: [Located<ModelFamily>])
        case radio(RadioProfile)
        case battery(BatteryProfile)
        case deviceClass(DeviceClassProfile)
    }
}

public struct Validity: Sendable, Hashable {
    public var bands: [Located<Band>]
    public var placements: [Located<Placement>]
    public var bodies: [Located<BodyRegion>]
    public var technologies: [Located<Technology>]
}

public struct RadioProfile: Sendable, Hashable {
    public var technology: Located<Technology>
    public var bands: [Located<Band>]
    public var txPowerMin: Located<PowerLevel>?
    public var txPowerMax: Located<PowerLevel>?
    public var txCurrent: Located<Current>?
    public var rxCurrent: Located<Current>?
    public var sleepCurrent: Located<Current>?
    public var voltage: Located<Voltage>?
    public var sensitivity: Located<PowerLevel>?
    public var dataRate: Located<DataRate>?
}

public struct BatteryProfile: Sendable, Hashable {
    public var capacity: Located<Charge>
    public var voltage: Located<Voltage>
    public var chemistry: Located<BatteryChemistry>?
    public var rechargeable: Located<Bool>?
    public var selfDischarge: Located<Ratio>?
}

public struct DeviceClassProfile: Sendable, Hashable {
    public var placements: [Located<Placement>]
    public var traffic: TrafficSettings?
    public var radio: Located<String>?
    public var battery: Located<String>?
    public var priority: Located<Int>?
    public var implantable: Located<Bool>?
}
