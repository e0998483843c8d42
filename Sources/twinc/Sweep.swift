import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver
import TwinSweep

/// `twinc sweep`: design-space sweeps. Each subcommand is its own file
/// (`SweepPlan.swift`, `SweepRun.swift`, …) and only turns flags into a `TwinSweep`
/// call and its result into output and an exit status.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Sweep a twin's knobs over many runs: plan shards, run them locally, on Slurm or Kubernetes, collect.",
        discussion: """
        A sweep document (kind: sweep; `twinc schema sweep`) names intents or compiled twins, \
        knobs over values, seeds, a horizon and the goals to collect. `plan` expands it into \
        content-addressed shards in a folder; `run` runs one shard (resumable, atomic); \
        `exec` runs all missing shards with an engine (local, slurm, k8s); `status` shows \
        progress; `collect` merges the results into CSV or JSON with the Pareto front. \
        See docs/sweeps.md.
        """,
        subcommands: [SweepPlanCommand.self, SweepRunCommand.self, SweepExecCommand.self, SweepStatusCommand.self,
                      SweepCollectCommand.self])
}

/// Prints a sweep command's diagnostics (text, on standard error) and ends with their status.
func reportSweepError(_ error: SweepError, sources: SourceStore = SourceStore()) throws {
    DiagnosticOutput(format: .text, rules: []).emit(error.diagnostics, sources: sources)
    let status = ExitStatus.forDiagnostics(error.diagnostics)
    try endCommand(with: status == .success ? .dataError : status)
}

/// The plan in `folder`, or its diagnostic printed and the command ended (exit 65/66).
func loadSweepPlan(_ folder: String) throws -> SweepPlan {
    switch SweepPlan.read(folder: folder) {
    case .success(let plan): return plan
    case .failure(let error):
        try reportSweepError(error)
        throw ExitCode(ExitStatus.dataError.rawValue)
    }
}

/// This twinc, to start shard processes with: the resolved executable, not argv[0].
var currentExecutable: String {
    Bundle.main.executablePath ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
}
