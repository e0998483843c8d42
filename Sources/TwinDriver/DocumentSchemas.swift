import TwinConfig
import TwinSpec
import TwinSynthesis

/// The JSON Schemas twinc publishes, one file each: the three YAML document kinds and
/// the generated twin.json. The document schemas list the catalogue's radio and
/// battery profile ids (the built-in catalogue's and, when given, a user's) so an
/// editor completes them; `Generated/schema/` holds the built-in-only set and
/// `twinc schema --write DIR` writes the same files into a user's repository.
public struct DocumentSchemas: Sendable {
    /// `(file name, text)` in a fixed order: `usecase.schema.json`, … `twin.schema.json`.
    public var files: [(name: String, text: String)]

    /// `userCatalogues`: documents already read (their ids join the built-in ones).
    public init(userCatalogues: [Catalogue] = []) {
        let ids = Self.catalogueIDs(BuiltinCatalogue.load().catalogues + userCatalogues)
        files = DocumentKind.allCases.map { ("\($0.rawValue).schema.json", jsonSchema(for: $0, catalogueIDs: ids)) }
        files.append(("twin.schema.json", TwinConfig.jsonSchema()))
    }

    /// The schema of one kind (`twin` for twin.json); nil for an unknown name.
    public func text(of kind: String) -> String? {
        files.first { $0.name == "\(kind).schema.json" }?.text
    }

    /// Ids by kind, sorted and without repeats (a user entry overriding a built-in one
    /// keeps one id).
    static func catalogueIDs(_ catalogues: [Catalogue]) -> [CatalogueEntryKind: [String]] {
        var ids: [CatalogueEntryKind: Set<String>] = [:]
        for entry in catalogues.flatMap(\.entries) { ids[entry.kind, default: []].insert(entry.id.value) }
        return ids.mapValues { $0.sorted() }
    }
}
