import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver
import TwinSweep

/// `twinc sweep plan SWEEP --out DIR`: checks the sweep against its twins and writes
/// the plan (manifest.json and the twins) into DIR. Exit 65 with located diagnostics
/// for a bad knob, value, goal, scenario or intent; nothing is written then.
struct SweepPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Expand a sweep document into content-addressed shards in a folder.")

    @Argument(help: "The sweep document (kind: sweep).")
    var sweep: String

    @Option(help: "The plan folder (created; finished shards of the same plan are kept).")
    var out: String

    func run() throws {
        let result = planSweep(file: sweep)
        if !result.diagnostics.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(result.diagnostics, sources: result.sources)
        }
        guard let plan = result.plan else { try endCommand(with: result.exitStatus); return }
        let problems = plan.write(to: out)
        if !problems.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(problems, sources: result.sources)
            try endCommand(with: .cannotCreate)
        }
        print("plan \(plan.id): \(plan.shards.count) shards (\(plan.pointCount) points × \(plan.shards.count / max(plan.pointCount, 1)) seeds) in \(out)")
    }
}
