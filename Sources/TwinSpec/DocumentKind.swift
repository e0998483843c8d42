/// The three document kinds, named by the `kind:` key.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case usecase, intent, catalogue

    /// The root shape of documents of this kind: the readers and the JSON Schema both
    /// start here.
    public var shape: ObjectShape {
        switch self {
        case .usecase: UseCaseShapes.document
        case .intent: IntentShapes.document
        case .catalogue: CatalogueShapes.document
        }
    }
}

/// The two header keys every document starts with.
enum HeaderShapes {
    static func fields(_ kind: DocumentKind) -> [FieldShape] {
        [
            FieldShape("twin", .constant(1), required: true,
                       "Document format version. Only `1` exists.", example: .integer(1)),
            FieldShape("kind", .enumeration([kind.rawValue]), required: true,
                       "Document kind: `usecase`, `intent` or `catalogue`.", example: .string(kind.rawValue)),
        ]
    }
}
