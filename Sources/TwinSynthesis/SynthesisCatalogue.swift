import TwinDiagnostics
import TwinSpec
import TwinVocabulary

/// The catalogue synthesis chooses from: the built-in documents plus the user's, merged
/// by id (a later entry with `overrides: true` replaces an earlier one; clashes without
/// it are `checkWorkspace`'s TS018 and never reach this stage). Every list is sorted by
/// id so that selection never depends on file or hash order.
public struct SynthesisCatalogue: Sendable, Hashable {
    public private(set) var entries: [CatalogueEntry]

    /// Merges catalogues in order: built-in first, then user catalogues.
    public init(_ catalogues: [Catalogue]) {
        var byID: [String: CatalogueEntry] = [:]
        for entry in catalogues.flatMap(\.entries) {
            if byID[entry.id.value] == nil || entry.overrides?.value == true {
                byID[entry.id.value] = entry
            }
        }
        entries = byID.values.sorted { $0.id.value < $1.id.value }
    }

    /// The built-in catalogue alone (its documents read without diagnostics; a test
    /// asserts that).
    public static func builtIn() -> SynthesisCatalogue { SynthesisCatalogue(BuiltinCatalogue.load().catalogues) }

    /// The same catalogue without one entry (what-if analysis and the property test
    /// that removing a model never makes a plan cheaper).
    public func removing(_ id: String) -> SynthesisCatalogue {
        var copy = self
        copy.entries.removeAll { $0.id.value == id }
        return copy
    }

    /// The entry with `id`, by binary search: `entries` is sorted by id, and generating
    /// a twin looks entries up a few hundred times.
    public func entry(_ id: String) -> CatalogueEntry? {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].id.value < id { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].id.value == id ? entries[low] : nil
    }
    public func entries(of kind: CatalogueEntryKind) -> [CatalogueEntry] { entries.filter { $0.kind == kind } }

    public var applications: [CatalogueEntry] { entries(of: .application) }
    public var models: [CatalogueEntry] { entries(of: .model) }
    public var methods: [CatalogueEntry] { entries(of: .method) }
}

extension CatalogueEntry {
    /// Relative evaluation cost; an entry without one costs 1.
    var costValue: Double { cost?.value ?? 1 }
    public var providedCapabilities: [String] { provides.map(\.value) }
    var requiredCapabilities: [String] { requires.map(\.value) }
    var fidelityLevels: Set<Fidelity> {
        fidelity.isEmpty ? Set(Fidelity.allCases) : Set(fidelity.map(\.value))
    }
    var modelFamily: ModelFamily? {
        if case .model(let family, _) = details { family.value } else { nil }
    }
    var methodFamilies: [ModelFamily]? {
        if case .method(_, let families) = details { families.map(\.value) } else { nil }
    }
    var representation: Representation? {
        if case .method(let representation, _) = details { representation.value } else { nil }
    }
    var applicationKind: ApplicationKind? {
        if case .application(let application, _) = details { application.value } else { nil }
    }
    var evaluatedKPIs: [KPI] {
        switch details {
        case .application(_, let kpis), .model(_, let kpis): kpis.map(\.value)
        default: []
        }
    }
    /// A `profile:NAME` capability links a radio or battery entry to a TwinModels profile.
    public var linkedProfileName: String? {
        providedCapabilities.first { $0.hasPrefix("profile:") }.map { String($0.dropFirst("profile:".count)) }
    }
}

extension Fidelity {
    /// packet > flow > analytic: a finer representation can answer what a coarser one can.
    var rank: Int {
        switch self {
        case .analytic: 0
        case .flow: 1
        case .packet: 2
        }
    }
}
