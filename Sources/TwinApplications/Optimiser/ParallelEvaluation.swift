import Dispatch
import Foundation

extension AnalyticEvaluator {
    /// `candidates` evaluated in order, on up to `workers` threads.
    ///
    /// Why: the analytic search scores tens of thousands of settings after the baseline
    /// run, on one thread while the other core idles; it was the main job's largest
    /// serial stretch. An evaluation is a function of the candidate alone (the cache
    /// only remembers device estimates), so the result is the same for any number of
    /// workers: each works through one contiguous share with its own copy of the
    /// evaluator, and the device estimates the copies worked out are merged back.
    public mutating func evaluateAll(_ candidates: [Candidate], workers: Int) -> [AnalyticEvaluation] {
        let shares = Swift.min(Swift.max(1, workers), candidates.count / Self.smallestShare)
        guard shares > 1 else { return candidates.map { evaluate($0) } }
        let results = ShareResults(count: shares)
        let start = self
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            var worker = start
            let range = Self.range(of: share, among: shares, count: candidates.count)
            let evaluations = candidates[range].map { worker.evaluate($0) }
            results.store(share, evaluations: evaluations, evaluator: worker)
        }
        var all: [AnalyticEvaluation] = []
        all.reserveCapacity(candidates.count)
        for share in 0..<shares {
            let (evaluations, worker) = results.taken(share)
            all += evaluations
            mergeCache(of: worker)
        }
        return all
    }

    /// Fewer candidates than this per worker are not worth a thread.
    static var smallestShare: Int { 64 }

    /// Share `share` of `count` items cut into `shares` contiguous, near-equal parts.
    static func range(of share: Int, among shares: Int, count: Int) -> Range<Int> {
        (count * share / shares)..<(count * (share + 1) / shares)
    }
}

/// The shares' results, written once each by its own worker.
private final class ShareResults: @unchecked Sendable {
    private let lock = NSLock()
    private var evaluations: [[AnalyticEvaluation]]
    private var evaluators: [AnalyticEvaluator?]

    init(count: Int) {
        evaluations = Array(repeating: [], count: count)
        evaluators = Array(repeating: nil, count: count)
    }

    func store(_ share: Int, evaluations: [AnalyticEvaluation], evaluator: AnalyticEvaluator) {
        lock.lock()
        defer { lock.unlock() }
        self.evaluations[share] = evaluations
        evaluators[share] = evaluator
    }

    func taken(_ share: Int) -> ([AnalyticEvaluation], AnalyticEvaluator) {
        lock.lock()
        defer { lock.unlock() }
        return (evaluations[share], evaluators[share]!)
    }
}
