import Foundation
import TwinUnits

/// Component lifetime distributions and steady-state availability.
///
/// Source: the exponential/Weibull component failure models and `A = MTBF/(MTBF+MTTR)`
/// of the BSN reliability literature, Zhao & Xing, RESS 236:109305 (2023)
/// (ban-numbers.md §7 "Node failure"); Weibull mean `η·Γ(1 + 1/β)` (standard).
/// No verified per-node failure rates exist in ban-numbers.md: callers supply λ.
public enum LifetimeDistribution: Sendable, Hashable {
    /// Constant hazard λ: `R(t) = exp(−λt)`.
    case exponential(rate: Frequency)
    /// Shape β, scale η: `R(t) = exp(−(t/η)^β)`; β > 1 wear-out, β < 1 infant mortality.
    case weibull(shape: Double, scale: Time)

    public static let source =
        "Exponential and Weibull component failures, availability MTBF/(MTBF+MTTR): Zhao & Xing, RESS 2023 (ban-numbers.md §7)"

    /// Survival (reliability) R(t) = P(lifetime > t).
    public func survival(at t: Time) -> Double {
        let time = Swift.max(t.si, 0)
        switch self {
        case .exponential(let rate): return exp(-rate.si * time)
        case let .weibull(shape, scale): return exp(-pow(time / scale.si, shape))
        }
    }

    /// Failure probability F(t) = 1 − R(t), computed without cancellation for small t.
    public func failureProbability(by t: Time) -> Double {
        let time = Swift.max(t.si, 0)
        switch self {
        case .exponential(let rate): return -expm1(-rate.si * time)
        case let .weibull(shape, scale): return -expm1(-pow(time / scale.si, shape))
        }
    }

    /// Hazard rate h(t) (per second).
    public func hazard(at t: Time) -> Double {
        switch self {
        case .exponential(let rate): return rate.si
        case let .weibull(shape, scale):
            let time = Swift.max(t.si, 0)
            return shape / scale.si * pow(time / scale.si, shape - 1)
        }
    }

    /// Mean time to failure.
    public var meanTimeToFailure: Time {
        switch self {
        case .exponential(let rate): return .seconds(1 / rate.si)
        case let .weibull(shape, scale): return .seconds(scale.si * tgamma(1 + 1 / shape))
        }
    }

    /// The time by which a fraction `p` of units have failed (inverse CDF); for a draw
    /// `u ~ U[0,1)` this samples a lifetime.
    public func quantile(_ p: Double) -> Time {
        let q = Swift.min(Swift.max(p, 0), 1 - 1e-16)
        switch self {
        case .exponential(let rate): return .seconds(-log1p(-q) / rate.si)
        case let .weibull(shape, scale): return .seconds(scale.si * pow(-log1p(-q), 1 / shape))
        }
    }
}

public enum Availability {
    public static let source = LifetimeDistribution.source

    /// Steady-state availability `MTBF / (MTBF + MTTR)`.
    public static func steadyState(meanTimeBetweenFailures mtbf: Time, meanTimeToRepair mttr: Time) throws(ModelDomainError) -> Double {
        try ModelMath.requirePositive(mtbf.si, "MTBF")
        guard mttr.si >= 0 else { throw .notPositive(parameter: "MTTR", value: mttr.si) }
        return mtbf.si / (mtbf.si + mttr.si)
    }

    /// Series system (every component needed): product of availabilities.
    public static func series(_ parts: [Double]) -> Double { parts.reduce(1, *) }

    /// Parallel system (any one suffices), independent components: `1 − Π(1 − A)`.
    public static func parallel(_ parts: [Double]) -> Double { 1 - parts.reduce(1) { $0 * (1 - $1) } }
}
