import Foundation
import TwinUnits

/// A path-loss model: a mean loss at a distance plus a lognormal shadowing term.
/// Shadowing is applied by the caller's draw: `loss(at:standardNormal:)` takes a
/// standard-normal sample z and returns `mean + σ·z`, so the seeded generator stays
/// outside the model.
public protocol PathLossModel: Sendable {
    /// Mean path loss at `distance`.
    func meanLoss(at distance: Distance) -> Decibels
    /// Standard deviation of the lognormal shadowing.
    var shadowingSigma: Decibels { get }
}

extension PathLossModel {
    /// `mean(d) + σ·z` for a standard-normal draw `z`.
    public func loss(at distance: Distance, standardNormal z: Double) -> Decibels {
        meanLoss(at: distance) + Decibels(dB: shadowingSigma.dB * z)
    }
}

/// IEEE 802.15.6 CM3 on-body path loss, `PL(d) = a·log10(d/mm) + b + N(0, σN)`.
///
/// Source: Dolmans & Fort (IMEC/Holst), IEEE 802.15-08-0418-01-0006, merged into the TG6
/// channel model document IEEE P802.15-08-0780 (ban-numbers.md §1 "On-body, CM3"). The
/// 900 MHz row is ✔; the others are ◐ (widely reproduced, not re-read).
public struct OnBodyCM3: PathLossModel, Hashable {
    public static let source = "IEEE P802.15-08-0780 TG6 channel model, CM3 (Dolmans & Fort 15-08-0418) (ban-numbers.md §1)"

    public var name: String
    public var a: Double
    public var b: Double
    public var sigma: Decibels

    public init(name: String, a: Double, b: Double, sigma: Decibels) {
        self.name = name
        self.a = a
        self.b = b
        self.sigma = sigma
    }

    public var shadowingSigma: Decibels { sigma }

    /// d is taken in millimetres, as in the TG6 fit; distances below 1 mm are clamped.
    public func meanLoss(at distance: Distance) -> Decibels {
        Decibels(dB: a * log10(Swift.max(distance.millimeters, 1)) + b)
    }

    public static let hospital400MHz = OnBodyCM3(name: "CM3 hospital 400 MHz", a: 3.0, b: 34.6, sigma: Decibels(dB: 4.63))
    public static let hospital600MHz = OnBodyCM3(name: "CM3 hospital 600 MHz", a: 16.7, b: -0.45, sigma: Decibels(dB: 5.99))
    public static let hospital900MHz = OnBodyCM3(name: "CM3 hospital 900 MHz", a: 15.5, b: 5.38, sigma: Decibels(dB: 5.35))
    public static let hospital2400MHz = OnBodyCM3(name: "CM3 hospital 2.4 GHz", a: 6.6, b: 36.1, sigma: Decibels(dB: 3.8))
    public static let anechoic2400MHz = OnBodyCM3(name: "CM3 anechoic 2.4 GHz", a: 29.3, b: -16.8, sigma: Decibels(dB: 6.89))

    public static let all: [OnBodyCM3] = [hospital400MHz, hospital600MHz, hospital900MHz, hospital2400MHz, anechoic2400MHz]
}

/// IEEE 802.15.6 CM2 in-body (MICS 402–405 MHz) path loss,
/// `PL(d) = PL(d0) + 10·n·log10(d/d0) + N(0, σs)`, d0 = 50 mm.
///
/// Source: Sayrafian-Pour, Yang, Hagedorn, Terrill, Yazdandoost, "A statistical path loss
/// model for medical implant communication channels", IEEE PIMRC 2009, Table 1
/// (ban-numbers.md §1 "In-body, CM1/CM2"). The deep-tissue → body-surface PL(d0) and n
/// are ✔; the rest ◐.
public struct InBodyCM2: PathLossModel, Hashable {
    public static let source = "Sayrafian-Pour et al., IEEE PIMRC 2009, Table 1; TG6 CM1/CM2 (ban-numbers.md §1)"
    public static let referenceDistance = Distance.millimeters(50)

    public var name: String
    public var lossAtReference: Decibels
    public var exponent: Double
    public var sigma: Decibels

