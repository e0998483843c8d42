import TwinConfig
import TwinJSON
import TwinRuntime

/// Placeholder: how the optimiser searches.
public struct OptimiserOptions: Sendable, Hashable {
    public init() {}
}

/// Placeholder: the recommended configuration and its evidence.
public struct OptimisationResult: Sendable, Hashable {
    public func jsonValue() -> JSONValue { .object([]) }
    public func text() -> String { "" }
}

/// Placeholder: searches the knobs of `config` against its goals.
public func optimise(config: TwinConfig, baseline: RunReport, options: OptimiserOptions,
                     run: RunOptions) throws(RunFailure) -> OptimisationResult {
    OptimisationResult()
}
