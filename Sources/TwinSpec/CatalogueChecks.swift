import TwinDiagnostics

/// Checks inside one catalogue: ids are unique across all its lists.
enum CatalogueChecks {
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        ReferenceChecks.duplicates(catalogue.entries.map(\.id), what: "catalogue id")
    }
}