    public init(name: String, lossAtReference: Decibels, exponent: Double, sigma: Decibels) {
        self.name = name
        self.lossAtReference = lossAtReference
        self.exponent = exponent
        self.sigma = sigma
    }

    public var shadowingSigma: Decibels { sigma }

    public func meanLoss(at distance: Distance) -> Decibels {
        let ratio = Swift.max(distance.si, 1e-6) / Self.referenceDistance.si
        return lossAtReference + Decibels(dB: 10 * exponent * log10(ratio))
    }

    public static let deepTissueToImplant = InBodyCM2(
        name: "CM2 deep tissue to implant", lossAtReference: Decibels(dB: 35.04), exponent: 6.26, sigma: Decibels(dB: 8.18))
    public static let nearSurfaceToImplant = InBodyCM2(
        name: "CM2 near surface to implant", lossAtReference: Decibels(dB: 40.94), exponent: 4.99, sigma: Decibels(dB: 9.05))
    public static let deepTissueToBodySurface = InBodyCM2(
        name: "CM2 deep tissue to body surface", lossAtReference: Decibels(dB: 47.14), exponent: 4.26, sigma: Decibels(dB: 7.85))
    public static let nearSurfaceToBodySurface = InBodyCM2(
        name: "CM2 near surface to body surface", lossAtReference: Decibels(dB: 49.81), exponent: 4.22, sigma: Decibels(dB: 6.81))

    public static let all: [InBodyCM2] = [
        deepTissueToImplant, nearSurfaceToImplant, deepTissueToBodySurface, nearSurfaceToBodySurface,
    ]
}

/// Log-distance path loss with lognormal shadowing,
/// `PL(d) = PL(d0) + 10·η·log10(d/d0) + N(0, σ)`, for off-body links (body → gateway).
///
/// Source: Castalia user manual §4.1 and `WirelessChannel.ned` defaults `PLd0 = 55 dB`,
/// `d0 = 1 m`, `pathLossExponent = 2.4`, `sigma = 4 dB`, `bidirectionalSigma = 1 dB`
/// (ban-numbers.md §5 "Channel"); the 2.45 GHz along-torso preset (35.2 dB at 0.1 m,
/// n = 3.11) is from ban-numbers.md §1 (Reusens et al., IEEE TITB 2009 ◐).
public struct LogDistancePathLoss: PathLossModel, Hashable {
    public static let source = "Castalia WirelessChannel.ned lognormal shadowing defaults (ban-numbers.md §5); Reusens et al. 2009 (§1)"

    public var name: String
    public var lossAtReference: Decibels
    public var referenceDistance: Distance
    public var exponent: Double
    public var sigma: Decibels
    /// Castalia's `bidirectionalSigma`: extra independent variation per direction.
    public var bidirectionalSigma: Decibels

    public init(name: String, lossAtReference: Decibels, referenceDistance: Distance, exponent: Double,
                sigma: Decibels, bidirectionalSigma: Decibels = Decibels(dB: 0)) {
        self.name = name
        self.lossAtReference = lossAtReference
        self.referenceDistance = referenceDistance
        self.exponent = exponent
        self.sigma = sigma
        self.bidirectionalSigma = bidirectionalSigma
    }

    public var shadowingSigma: Decibels { sigma }

    public func meanLoss(at distance: Distance) -> Decibels {
        let ratio = Swift.max(distance.si, 1e-6) / referenceDistance.si
        return lossAtReference + Decibels(dB: 10 * exponent * log10(ratio))
    }

    public static let castaliaDefault = LogDistancePathLoss(
        name: "Castalia default lognormal", lossAtReference: Decibels(dB: 55), referenceDistance: .meters(1),
        exponent: 2.4, sigma: Decibels(dB: 4), bidirectionalSigma: Decibels(dB: 1))

    public static let alongTorso2450MHz = LogDistancePathLoss(
        name: "on-body along torso 2.45 GHz", lossAtReference: Decibels(dB: 35.2), referenceDistance: .meters(0.1),
        exponent: 3.11, sigma: Decibels(dB: 0))
}
