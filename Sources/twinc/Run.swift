import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver
import TwinUnits

/// `twinc run TWIN`: runs every scenario of a compiled twin and reports every goal as
/// met or not met, with its value and 95 % confidence interval, and every device's
/// figures; then what each application the plan selected found (network view,
/// resilience, energy, security) and the optimiser's recommendation with its verdict
/// table. Exit 0 when it ran (whatever the verdicts), 64 for bad flags, 65 for a
/// twin.json that cannot be read or simulated, 66 when it cannot be opened, 73 when
/// `--html`, `--view` or `--recommended-out` cannot be written (`--recommended-out` is
/// checked before the run).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a compiled twin and report every goal as met or not met.",
        discussion: """
        TWIN is a twin.json or a folder holding one (e.g. Generated/icu-monitoring). \
        Run settings come from twin.json; the flags override them. After the goal tables \
        come the applications the plan selected (resilience, energy, security) and the \
        optimiser's recommended knobs with a verdict table baseline vs recommended \
        (--no-optimise skips the search). --view and --html write the network view and \
        the HTML page; --at prints the network view at one time instead of the report. \
        A progress line is shown on standard error for runs longer than a second, only \
        on a terminal.
        """)

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The twin.json to run, or a folder holding one.", completion: .file(extensions: ["json"]))
    var twin: String

    @Option(help: "Base seed of the random streams (overrides run.seed).")
    var seed: UInt64?

    @Option(help: "Simulated time per replication, e.g. 24h or '30 min' (overrides run.horizon_s).")
    var horizon: String?

    @Option(help: "Time left out of packet statistics at the start, e.g. 10s (overrides run.warmup_s).")
    var warmup: String?

    @Option(help: """
        Replications per scenario: `auto` (the default) replicates in batches of 5 until every goal's verdict is \
        conclusive at 95 % (at most --max-replications), or a count 1-1000 (overrides run.replications).
        """)
    var replications: String?

    @Option(help: "With --replications auto: replications per scenario at most (default 30).")
    var maxReplications: Int?

    @Option(help: "With --replications auto: start no new batch after this much wall-clock time, e.g. 5min.")
    var timeBudget: String?

    @Option(help: """
        Exit 1 when a critical goal is not met (`not-met`), or not met or inconclusive (`inconclusive`): for CI \
        pipelines that assure intents.
        """)
    var failOn: FailOn?

    @Option(help: "Output format: text or json (canonical; byte-identical for the same twin and seed).")
    var format: ReportFormat = .text

    @Option(help: "Replications simulated in parallel (default: one per processor); the report does not depend on it.")
    var jobs: Int?

    @Option(help: "Also write the report as one self-contained HTML page with SVG plots to this file.", completion: .file(extensions: ["html"]))
    var html: String?

    @Flag(name: .customLong("no-optimise"), help: "Skip the optimiser: no search of the twin's knobs, no recommended configuration.")
    var noOptimise = false

    @Flag(name: .customLong("whole-horizon"),
          help: "Simulate every scenario to the horizon, also one whose goals cannot change after its last event (an attack scenario otherwise stops when its last attack is over).")
    var wholeHorizon = false

    @Option(help: "Write the network view (view.json and CSV files) into this folder, replaced as a whole.", completion: .directory)
    var view: String?

    @Option(name: .customLong("recommended-out"),
            help: "Write the recommended twin (twin.json with the optimiser's knobs applied, its provenance noted) into this folder.")
    var recommendedOut: String?

    @Option(help: "Sampling interval of the network view's time series, e.g. 10s (overrides run.sampleInterval_s).")
    var sampleInterval: String?

    @Option(help: "Print the network view at this simulated time (e.g. 3h) instead of the report: the last sample at or before it.")
    var at: String?

    @Option(help: "The scenario --at shows (default: the twin's first scenario).")
    var scenario: String?

    @OptionGroup var diagnosticCap: DiagnosticCapOption

    private var snapshotTime: Result<Time?, RunFlagError> {
        guard let at else { return .success(nil) }
        return RunFlags.snapshotTime(at).map { Optional($0) }
    }

    private var outputs: RunOutputRequest {
        RunOutputRequest(htmlFile: html, viewFolder: view, snapshotAt: (try? snapshotTime.get()) ?? nil,
                         snapshotScenario: scenario, recommendedFolder: recommendedOut)
    }

    private func options() -> Result<RunTwinOptions, RunFlagError> {
        RunTwinOptions.fromFlags(seed: seed, horizon: horizon, warmup: warmup, replications: replications, jobs: jobs,
                                 processors: ProcessInfo.processInfo.activeProcessorCount, sampleInterval: sampleInterval,
                                 maximumReplications: maxReplications, timeBudget: timeBudget)
            .map { options in
                var options = options
                options.outputs = outputs
                // A snapshot may ask for any time before the horizon, in any scenario.
                options.overrides.wholeHorizon = wholeHorizon || at != nil
                // A bare `--at` prints only the snapshot, so the search would be wasted;
                // with `--html` or `--view` the page and files still want it.
                options.optimise = !noOptimise
                    && (outputs.snapshotAt == nil || html != nil || view != nil || recommendedOut != nil)
                return options
            }
    }

    func validate() throws {
        if case .failure(let error) = options() { throw ValidationError(error.message) }
        if case .failure(let error) = snapshotTime { throw ValidationError(error.message) }
        if scenario != nil, at == nil { throw ValidationError("--scenario only applies with --at") }
        if recommendedOut != nil, noOptimise { throw ValidationError("--recommended-out needs the optimiser; drop --no-optimise") }
    }

    func run() throws {
        guard case .success(let options) = options() else { throw ExitCode(ExitStatus.usage.rawValue) }
        let unwritable = outputPathProblems(options.outputs)
        if !unwritable.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(unwritable, sources: SourceStore())
            try endCommand(with: .cannotCreate)
        }
        let onTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        let progress = onTerminal ? RunProgressReporter(write: writeStandardError) : nil
        let result = runTwinFile(path: twin, options: options, progress: progress.map { $0.report })
        progress?.finish()
        if let usage = result.usageError {
            writeStandardError("Error: \(usage.message)\n")
            try endCommand(with: .usage)
        }
        // Standard output holds one document: the report when the twin ran, otherwise
        // (with --format json) the diagnostics. Warnings beside a report go to stderr.
        let ran = result.report != nil
        let diagnosticFormat: DiagnosticFormat = format == .json && !ran ? .json : .text
        if !ran || !result.diagnostics.isEmpty {
            DiagnosticOutput(format: diagnosticFormat, rules: [], cap: diagnosticCap.cap)
                .emit(result.diagnostics, sources: result.sources)
        }
        // Standard output holds one document: the snapshot (`--at`) or the report.
        if let analysis = result.analysis, let time = options.outputs.snapshotAt {
            switch renderSnapshot(analysis, at: time, scenario: options.outputs.snapshotScenario) {
            case .success(let text): print(text, terminator: "")
            case .failure(let error):
                writeStandardError("Error: \(error.message)\n")
                try endCommand(with: .usage)
            }
        } else if let text = result.renderedReport(json: format == .json) {
            print(text, terminator: "")
        }
        if let analysis = result.analysis {
            let written = writeRunOutputs(analysis, request: options.outputs)
            if !written.isEmpty {
                DiagnosticOutput(format: .text, rules: []).emit(written, sources: result.sources)
                try endCommand(with: ExitStatus.forDiagnostics(written))
            }
        }
        if let failOn, let report = result.report, let message = failOn.failure(report) {
            writeStandardError("twinc: \(message)\n")
            try endCommand(with: .goalsNotMet)
        }
        try endCommand(with: result.exitStatus)
    }
}

extension FailOn: ExpressibleByArgument {}
