import Foundation
import TwinConfig
import TwinApplications
import TwinDiagnostics
import TwinOutput
import TwinRuntime
import TwinUnits

/// What `twinc run` produced: the analysis (report, applications, optimisation) when
/// the twin ran, otherwise the diagnostics that stopped it (with the sources they
/// quote) and the exit status.
public struct RunTwinResult: Sendable {
    public var analysis: TwinAnalysis?
    public var report: RunReport? { analysis?.report }
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    /// The twin.json actually read (the argument, or `twin.json` inside a folder).
    public var file: String
    /// A flag that does not fit the twin (a `--warmup` as long as the horizon): exit 64.
    public var usageError: RunFlagError?

    /// 0 when the twin ran, whatever its verdicts; 65 for a twin.json that cannot be
    /// read or simulated; 66 when it cannot be opened; 73 when the recommended twin
    /// (`--recommended-out`) cannot be written.
    public var exitStatus: ExitStatus {
        if report != nil {
            return diagnostics.contains { $0.code == DriverDiagnostics.cannotWrite } ? .cannotCreate : .success
        }
        if usageError != nil { return .usage }
        let status = ExitStatus.forDiagnostics(diagnostics)
        return status == .success ? .software : status
    }
}

extension RunTwinResult {
    /// The results as `twinc run` prints them: canonical JSON or the text tables.
    public func renderedReport(json: Bool) -> String? {
        analysis.map { json ? $0.canonicalJSON() : $0.text() }
    }
}

/// Options of a run from the command line.
public struct RunTwinOptions: Sendable {
    public var overrides: RunOverrides
    public var maximumConcurrency: Int
    /// Search the twin's knobs for a recommended configuration (`--no-optimise` clears it).
    public var optimise: Bool
    /// What the run writes beside its report (`--html`, `--view`, `--at`/`--scenario`),
    /// held here once; `--at` and `--scenario` are checked against the twin before
    /// anything runs.
    public var outputs: RunOutputRequest

    public init(overrides: RunOverrides = RunOverrides(), maximumConcurrency: Int = 1, optimise: Bool = false,
                outputs: RunOutputRequest = RunOutputRequest()) {
        self.overrides = overrides
        self.maximumConcurrency = maximumConcurrency
        self.optimise = optimise
        self.outputs = outputs
    }

    /// Build the network view even when the plan did not select it: `--view`, `--at` and
    /// `--html` need its time series.
    public var forceView: Bool { outputs.needsView }

    var analysisOptions: AnalysisOptions {
        AnalysisOptions(run: RunOptions(maximumConcurrency: maximumConcurrency), forceView: forceView,
                        optimiser: optimise ? OptimiserOptions() : nil)
    }
}

/// Loads twin.json (a file, or a folder holding `twin.json` such as
/// `Generated/icu-monitoring`), reads it with `TwinConfig.read` (`TK…` diagnostics at
/// the member at fault), and runs it. Stops at the first stage with errors.
public func runTwinFile(path: String, options: RunTwinOptions = RunTwinOptions(),
                        progress: (@Sendable (RunProgress) -> Void)? = nil) -> RunTwinResult {
    let file = twinFile(for: path)
    let loaded = SourceLoader().load([file])
    var result = RunTwinResult(analysis: nil, diagnostics: loaded.diagnostics, sources: SourceStore(), file: file)
    guard let source = loaded.files.first, !loaded.diagnostics.hasErrors else { return result }
    result.sources.add(file: source.path, text: source.text)

    let read = TwinConfig.read(text: source.text, file: source.path)
    result.diagnostics += read.diagnostics
    guard let config = read.config, !read.diagnostics.hasErrors else { return result }

    let plan = RunPlan(config: config, overrides: options.overrides)
    let settings = plan.settings
    if let at = options.outputs.snapshotAt, at > settings.horizon {
        result.usageError = RunFlagError(
            "--at (\(at.quantity.formatted)) is beyond the horizon (\(settings.horizon.quantity.formatted))")
        return result
    }
    if let id = options.outputs.snapshotScenario, !config.scenarios.contains(where: { $0.id == id }) {
        result.usageError = RunFlagError(
            "--scenario: no scenario `\(id)` (scenarios: \(config.scenarios.map(\.id).joined(separator: ", ")))")
        return result
    }
    if options.overrides.warmup != nil, settings.warmup >= settings.horizon {
        result.usageError = RunFlagError(
            "--warmup (\(settings.warmup.quantity.formatted)) must be shorter than the horizon (\(settings.horizon.quantity.formatted))")
        return result
    }
    let outside = plan.eventsOutsideRun
    guard outside.isEmpty else {
        result.diagnostics += RunFailureDiagnostic.diagnostics(
            for: outside, horizon: settings.horizon, text: source.text, file: source.path,
            horizonFromFlag: options.overrides.horizon != nil)
        return result
    }
    do throws(RunFailure) {
        result.analysis = try analyseTwin(plan, options: options.analysisOptions, progress: progress)
        if let folder = options.outputs.recommendedFolder {
            result.diagnostics += writeRecommendedTwin(source: config, analysis: result.analysis, to: folder)
        }
    } catch {
        result.diagnostics.append(RunFailureDiagnostic.diagnostic(
            for: error, text: source.text, file: source.path, horizonFromFlag: options.overrides.horizon != nil))
    }
    return result
}

/// `DIR/twin.json` when `path` is a folder, else `path`.
func twinFile(for path: String) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        return path
    }
    return (path.hasSuffix("/") ? String(path.dropLast()) : path) + "/twin.json"
}
