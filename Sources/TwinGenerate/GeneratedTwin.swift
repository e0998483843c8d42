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
    GeneratedTwin(files: [
        "twin.json": input.config.canonicalJSON(),
        "design.md": DesignDocument(input).render(),
        "twin.dot": TwinGraph(input).render(),
    ])
}
