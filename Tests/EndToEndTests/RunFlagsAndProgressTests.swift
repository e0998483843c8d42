import Testing
@testable import TwinDriver
import TwinRuntime
import TwinUnits

/// The run flags read quantities like the YAML documents do; the progress line stays
/// silent for short runs and is throttled for long ones.
@Suite struct RunFlagsAndProgressTests {
    @Test func horizonAcceptsWhatAnIntentAccepts() throws {
        #expect(try RunFlags.horizon("24h").get() == .hours(24))
        #expect(try RunFlags.horizon("30 min").get() == .seconds(1800))
        #expect(try RunFlags.horizon(" 1.5 d ").get() == .days(1.5))
        #expect(try RunFlags.warmup("0 s").get() == .zero)
    }

    @Test func badHorizonsSayWhy() {
        func message(_ text: String) -> String {
            if case .failure(let error) = RunFlags.horizon(text) { return error.message }
            return ""
        }
        #expect(message("5 kg").contains("unknown unit `kg`"))
        #expect(message("5 mA").contains("got a current"))
        #expect(message("12").contains("needs a unit"))
        #expect(message("soon").contains("expects a time"))
        #expect(message("0 h").contains("positive"))
        #expect(message("11 y").contains("at most 10 years"))
        #expect(message("5 hh").contains("--horizon"))
    }

    @Test func optionsFromFlags() throws {
        let options = try RunTwinOptions.fromFlags(seed: 3, horizon: "1h", warmup: nil, replications: "4", jobs: nil,
                                                   processors: 2).get()
        #expect(options.overrides == RunOverrides(horizon: .hours(1), replications: 4, seed: 3))
        #expect(options.maximumConcurrency == 2)
        #expect((try? RunTwinOptions.fromFlags(seed: nil, horizon: nil, warmup: nil, replications: "0", jobs: nil,
                                               processors: 1).get()) == nil)
        // `auto` (and no flag) replicates until conclusive, within the bounds given.
        let auto = try RunTwinOptions.fromFlags(seed: nil, horizon: nil, warmup: nil, replications: nil, jobs: nil,
                                                processors: 1, maximumReplications: 12, timeBudget: "2 min").get()
        #expect(auto.overrides.replications == nil)
        #expect(auto.overrides.sequential == SequentialStopping(batch: 5, maximum: 12, wallClockBudget: .seconds(120)))
        #expect((try? RunTwinOptions.fromFlags(seed: nil, horizon: nil, warmup: nil, replications: "AUTO", jobs: nil,
                                               processors: 1).get())?.overrides.sequential == SequentialStopping())
        func message(_ replications: String?, maximum: Int? = nil, budget: String? = nil) -> String {
            guard case .failure(let error) = RunTwinOptions.fromFlags(
                seed: nil, horizon: nil, warmup: nil, replications: replications, jobs: nil, processors: 1,
                maximumReplications: maximum, timeBudget: budget) else { return "" }
            return error.message
        }
        #expect(message("many").contains("expects `auto` or a count"))
        #expect(message("5", maximum: 10).contains("only applies with --replications auto"))
        #expect(message(nil, maximum: 0).contains("between 1 and 1000"))
        #expect(message(nil, budget: "5 kg").contains("--time-budget"))
        #expect((try? RunTwinOptions.fromFlags(seed: nil, horizon: nil, warmup: nil, replications: nil, jobs: 0,
                                               processors: 1).get()) == nil)
    }

    @Test func progressLineWaitsASecondThenThrottles() {
        var line = RunProgressLine(delay: .seconds(1), minimumInterval: .milliseconds(100))
        func progress(_ done: Int) -> RunProgress {
            RunProgress(completed: done, total: 10, scenarioID: "baseline", replication: done - 1)
        }
        #expect(line.update(progress(1), elapsed: .milliseconds(500)) == nil, "short runs show nothing")
        #expect(line.finish() == nil, "nothing to erase")
        let shown = line.update(progress(2), elapsed: .milliseconds(1200))
        #expect(shown?.contains("2/10 replications (20 %)") == true)
        #expect(shown?.hasPrefix("\r") == true)
        #expect(line.update(progress(3), elapsed: .milliseconds(1250)) == nil, "throttled")
        #expect(line.update(progress(4), elapsed: .milliseconds(1400)) != nil)
        #expect(line.update(progress(10), elapsed: .milliseconds(1410)) != nil, "the last one always shows")
        #expect(line.finish() == "\r\u{1B}[K")
    }
}
