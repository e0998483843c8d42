/// Kinds of catalogue entry; each is its own list in a catalogue document.
public enum CatalogueEntryKind: String, Sendable, Hashable, CaseIterable {
    case application, model, method, radio, battery, deviceClass = "device-class"

    /// The key of the catalogue document's list holding entries of this kind.
    public var listKey: String {
        switch self {
        case .application: "applications"
        case .model: "models"
        case .method: "methods"
        case .radio: "radios"
        case .battery: "batteries"
        case .deviceClass: "device-classes"
        }
    }
}
