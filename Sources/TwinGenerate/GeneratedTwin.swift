import TwinConfig
import TwinSpec
import TwinSynthesis

/// The generate stage's output for one intent: the files of `Generated/<intent>/`,
/// each fully rendered in memory so the driver can write them atomically (or compare
/// them in `--check`) without a half-written folder.
public struct GeneratedTwin: Sendable, Equatable {
    /// File name → contents, e.g. `twin.json`, `design.md`, `twin.dot`.
    public var files: [String: String]

    public init(files: [String: String]) { self.files = files }
}

/// Everything the generate stage reads: the checked documents, the plan and the
/// configuration synthesis built from it.
public struct GenerationInput: Sendable {
    public var useCase: UseCase
    public var intent: Intent
    public var plan: TwinPlan
    public var config: TwinConfig

    public init(useCase: UseCase, intent: Intent, plan: TwinPlan, config: TwinConfig) {
        self.useCase = useCase
        self.intent = intent
        self.plan = plan
        self.config = config
    }
}

/// Renders the three files. A plain function: same input, same bytes.
public func generateTwin(_ input: GenerationInput) -> GeneratedTwin {
    GeneratedTwin(twinJSON: input.config.canonicalJSON(), documents: renderDocuments(input))
}

/// The files people read, design.md and twin.dot, apart from twin.json: the driver
/// renders them on one core while it renders twin.json and reads it back for admission
/// on the other.
public func renderDocuments(_ input: GenerationInput) -> [String: String] {
    ["design.md": DesignDocument(input).render(), "twin.dot": TwinGraph(input).render()]
}

extension GeneratedTwin {
    /// twin.json beside the documents `renderDocuments` rendered.
    public init(twinJSON: String, documents: [String: String]) {
        self.init(files: documents.merging(["twin.json": twinJSON]) { _, json in json })
    }
}
