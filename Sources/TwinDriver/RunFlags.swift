import TwinRuntime
import TwinUnits

/// Reading the run flags that hold quantities (`--horizon 24h`, `--warmup 30 min`) with
/// the same parser as the YAML documents, so the CLI accepts exactly what an intent
/// accepts. A bad value is a usage error (exit 64) with a message naming the flag.
public enum RunFlags {
    /// The longest horizon twin.json may hold (`TK005`): 10 years.
    public static let maximumHorizon = Time.years(10)

    /// A positive time of at most ten years.
    public static func horizon(_ text: String) -> Result<Time, RunFlagError> {
        time(text, flag: "--horizon", allowZero: false)
    }

    /// A time within `DeclaredRanges.sampleInterval` (`--sample-interval 10s`), the range
    /// twin.json's `run.sampleInterval_s` is held to.
    public static func sampleInterval(_ text: String) -> Result<Time, RunFlagError> {
        time(text, flag: "--sample-interval", allowZero: false).flatMap { time in
            let range = DeclaredRanges.sampleInterval
            return range.contains(time.si) ? .success(time)
                : .failure(RunFlagError("--sample-interval must be \(range.description), got `\(text)`"))
        }
    }

    /// A positive time of at most ten years (`--at 3h`): the first sample of the view is
    /// taken one sample interval into the run, so there is no state to show at 0.
    public static func snapshotTime(_ text: String) -> Result<Time, RunFlagError> {
        time(text, flag: "--at", allowZero: false)
    }

    /// A non-negative time of at most ten years.
    public static func warmup(_ text: String) -> Result<Time, RunFlagError> {
        time(text, flag: "--warmup", allowZero: true)
    }

    static func time(_ text: String, flag: String, allowZero: Bool) -> Result<Time, RunFlagError> {
        let example = "`24h` or `30 min`"
        switch Quantity.parse(minutesSpelledM(text)) {
        case .failure(.missingNumber), .failure(.notFinite):
            return .failure(RunFlagError("\(flag) expects a time such as \(example), got `\(text)`"))
        case .failure(.missingUnit):
            return .failure(RunFlagError("\(flag) needs a unit, e.g. `\(text.trimmed) h` or `\(text.trimmed) s`"))
        case .failure(.unknownUnit(let unit, let suggestion)):
            let hint = suggestion.map { "; did you mean `\($0)`?" } ?? ""
            return .failure(RunFlagError("\(flag): unknown unit `\(unit)` in `\(text)`\(hint)"))
        case .success(let quantity):
            guard let time = Time(quantity) else {
                return .failure(RunFlagError(
                    "\(flag) expects a time such as \(example), got a \(quantity.dimension) (`\(text)`)"))
            }
            guard allowZero ? time.si >= 0 : time.si > 0 else {
                return .failure(RunFlagError("\(flag) must be \(allowZero ? "zero or more" : "positive"), got `\(text)`"))
            }
            guard time <= maximumHorizon else {
                return .failure(RunFlagError("\(flag) must be at most 10 years, got `\(text)`"))
            }
            return .success(time)
        }
    }
}

/// A flag value that cannot be used; `message` is shown as is, after `twinc: error:`.
/// `30m` where only a time makes sense means 30 minutes (the usual spelling in
/// durations: `sleep 30m`, `--timeout 30m`), not 30 metres: the flags take a time.
func minutesSpelledM(_ text: String) -> String {
    let trimmed = text.trimmed
    guard trimmed.hasSuffix("m"), let number = Double(trimmed.dropLast().trimmingTrailingSpaces), number.isFinite else {
        return text
    }
    return String(trimmed.dropLast()) + "min"
}

public struct RunFlagError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}

extension String {
    fileprivate var trimmed: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}

extension RunTwinOptions {
    /// The options from `twinc run`'s flags (nil: not given); quantities are parsed as
    /// in `RunFlags`, `jobs` defaults to the number of processors.
    public static func fromFlags(seed: UInt64?, horizon: String?, warmup: String?, replications replicationsFlag: String?,
                                 jobs: Int?, processors: Int, sampleInterval: String? = nil,
                                 maximumReplications: Int? = nil, timeBudget: String? = nil) -> Result<RunTwinOptions, RunFlagError> {
        var replications: Int?
        var sequential: SequentialStopping? = SequentialStopping()
        switch replicationsFlag?.lowercased() {
        case nil, "auto":
            break
        case let text?:
            guard let count = Int(text) else {
                return .failure(RunFlagError("--replications expects `auto` or a count such as 5, got `\(text)`"))
            }
            replications = count
            sequential = nil
        }
        if let maximumReplications {
            guard sequential != nil else {
                return .failure(RunFlagError("--max-replications only applies with --replications auto"))
            }
            guard (1...1000).contains(maximumReplications) else {
                return .failure(RunFlagError("--max-replications must be between 1 and 1000, got \(maximumReplications)"))
            }
            sequential?.maximum = maximumReplications
        }
        if let timeBudget {
            guard sequential != nil else { return .failure(RunFlagError("--time-budget only applies with --replications auto")) }
            switch RunFlags.time(timeBudget, flag: "--time-budget", allowZero: false) {
            case .success(let time): sequential?.wallClockBudget = time
            case .failure(let error): return .failure(error)
            }
        }
        var overrides = RunOverrides(replications: replications, seed: seed, sequential: sequential)
        if let sampleInterval {
            switch RunFlags.sampleInterval(sampleInterval) {
            case .success(let time): overrides.sampleInterval = time
            case .failure(let error): return .failure(error)
            }
        }
        if let horizon {
            switch RunFlags.horizon(horizon) {
            case .success(let time): overrides.horizon = time
            case .failure(let error): return .failure(error)
            }
        }
        if let warmup {
            switch RunFlags.warmup(warmup) {
            case .success(let time): overrides.warmup = time
            case .failure(let error): return .failure(error)
            }
        }
        if let replications, !DeclaredRanges.replications.bounds.contains(replications) {
            return .failure(RunFlagError("--replications must be between 1 and 1000, got \(replications)"))
        }
        if let jobs, jobs < 1 { return .failure(RunFlagError("--jobs must be at least 1, got \(jobs)")) }
        return .success(RunTwinOptions(overrides: overrides, maximumConcurrency: jobs ?? max(1, processors)))
    }
}
