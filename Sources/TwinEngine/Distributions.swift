import Foundation

/// Random variates as functions of a generator.
///
/// Written out here rather than taken from `Double.random(in:using:)` so that the
/// mapping from generator bits to variates is fixed by this file, not by the standard
/// library version: the same seed gives the same run after a toolchain upgrade. The
/// transcendental functions (`log`, `exp`, `sqrt`, `pow`, `lgamma`) come from the
/// platform's libm, which is deterministic on one platform; results across different
/// libms may differ in the last bit.
///
/// Every method consumes a documented number of draws where that is fixed (uniform,
/// exponential, Bernoulli, Weibull: one; normal: two or more, rejection), so a model
/// that always draws the same variates in the same order stays reproducible.
extension RandomNumberGenerator {
    /// Uniform on [0, 1), 53 random bits (every representable multiple of 2^-53).
    @inlinable
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    @inlinable
    public mutating func uniformPositive() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// Uniform on [lower, upper).
    @inlinable
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// Uniform integer in 0..<bound, unbiased (Lemire, "Fast random integer generation
    /// in an interval", ACM TOMACS 29(1), 2019). `bound` must be positive.
    @inlinable
    public mutating func uniformInteger(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "uniformInteger(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// Uniform integer in `range` (e.g. a CSMA/CA backoff counter in 1...CW).
    @inlinable
    public mutating func uniformInteger(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }  // the full Int range
        return range.lowerBound &+ Int(truncatingIfNeeded: uniformInteger(below: span))
    }

    /// True with probability `p` (clamped to [0, 1]); one draw.
    @inlinable
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// Exponential with the given rate λ (mean 1/λ), by inversion; one draw.
    @inlinable
    public mutating func exponential(rate: Double) -> Double {
        -log(uniformPositive()) / rate
    }

    /// An exponential duration with the given mean, rounded to the nanosecond: the
    /// inter-arrival time of a Poisson process (alarms, M/M/1 arrivals).
    public mutating func exponential(mean: SimTime) -> SimTime {
        SimTime(.seconds(exponential(rate: 1) * mean.seconds))
    }

    /// Standard normal N(0, 1) by the Marsaglia polar method (Marsaglia & Bray, SIAM
    /// Review 6(3), 1964). The second variate of each pair is discarded so the generator
    /// needs no hidden cache and stays a plain value.
    @inlinable
    public mutating func standardNormal() -> Double {
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    /// Normal with the given mean and standard deviation (e.g. log-normal shadowing in
    /// dB: `normal(mean: 0, standardDeviation: σN)`).
    @inlinable
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * standardNormal()
    }

    /// Log-normal: exp(N(μ, σ)), where μ and σ are of the underlying normal.
    @inlinable
    public mutating func logNormal(mu: Double, sigma: Double) -> Double {
        exp(normal(mean: mu, standardDeviation: sigma))
    }

    /// Weibull with shape k and scale λ, by inversion: λ·(−ln U)^(1/k); one draw.
    /// (Component lifetimes; k = 1 is exponential.)
    @inlinable
    public mutating func weibull(shape: Double, scale: Double) -> Double {
        scale * pow(-log(uniformPositive()), 1 / shape)
    }

    /// Poisson with the given mean. Knuth's multiplication method below mean 10 (exact,
    /// mean + 1 draws on average); above, Hörmann's PTRS transformed rejection
    /// ("The transformed rejection method for generating Poisson random variables",
    /// Insurance: Mathematics and Economics 12, 1993), exact and O(1) per variate.
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 10 {
            let limit = exp(-mean)
            var product = uniform()
            var count = 0
            while product > limit {
                count += 1
                product *= uniform()
            }
            return count
        }
        let slam = mean.squareRoot()
        let logLam = log(mean)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -mean + k * logLam - lgamma(k + 1) {
                return Int(k)
            }
        }
    }
}

extension SimTime {
    /// This instant moved by a real number of seconds, rounded to the nanosecond.
    public func advanced(bySeconds seconds: Double) -> SimTime {
        self + SimTime(.seconds(seconds))
    }
}
