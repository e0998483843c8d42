import TwinConfig
import TwinJSON
import TwinRuntime
import TwinVocabulary

/// Everything `twinc run` found about a twin: the goal-by-goal report of the runtime,
/// then what each application the plan selected made of the same outcomes, and the
/// optimiser's recommendation. An application the plan did not select is nil here and
/// absent from the JSON.
public struct TwinAnalysis: Sendable {
    /// The configuration as run (overrides applied).
    public var config: TwinConfig
    public var report: RunReport
    public var view: NetworkView?
    public var resilience: ResilienceReport?
    public var energy: EnergyReport?
    public var security: SecurityReport?
    public var optimisation: OptimisationResult?

    public init(config: TwinConfig, report: RunReport, view: NetworkView? = nil,
                resilience: ResilienceReport? = nil, energy: EnergyReport? = nil,
                security: SecurityReport? = nil, optimisation: OptimisationResult? = nil) {
        self.config = config
        self.report = report
        self.view = view
        self.resilience = resilience
        self.energy = energy
        self.security = security
        self.optimisation = optimisation
    }
}

/// How the applications run, beyond the run settings.
public struct AnalysisOptions: Sendable {
    public var run: RunOptions
    /// Build the network view even when the plan did not select it (`--view`, `--at`,
    /// `--html` need its time series).
    public var forceView: Bool
    /// Search the knobs for a recommended configuration (nil: do not optimise).
    public var optimiser: OptimiserOptions?

    public init(run: RunOptions = RunOptions(), forceView: Bool = false, optimiser: OptimiserOptions? = nil) {
        self.run = run
        self.forceView = forceView
        self.optimiser = optimiser
    }
}

/// Runs every scenario once (with time series recorded), builds the runtime's report,
/// then each selected application from the same outcomes, then the optimiser.
/// A plain function of its inputs: same request and options → same analysis.
public func analyseTwin(_ plan: RunPlan, options: AnalysisOptions = AnalysisOptions(),
                        progress: (@Sendable (RunProgress) -> Void)? = nil) throws(RunFailure) -> TwinAnalysis {
    let config = plan.config
    let selected = Set(config.applications.map(\.id))
    var runOptions = options.run
    let wantsView = options.forceView || selected.contains(ApplicationKind.networkView)
    runOptions.simulation.recordTimeSeries = runOptions.simulation.recordTimeSeries || wantsView
    // The view's traces sample finer around faults and attacks, so the resilience plot
    // shows an outage shorter than the sample interval.
    runOptions.simulation.samplesAroundEvents = runOptions.simulation.samplesAroundEvents || wantsView
    let run = try simulateRun(plan, options: runOptions, progress: progress)
    let outcomes = run.outcomes
    let report = buildReport(plan: plan, outcomes: outcomes, stopping: run.stopping)
    var analysis = TwinAnalysis(config: config, report: report)
    if wantsView { analysis.view = NetworkView.build(config: config, outcomes: outcomes) }
    if selected.contains(.resilience) {
        analysis.resilience = ResilienceReport.evaluate(config: config, outcomes: outcomes, report: report)
    }
    if selected.contains(.energy) {
        analysis.energy = EnergyReport.evaluate(config: config, outcomes: outcomes, report: report)
    }
    if selected.contains(.security) {
        analysis.security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
    }
    // The optimiser's runs build their own plans: they stop scenarios where this run did
    // (`GoalSettling`), or its candidates would be compared with the baseline over
    // other times.
    var optimiserRun = options.run
    optimiserRun.simulation.stopWhenGoalsSettled = options.run.simulation.stopWhenGoalsSettled && plan.stopsWhenGoalsSettled
    if let optimiser = options.optimiser {
        // The optimiser weighs the energy application's recommendation and never
        // recommends a value its what-if rejects; the baseline's outcomes pair with the
        // recommendation's run (common random numbers).
        analysis.optimisation = try optimise(
            config: config, baseline: report, options: optimiser, run: optimiserRun, baselineOutcomes: outcomes,
            excluded: analysis.energy?.rejectedSettings ?? [], proposals: analysis.energy?.proposal.map { [$0] } ?? [])
    }
    return analysis
}
