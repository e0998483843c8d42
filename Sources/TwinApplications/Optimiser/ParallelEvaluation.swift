import TwinParallel

extension AnalyticEvaluator {
    /// `candidates` evaluated in order, on up to `workers` threads.
    ///
    /// Why: the analytic search scores a hundred thousand settings after the baseline
    /// run, on one thread while the other core idled; it was the main job's largest
    /// serial stretch. First the device estimates the candidates need and the cache
    /// lacks are worked out, each once, spread over the workers (they are the costly
    /// part: a relayed device's estimate integrates three links over the postures); then
    /// the candidates are scored in contiguous shares against the warm cache. An
    /// evaluation is a function of the candidate alone (the cache only remembers), so
    /// the result is the same for any number of workers.
    public mutating func evaluateAll(_ candidates: [Candidate], workers: Int) -> [AnalyticEvaluation] {
        let cold = self
        // Finding what the cache lacks builds and hashes a key per candidate and device:
        // done in shares too, then merged in candidate order, each setting once.
        let found = Self.inParallel(candidates.count, workers: workers, smallest: Self.smallestShare) { range in
            cold.missingEstimates(Array(candidates[range]))
        }
        var keys = Set<DeviceKey>()
        let missing = found.filter { keys.insert($0.key).inserted }
        let estimates = Self.inParallel(missing.count, workers: workers, smallest: 4) { range in
            missing[range].map { cold.estimate($0) }
        }
        for (entry, estimate) in zip(missing, estimates) { remember(estimate, for: entry.key) }
        let warm = self
        return Self.inParallel(candidates.count, workers: workers, smallest: Self.smallestShare) { range in
            var worker = warm
            return candidates[range].map { worker.evaluate($0) }
        }
    }

    /// Fewer candidates than this per worker are not worth a thread.
    static var smallestShare: Int { 64 }

    /// `work` over `0..<count` cut into up to `workers` contiguous shares of at least
    /// `smallest` items, run concurrently, results joined in order.
    static func inParallel<Result: Sendable>(_ count: Int, workers: Int, smallest: Int,
                                             _ work: @Sendable (Range<Int>) -> [Result]) -> [Result] {
        let shares = Swift.min(Swift.max(1, workers), count / Swift.max(1, smallest))
        guard shares > 1 else { return work(0..<count) }
        return concurrentMap(Array(0..<shares)) { share in work(range(of: share, among: shares, count: count)) }
            .flatMap { $0 }
    }

    /// Share `share` of `count` items cut into `shares` contiguous, near-equal parts.
    static func range(of share: Int, among shares: Int, count: Int) -> Range<Int> {
        (count * share / shares)..<(count * (share + 1) / shares)
    }
}
