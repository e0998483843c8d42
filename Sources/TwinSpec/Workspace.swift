import TwinDiagnostics
import TwinVocabulary

/// The documents of one run (the files given to `twinc validate` or `compile`), with
/// lookups by name for the cross-document stage and for synthesis.
public struct Workspace: Sendable {
    public var documents: [SpecDocument]

    public init(_ documents: [SpecDocument]) { self.documents = documents }

    public var useCases: [UseCase] {
        documents.compactMap { if case .usecase(let u) = $0 { u } else { nil } }
    }

    public var intents: [Intent] {
        documents.compactMap { if case .intent(let i) = $0 { i } else { nil } }
    }

    public var catalogues: [Catalogue] {
        documents.compactMap { if case .catalogue(let c) = $0 { c } else { nil } }
    }

    /// The first use case with this name (duplicates are a `checkWorkspace` error).
    public func useCase(named name: String) -> UseCase? { useCases.first { $0.name.value == name } }

    /// `builtIn` plus this workspace's catalogue entries (user entries override).
    public func catalogueIndex(builtIn: CatalogueIndex) -> CatalogueIndex {
        var index = builtIn
        for entry in catalogues.flatMap(\.entries) {
            if index.ids[entry.kind] != nil { index.ids[entry.kind]?.insert(entry.id.value) }
            if case .radio(let profile) = entry.details { index.radios[entry.id.value] = RadioLimits(profile) }
            if case .deviceClass(let profile) = entry.details { index.classHasBattery[entry.id.value] = profile.battery != nil }
        }
        return index
    }

    /// Every device class a use case may name: the built-in list, the built-in
    /// catalogue's classes and the workspace's `device-classes` entries.
    public func deviceClasses(builtIn: CatalogueIndex) -> [String] {
        let user = catalogues.flatMap { $0.entries(of: .deviceClass) }.map(\.id.value)
        return Array(Set(builtInDeviceClasses + (builtIn.ids[.deviceClass] ?? []) + user)).sorted()
    }
}
