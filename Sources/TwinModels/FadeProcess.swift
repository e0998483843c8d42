import Foundation
import TwinUnits
import TwinVocabulary

/// The time-varying extra loss of a wearer's links: one `BodyFading` per wearer (the
/// posture, the bout's shared shadow draw and the shared fast latent) and one
/// `LinkFading` per link (its own shadow draw and latent).
///
/// Each latent is a unit Ornstein–Uhlenbeck process sampled exactly at the times the
/// caller asks for: `z(t+Δ) = ρ·z(t) + √(1−ρ²)·N(0,1)`, ρ = e^(−Δ/τ). A link's latent is
/// `√c·z_body + √(1−c)·z_link`, again unit OU with the same τ, so links that share the
/// posture fade together with correlation c. The fade is `marginal.fade(latent:)` of it
/// (a Gaussian copula), the shadow is `μs + σs·(√c·s_body + √(1−c)·s_link)` with the
/// standard-normal s drawn once per posture bout. Cost per call: one exp, one or two
/// normal draws and, for the Castalia table, one erfc and a table lookup.
///
/// Determinism: the generator is passed in; draws happen only when time advances or the
/// posture changes, in call order. Source of the parameters: `ActivityFading`.
public struct BodyFading: Sendable {
    public private(set) var posture: Posture
    public private(set) var parameters: ActivityFading
    /// Incremented at every posture change so links know to redraw their shadow.
    public private(set) var bout: Int = 0
    // Internal setters rather than `private(set)` so the per-frame updates below can be
    // inlined into the runtime and specialised for its generator (`advance(to:using:)`).
    @usableFromInline var latent: Double
    private(set) var shadow: Double
    @usableFromInline var time: Time

    /// Per-posture parameters: the built-in `ActivityFading` values unless a twin's
    /// activity section gives its own (the runtime passes twin.json's).
    public let table: [Posture: ActivityFading]

    /// Starts in `posture` at `time` with stationary draws from `generator`; a posture
    /// missing from `table` takes its built-in parameters.
    public init(posture: Posture, at time: Time = .zero, table: [Posture: ActivityFading] = ActivityFading.builtIn,
                using generator: inout some RandomNumberGenerator) {
        self.posture = posture
        self.table = table
        parameters = table[posture] ?? .of(posture)
        latent = generator.modelNormal()
        shadow = generator.modelNormal()
        self.time = time
    }

    /// A new posture bout: new parameters and a new shared shadow draw.
    public mutating func changePosture(to next: Posture, at now: Time, using generator: inout some RandomNumberGenerator) {
        advance(to: now, using: &generator)
        posture = next
        parameters = table[next] ?? .of(next)
        shadow = generator.modelNormal()
        bout += 1
    }

    /// Moves the shared latent to `now` (no draw when time has not advanced).
    /// Inlinable, like `LinkFading.extraLoss` and the draws under them: called for every
    /// frame, and across the module boundary a generic call reached the runtime's
    /// generator through a witness table at every draw.
    @inlinable
    public mutating func advance(to now: Time, using generator: inout some RandomNumberGenerator) {
        guard now > time else { return }
        latent = FadeLatent.step(latent, by: now - time, coherence: parameters.coherenceTime, using: &generator)
        time = now
    }

    @inlinable var sharedLatent: Double { latent }
    @usableFromInline var sharedShadow: Double { shadow }
}

/// One link's own part of the fade (see `BodyFading`).
public struct LinkFading: Sendable {
    @usableFromInline var latent: Double
    @usableFromInline var shadow: Double
    @usableFromInline var bout: Int
    @usableFromInline var time: Time
    /// The last extra loss, valid while the body's time and bout are this link's: frames
    /// within one fading step (retries, a burst) see the same level, so it is computed
    /// once (the sum, the copula's erfc and table lookup were ~7 % of a 24 h run).
    @usableFromInline var lastLoss: Decibels?

    public init(body: BodyFading, using generator: inout some RandomNumberGenerator) {
        latent = generator.modelNormal()
        shadow = generator.modelNormal()
        bout = body.bout
        time = body.time
    }

    /// Extra loss (shadow − fade) of this link at the body's current time. Call
    /// `body.advance(to:)` first; the link's own latent is advanced to the same time.
    @inlinable
    public mutating func extraLoss(body: BodyFading, using generator: inout some RandomNumberGenerator) -> Decibels {
        if let lastLoss, bout == body.bout, time == body.time { return lastLoss }
        let p = body.parameters
        if bout != body.bout {
            shadow = generator.modelNormal()
            bout = body.bout
        }
        if body.time > time {
            latent = FadeLatent.step(latent, by: body.time - time, coherence: p.coherenceTime, using: &generator)
            time = body.time
        }
        let c = Swift.min(Swift.max(p.bodyCorrelation, 0), 1)
        let shared = c.squareRoot(), own = (1 - c).squareRoot()
        let shadowDB = p.shadowMean.dB + p.shadowSigma.dB * (shared * body.sharedShadow + own * shadow)
        let fade = p.marginal.fade(latent: shared * body.sharedLatent + own * latent)
        let loss = Decibels(dB: shadowDB - fade.dB)
        lastLoss = loss
        return loss
    }
}

/// The exact update of a unit Ornstein–Uhlenbeck process.
@usableFromInline
enum FadeLatent {
    @inlinable
    static func step(_ z: Double, by elapsed: Time, coherence: Time,
                     using generator: inout some RandomNumberGenerator) -> Double {
        guard coherence.si > 0 else { return generator.modelNormal() }
        let rho = exp(-elapsed.si / coherence.si)
        return rho * z + (1 - rho * rho).squareRoot() * generator.modelNormal()
    }
}

extension RandomNumberGenerator {
    /// Uniform on [0, 1) from 53 bits — the same mapping as the runtime's `uniform()`,
    /// kept internal here so the two modules' extensions never clash.
    @inlinable
    mutating func modelUniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal by the Marsaglia polar method (second variate discarded), as the
    /// runtime's `standardNormal()`.
    @inlinable
    mutating func modelNormal() -> Double {
        while true {
            let u = 2 * modelUniform() - 1, v = 2 * modelUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }
}

extension ModelMath {
    /// Φ⁻¹(p): Acklam's rational approximation (relative error < 1.2e-9) refined by one
    /// Halley step on erfc, so quantile grids in the outage integrals are exact to
    /// double precision for 1e-300 < p < 1.
    public static func standardNormalQuantile(_ p: Double) -> Double {
        guard p > 0 else { return -.infinity }
        guard p < 1 else { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = standardNormalCDF(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
