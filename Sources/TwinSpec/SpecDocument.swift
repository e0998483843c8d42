import TwinDiagnostics

/// One typed document, whatever its kind.
public enum SpecDocument: Sendable, Hashable {
    case usecase(UseCase)
    case intent(Intent)
    case catalogue(Catalogue)

    public var kind: DocumentKind {
        switch self {
        case .usecase: .usecase
        case .intent: .intent
        case .catalogue: .catalogue
        }
    }

    public var file: String {
        switch self {
        case .usecase(let u): u.file
        case .intent(let i): i.file
        case .catalogue(let c): c.file
        }
    }

    public var name: Located<String> {
        switch self {
        case .usecase(let u): u.name
        case .intent(let i): i.name
        case .catalogue(let c): c.name
        }
    }
}
