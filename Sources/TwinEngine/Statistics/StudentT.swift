/// Quantiles of Student's t distribution for confidence intervals over replications.
///
/// Only the two-sided 95 % level is needed (the report's intervals), so the quantile
/// t(0.975; ν) is exact from a table for ν ≤ 30 and from the Cornish–Fisher expansion
/// above:
///
///     t ≈ z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴,  z = Φ⁻¹(0.975)
///
/// (M. Abramowitz & I. A. Stegun, *Handbook of Mathematical Functions*, 1964, eq.
/// 26.7.5). The table values are t(0.975; ν) to six decimals as printed in the NIST/
/// SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2 (and reproduced by
/// `scipy.stats.t.ppf`); the expansion differs from the exact quantile by < 5·10⁻⁸ at
/// ν = 30 and less beyond, so the switch point is seamless.
public enum StudentT {
    /// Φ⁻¹(0.975), the standard normal 97.5 % quantile.
    public static let normalQuantile975 = 1.959_963_984_540_054

    /// t(0.975; ν) for ν = 1…30.
    static let table975: [Double] = [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582,
        2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450,
        2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539,
        2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ]

    /// The 97.5 % quantile of t with `degreesOfFreedom` ≥ 1: the multiplier of the
    /// standard error in a two-sided 95 % confidence interval.
    public static func quantile975(degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "Student t needs at least one degree of freedom")
        if degreesOfFreedom <= table975.count { return table975[degreesOfFreedom - 1] }
        let z = normalQuantile975
        let nu = Double(degreesOfFreedom)
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
    }
}

/// A two-sided 95 % confidence interval for a mean, from independent replications.
///
/// Replications of a twin run (different seeds) are independent and identically
/// distributed, so `mean ± t(0.975; n−1) · s/√n` is the textbook interval (Law,
/// *Simulation Modeling and Analysis*, 5th ed., §9.4.1). Observations within one run
/// are correlated and must not be fed here one by one — take one value per run.
public struct ConfidenceInterval: Hashable, Sendable {
    public let mean: Double
    /// Half the width; nil with a single replication (no spread to estimate).
    public let halfWidth: Double?
    public let replications: Int

    /// The interval from one value per replication; nil when `values` is empty.
    public init?<S: Sequence>(replications values: S) where S.Element == Double {
        self.init(RunningStatistics(values))
    }

    /// The interval from a summary of one value per replication; nil when empty.
    public init?(_ statistics: RunningStatistics) {
        guard statistics.count > 0 else { return nil }
        mean = statistics.mean
        replications = statistics.count
        if let sd = statistics.standardDeviation {
            let t = StudentT.quantile975(degreesOfFreedom: statistics.count - 1)
            halfWidth = t * sd / Double(statistics.count).squareRoot()
        } else {
            halfWidth = nil
        }
    }

    public var lower: Double? { halfWidth.map { mean - $0 } }
    public var upper: Double? { halfWidth.map { mean + $0 } }

    /// Whether `value` lies inside the interval (false when it has no width).
    public func contains(_ value: Double) -> Bool {
        guard let halfWidth else { return false }
        return abs(value - mean) <= halfWidth
    }
}
