import Foundation
import TwinUnits
import TwinVocabulary

/// The extra on-body path loss each body posture (`Posture`, TwinVocabulary) adds.
///
/// Source: ban-numbers.md §7 "Measured swings": Xiao et al., IEEE JSAC 27(1) 2009 (a 30 dB
/// RSSI swing within a minute of normal walking, stable at rest, turning drops RSSI
/// below −75 dBm); Di Franco, Ge, Tinnirello (up to 20 dB when the wearer turns, more
/// than 30 dB in dynamic activities); Castalia's temporal model (fades −31…+11 dB, a 42 dB
/// measured span).
///
/// Derivation (twinc's, documented so it can be replaced): each state has a peak-to-peak
/// swing W above the unobstructed rest level. The swing is read as the ±2σ (95 %) band
/// of a normal extra loss centred in it, so `mean = W/2`, `σ = W/4`.
/// - standing: W = 0 (the reference posture: "at rest the link is stable"; CM3 σ
///   already carries static shadowing).
/// - sitting, lying: W = 20 dB (a static posture other than the reference; Di Franco's
///   "up to 20 dB" when the body turns or blocks line of sight) → 10 dB, σ 5 dB.
/// - walking: W = 30 dB (Xiao's 30 dB swing) → 15 dB, σ 7.5 dB.
/// - running: W = 42 dB (Di Franco's "> 30 dB", bounded by Castalia's measured
///   −31…+11 dB fade span) → 21 dB, σ 10.5 dB.
///
/// The runtime, the optimiser and the live twin no longer use the swing: they fade links
/// with `ActivityFading` (measured distributions and coherence times) through the values
/// of twin.json's `activity` (issue 11 §3). `swing` and `extraLoss` remain for
/// `LinkBudget.outageProbability(…, posture:)` and its tests.
extension Posture {
    public static let source =
        "Xiao et al. JSAC 2009; Di Franco, Ge, Tinnirello (802.15.6 scheduled access); Castalia temporal model (ban-numbers.md §7); swing→(W/2, W/4) derivation by twinc"

    /// Peak-to-peak swing above the rest level (see the type's derivation).
    public var swing: Decibels {
        switch self {
        case .standing: Decibels(dB: 0)
        case .sitting, .lying: Decibels(dB: 20)
        case .walking: Decibels(dB: 30)
        case .running: Decibels(dB: 42)
        }
    }

    /// Mean extra path loss in this state, W/2.
    public var meanExtraLoss: Decibels { Decibels(dB: swing.dB / 2) }
    /// Shadowing standard deviation in this state, W/4.
    public var shadowingSigma: Decibels { Decibels(dB: swing.dB / 4) }

    /// `mean + σ·z` for a standard-normal draw z, floored at 0 (the body only adds loss).
    public func extraLoss(standardNormal z: Double) -> Decibels {
        Decibels(dB: Swift.max(0, meanExtraLoss.dB + shadowingSigma.dB * z))
    }
}

/// A continuous-time Markov chain over `Posture`: mean dwell time per state and the
/// probabilities of the next state (the embedded jump chain), giving rates
/// `q_ij = p_ij / dwell_i`.
///
/// Source: no measured posture-transition rates were found (ban-numbers.md §7 has
/// none). `wakingDay` is a placeholder activity profile chosen by twinc: a day of
/// mostly sitting and standing with short walks and rare runs. No twin runs it any
/// more: the chain comes from `ActivityProfile.chain()` of the profile the use case or
/// intent names (twin.json's `activity`). The chain structure (exponential dwell, jump matrix) is the standard
/// CTMC mobility model used for BSN reliability (Zhao & Xing, RESS 236:109305, 2023).
public struct PostureChain: Sendable, Hashable {
    public static let source =
        "CTMC mobility structure per Zhao & Xing, RESS 2023 (ban-numbers.md §7); wakingDay rates are twinc placeholders"

    /// Mean time spent in each state before leaving it, indexed like `Posture.allCases`.
    public var meanDwell: [Posture: Time]
    /// Next-state probabilities; each row sums to 1 and has no self-loop.
    public var jump: [Posture: [Posture: Double]]

    public init(meanDwell: [Posture: Time], jump: [Posture: [Posture: Double]]) {
        self.meanDwell = meanDwell
        self.jump = jump
    }

    public static let wakingDay = PostureChain(
        meanDwell: [
            .standing: .seconds(600), .sitting: .seconds(1800), .walking: .seconds(480),
            .running: .seconds(600), .lying: .seconds(3600),
        ],
        jump: [
            .standing: [.sitting: 0.4, .walking: 0.5, .running: 0.05, .lying: 0.05],
            .sitting: [.standing: 0.8, .lying: 0.2],
            .walking: [.standing: 0.8, .sitting: 0.1, .running: 0.1],
            .running: [.walking: 0.9, .standing: 0.1],
            .lying: [.sitting: 0.5, .standing: 0.5],
        ])

    /// Generator matrix Q (per second), rows and columns in `Posture.allCases` order;
    /// each row sums to zero.
    public var generator: [[Double]] {
        let states = Posture.allCases
        return states.map { from in
            let exitRate = 1 / (meanDwell[from]?.si ?? .infinity)
            var row = states.map { to in (jump[from]?[to] ?? 0) * exitRate }
            if let self_ = states.firstIndex(of: from) { row[self_] = -row.reduce(0, +) }
            return row
        }
    }

    /// Long-run fraction of time in each posture (πQ = 0, Σπ = 1), over the postures the
    /// chain has a dwell time for: an activity profile that never runs (a ward patient)
    /// leaves `running` out rather than making the generator singular.
    public func stationaryDistribution() throws(ModelDomainError) -> [Posture: Double] {
        let visited = Posture.allCases.filter { meanDwell[$0] != nil }
        let indices = visited.compactMap { Posture.allCases.firstIndex(of: $0) }
        let full = generator
        let pi = try MarkovChain.steadyState(generator: indices.map { row in indices.map { full[row][$0] } })
        return Dictionary(uniqueKeysWithValues: zip(visited, pi))
    }

    /// Dwell time for a draw `u ~ U[0,1)`: inverse exponential CDF `−dwell·ln(1−u)`.
    public func dwellTime(in state: Posture, uniform u: Double) -> Time {
        let mean = meanDwell[state]?.si ?? .infinity
        return .seconds(-mean * log1p(-Swift.min(Swift.max(u, 0), 1 - 1e-16)))
    }

    /// The next posture for a draw `u ~ U[0,1)`, scanning targets in a fixed order so the
    /// same draw always gives the same state.
    public func nextPosture(from state: Posture, uniform u: Double) -> Posture {
        let row = jump[state] ?? [:]
        var cumulative = 0.0
        var last = state
        for target in Posture.allCases where (row[target] ?? 0) > 0 {
            cumulative += row[target] ?? 0
            last = target
            if u < cumulative { return target }
        }
        return last
    }
}
