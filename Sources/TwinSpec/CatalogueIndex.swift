import TwinUnits
import TwinVocabulary

/// What the cross-document checks need to know about a catalogue: the ids of each kind
/// and the limits of each radio profile. The synthesis stage builds one from its
/// built-in catalogue and passes it to `checkWorkspace`; user catalogues in the
/// workspace are added on top.
///
/// A kind missing from `ids` is *unknown*: references to entries of that kind are not
/// checked (there is nothing to check them against), which is what `.unknown` gives
/// before a built-in catalogue exists.
public struct CatalogueIndex: Sendable, Hashable {
    public var ids: [CatalogueEntryKind: Set<String>]
    public var radios: [String: RadioLimits]
    /// Device class → whether it names a default battery. A device without `battery`
    /// takes its class's; with neither, the twin would have no energy store to run.
    public var classHasBattery: [String: Bool] = [:]

    public init(ids: [CatalogueEntryKind: Set<String>] = [:], radios: [String: RadioLimits] = [:]) {
        self.ids = ids
        self.radios = radios
    }

    /// Nothing known: only references checkable without a catalogue are checked.
    public static let unknown = CatalogueIndex()

    /// The index of typed catalogues (for a built-in catalogue written as YAML); every
    /// kind becomes known, even when a kind has no entries.
    public init(catalogues: [Catalogue]) {
        var ids: [CatalogueEntryKind: Set<String>] = [:]
        for kind in CatalogueEntryKind.allCases { ids[kind] = [] }
        var radios: [String: RadioLimits] = [:]
        for entry in catalogues.flatMap(\.entries) {
            ids[entry.kind, default: []].insert(entry.id.value)
            if case .radio(let profile) = entry.details { radios[entry.id.value] = RadioLimits(profile) }
        }
        self.init(ids: ids, radios: radios)
        for entry in catalogues.flatMap(\.entries) {
            if case .deviceClass(let profile) = entry.details { classHasBattery[entry.id.value] = profile.battery != nil }
        }
    }

    public func knows(_ kind: CatalogueEntryKind) -> Bool { ids[kind] != nil }
}

/// The parts of a radio profile that a device's settings must agree with.
public struct RadioLimits: Sendable, Hashable {
    public var technology: Technology?
    public var minimumTxPower: PowerLevel?
    public var maximumTxPower: PowerLevel?

    public init(technology: Technology? = nil, minimumTxPower: PowerLevel? = nil, maximumTxPower: PowerLevel? = nil) {
        self.technology = technology
        self.minimumTxPower = minimumTxPower
        self.maximumTxPower = maximumTxPower
    }

    init(_ profile: RadioProfile) {
        self.init(technology: profile.technology.value, minimumTxPower: profile.txPowerMin?.value,
                  maximumTxPower: profile.txPowerMax?.value)
    }
}
