import Foundation
import TwinSpec
import TwinSynthesis
import TwinUnits

/// What `twinc catalogue list|show` prints: the catalogue's entries (built-in, then a
/// user's) with their kind, title and cited source, and one entry's YAML as written,
/// so a user finds which radio, battery, device class or model exists (and what it
/// claims, from where) without opening `Generated/catalogue/*.yaml`.
public struct CatalogueListing: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var kind: CatalogueEntryKind
        public var title: String
        public var source: String
        /// `builtin/radios.yaml` or the user's file.
        public var file: String
        public var line: Int
    }

    public var entries: [Entry]
    /// File → text, for `yaml(of:)`.
    private var texts: [String: String]

    /// `userCatalogues` with the texts of their files (as read by the front end).
    public init(userCatalogues: [Catalogue] = [], userTexts: [String: String] = [:]) {
        let builtIn = BuiltinCatalogue.load().catalogues
        texts = Dictionary(uniqueKeysWithValues: BuiltinCatalogue.documents.map { ($0.path, $0.text) })
            .merging(userTexts) { _, user in user }
        entries = (builtIn + userCatalogues).flatMap { catalogue in
            catalogue.entries.map { entry in
                Entry(id: entry.id.value, kind: entry.kind,
                      title: entry.title?.value ?? entry.description.value,
                      source: entry.source?.value ?? "—", file: catalogue.file, line: entry.id.range.start.line)
            }
        }
    }

    /// Entries of one kind (all when nil), in catalogue order.
    public func entries(of kind: CatalogueEntryKind?) -> [Entry] {
        guard let kind else { return entries }
        return entries.filter { $0.kind == kind }
    }

    /// The last entry with this id (a user's entry overrides a built-in one).
    public func entry(_ id: String) -> Entry? { entries.last { $0.id == id } }

    /// The entry's YAML as written: its list item from `- id:` up to the next item or
    /// the end of the list.
    public func yaml(of entry: Entry) -> String {
        guard let text = texts[entry.file] else { return "" }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard entry.line >= 1, entry.line <= lines.count else { return "" }
        let first = lines[entry.line - 1]
        let indent = first.prefix { $0 == " " }.count
        var block = [first]
        for line in lines[entry.line...] {
            let trimmed = line.drop { $0 == " " }
            let lineIndent = line.count - trimmed.count
            if !trimmed.isEmpty, lineIndent <= indent { break }
            block.append(line)
        }
        while let last = block.last, last.allSatisfy({ $0 == " " }) { block.removeLast() }
        return block.joined(separator: "\n") + "\n"
    }

    /// Ids near `id`, for "did you mean" when `show` finds nothing.
    public func nearest(to id: String) -> String? {
        nearestName(to: id, among: entries.map(\.id))
    }
}
