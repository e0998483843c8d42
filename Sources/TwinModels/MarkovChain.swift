import Foundation
import TwinUnits

/// Steady state of a small continuous-time Markov chain, and the gateway availability
/// chains built on it.
///
/// Source: the CTMC evaluation of BSN reliability in Zhao & Xing, "Reliability analysis
/// of body sensor networks with correlated failures", RESS 236:109305 (2023)
/// (ban-numbers.md §7 "Node failure"); the solver is textbook Gaussian elimination with
/// partial pivoting on πQ = 0 with one balance equation replaced by Σπ = 1
/// (Stewart, *Introduction to the Numerical Solution of Markov Chains*, 1994, §2.3).
public enum MarkovChain {
    public static let source =
        "CTMC steady state by Gaussian elimination (Stewart 1994 §2.3); BSN CTMC per Zhao & Xing, RESS 2023 (ban-numbers.md §7)"

    /// π with πQ = 0 and Σπ = 1 for a generator Q (rows sum to 0, off-diagonal ≥ 0).
    /// Throws `.singular` when the chain has no unique stationary distribution.
    public static func steadyState(generator q: [[Double]]) throws(ModelDomainError) -> [Double] {
        let n = q.count
        guard n > 0, q.allSatisfy({ $0.count == n }) else { throw .singular("generator matrix (not square)") }
        if n == 1 { return [1] }
        // Solve Qᵀ π = 0 with the last equation replaced by Σπ = 1: A x = b.
        var a = (0..<n).map { row in (0..<n).map { column in q[column][row] } }
        var b = [Double](repeating: 0, count: n)
        a[n - 1] = [Double](repeating: 1, count: n)
        b[n - 1] = 1
        let scale = q.flatMap { $0 }.map(abs).max() ?? 1
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            guard abs(a[pivot][column]) > 1e-12 * Swift.max(scale, 1) else {
                throw .singular("CTMC generator (not irreducible)")
            }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x.map { Swift.max($0, 0) }
    }

    /// Availability of a single gateway: the 2-state chain up ⇄ down with failure rate λ
    /// and repair rate μ, `A = μ/(λ+μ) = MTBF/(MTBF+MTTR)`.
    public static func singleGatewayAvailability(failureRate: Frequency, repairRate: Frequency) throws(ModelDomainError) -> Double {
        try ModelMath.requirePositive(repairRate.si, "repair rate")
        let l = failureRate.si, m = repairRate.si
        let pi = try steadyState(generator: [[-l, l], [m, -m]])
        return pi[0]
    }

    /// How many repairs can proceed at once when both gateways are down.
    public enum RepairPolicy: String, Sendable, Hashable {
        /// Each gateway is repaired independently (rate 2μ from the all-down state).
        case independent
        /// One repair crew (rate μ from every degraded state).
        case singleCrew
    }

    /// Availability of a pair of redundant gateways (the BAN is served while at least one
    /// is up): the 3-state chain 2 up → 1 up → 0 up with rates 2λ, λ and repairs μ
    /// (and 2μ or μ from 0 up). Returns the probability that at least one is up.
    public static func redundantGatewayAvailability(failureRate: Frequency, repairRate: Frequency,
                                                    policy: RepairPolicy = .independent) throws(ModelDomainError) -> Double {
        try ModelMath.requirePositive(repairRate.si, "repair rate")
        let l = failureRate.si, m = repairRate.si
        let fromNone = policy == .independent ? 2 * m : m
        let q: [[Double]] = [
            [-2 * l, 2 * l, 0],
            [m, -(m + l), l],
            [0, fromNone, -fromNone],
        ]
        let pi = try steadyState(generator: q)
        return pi[0] + pi[1]
    }
}
