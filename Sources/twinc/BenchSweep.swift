import Foundation
import TwinDriver
import TwinSweep

extension Bench {
    /// `twinc bench --only sweep`: shards per minute and where a shard's time goes.
    func sweepSuite() throws {
        let jobs = self.jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        switch benchmarkSweep(sweepFile: sweep, workFolder: NSTemporaryDirectory(), executable: currentExecutable, jobs: jobs) {
        case .failure(let error): try reportSweepError(error)
        case .success(let figures):
            func ms(_ seconds: Double) -> String { String(format: "%7.1f ms", seconds * 1000) }
            func share(_ seconds: Double) -> String { String(format: "%5.1f %%", seconds / figures.processSeconds * 100) }
            print("sweep \(sweep): \(figures.shards) shards on \(figures.jobs) processes in \(String(format: "%.1f", figures.wallSeconds)) s "
                  + "= \(String(format: "%.1f", figures.shardsPerMinute)) shards/min")
            print("  per shard (mean)     time        share of the shard's process")
            print("  plan                \(ms(figures.planPerShard))")
            print("  process start-up    \(ms(figures.startupSeconds))   \(share(figures.startupSeconds))")
            print("  load plan + twin    \(ms(figures.loadSeconds))   \(share(figures.loadSeconds))")
            print("  run (simulation)    \(ms(figures.runSeconds))   \(share(figures.runSeconds))")
            print("  write result        \(ms(figures.writeSeconds))   \(share(figures.writeSeconds))")
            print("  overhead            \(ms(figures.overheadSeconds))   "
                  + String(format: "%.1f %% of the run", figures.overheadSeconds / figures.runSeconds * 100))
        }
    }
}
