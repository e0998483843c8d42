import Foundation
import TwinConfig
import TwinModels
import TwinUnits
import TwinVocabulary

/// Where the use-case placements sit on a standing adult, and the path-loss model each
/// device → gateway link gets from them.
///
/// Coordinates: x to the wearer's left, y forward, z up, in millimetres, for a body
/// height H = 1750 mm. Heights and widths are the anthropometric segment proportions
/// of Drillis & Contini (1966), as tabulated in D. A. Winter, *Biomechanics and Motor
/// Control of Human Movement*, 4th ed., 2009, Fig. 4.1: shoulder 0.818 H, chest ≈ 0.72 H
/// (between shoulder and the 0.63 H elbow), hip joint 0.530 H, wrist (arm hanging)
/// 0.485 H, knuckles 0.377 H, knee 0.285 H, ankle 0.039 H, eyes 0.936 H; shoulder width
/// 0.259 H, hip width 0.191 H. The torso is ≈ 0.2 m deep (front/back ±100 mm). A link's
/// distance is the straight line between two placements — the CM3 fit (Dolmans & Fort)
/// is against antenna separation, measured up to ≈ 1 m on the body. This is twinc's
/// derivation, not a measured table; a catalogue may replace it.
public enum BodyGeometry {
    public static let source =
        "Winter, Biomechanics and Motor Control of Human Movement (2009) Fig. 4.1 segment proportions (Drillis & Contini 1966), H = 1.75 m"

    static let height = 1750.0

    /// Position of a placement in mm, nil for `off-body` (beside the body, at the
    /// gateway's distance). `in-body` sits under the chest (an implant's depth is CM2's).
    public static func position(of placement: Placement) -> (x: Double, y: Double, z: Double)? {
        let h = height
        switch placement {
        case .chest: return (0, 100, 0.72 * h)
        case .back: return (0, -100, 0.72 * h)
        case .abdomen: return (0, 110, 0.60 * h)
        case .waist: return (0, 100, 0.58 * h)
        case .hipLeft: return (0.0955 * h, 0, 0.53 * h)
        case .hipRight: return (-0.0955 * h, 0, 0.53 * h)
        case .wristLeft: return (0.14 * h, 0, 0.485 * h)
        case .wristRight: return (-0.14 * h, 0, 0.485 * h)
        case .handLeft: return (0.14 * h, 20, 0.43 * h)
        case .handRight: return (-0.14 * h, 20, 0.43 * h)
        case .upperArmLeft: return (0.145 * h, 0, 0.72 * h)
        case .upperArmRight: return (-0.145 * h, 0, 0.72 * h)
        case .thighLeft: return (0.08 * h, 60, 0.41 * h)
        case .thighRight: return (-0.08 * h, 60, 0.41 * h)
        case .ankleLeft: return (0.06 * h, 0, 0.039 * h)
        case .ankleRight: return (-0.06 * h, 0, 0.039 * h)
        case .head: return (0, 80, 0.936 * h)
        case .earLeft: return (0.045 * h, 0, 0.93 * h)
        case .earRight: return (-0.045 * h, 0, 0.93 * h)
        case .inBody: return (-0.03 * h, 60, 0.70 * h)
        case .offBody: return nil
        }
    }

    /// Straight-line distance between two on-body placements.
    public static func distance(_ a: Placement, _ b: Placement) -> Distance? {
        guard let p = position(of: a), let q = position(of: b) else { return nil }
        let dx = p.x - q.x, dy = p.y - q.y, dz = p.z - q.z
        return .millimeters((dx * dx + dy * dy + dz * dz).squareRoot())
    }

    /// The Castalia map position of a placement (the map's six measured positions).
    static func castaliaPosition(_ placement: Placement) -> CastaliaBodyPosition? {
        switch placement {
        case .chest: .chest
        case .hipRight: .rightHip
        case .wristLeft: .leftWrist
        case .wristRight: .rightWrist
        case .ankleLeft: .leftAnkle
        case .ankleRight: .rightAnkle
        default: nil
        }
    }

    /// The CM3 row for a carrier frequency: the hospital-room fits at 400, 600, 900 MHz
    /// and 2.4 GHz (ban-numbers.md §1), the nearest band below 1.5 GHz, 2.4 GHz above.
    static func onBodyModel(frequency: Frequency) -> OnBodyCM3 {
        let f = frequency.si
        if f < 500e6 { return .hospital400MHz }
        if f < 750e6 { return .hospital600MHz }
        if f < 1.5e9 { return .hospital900MHz }
        return .hospital2400MHz
    }

    /// Whether a gateway sits on the body (a phone in a pocket, a wearable hub) rather
    /// than beside it (bedside hub, access point).
    static func isOnBody(_ gateway: GatewayConfig) -> Bool {
        position(of: gateway.placement) != nil
    }

    /// The mean loss and shadowing of the link from `device` to `gateway`:
    /// - in-body device: CM2 deep tissue → body surface (Sayrafian-Pour et al. 2009; the
    ///   TG6 document uses CM2 for implant → surface and implant → external, S2/S3) at the
    ///   distance to the hub (on-body geometry, or the gateway's distance);
    /// - both ends at Castalia map positions and the map chosen in `config.models`
    ///   (`useCastaliaMap`): the NICTA map value, with the 2.4 GHz CM3 σ;
    /// - both on the body otherwise: CM3 by band at the placement distance (≥ 50 mm);
    /// - gateway off the body: Castalia's log-distance default (55 dB at 1 m, η 2.4,
    ///   σ 4 dB) at the gateway's distance (≥ 0.1 m).
    static func link(device: DeviceConfig, gateway: GatewayConfig, useCastaliaMap: Bool = true) -> LinkGeometry {
        let onBodyGateway = isOnBody(gateway)
        if device.inBody || device.placement == .inBody {
            let model = InBodyCM2.deepTissueToBodySurface
            let d = onBodyGateway
                ? (distance(.inBody, gateway.placement) ?? .millimeters(300))
                : Distance(si: Swift.max(gateway.distance.si, 0.05))
            return LinkGeometry(meanLoss: model.meanLoss(at: d).dB, sigma: model.shadowingSigma.dB, model: model.name)
        }
        if onBodyGateway, position(of: device.placement) != nil {
            if useCastaliaMap, let a = castaliaPosition(device.placement), let b = castaliaPosition(gateway.placement),
               let loss = CastaliaPathLossMap.averageLoss(a, b) {
                return LinkGeometry(meanLoss: loss.dB, sigma: OnBodyCM3.hospital2400MHz.sigma.dB,
                                    model: "Castalia NICTA map")
            }
            let model = onBodyModel(frequency: device.radio.frequency)
            let d = distance(device.placement, gateway.placement) ?? .millimeters(300)
            let clamped = Distance(si: Swift.max(d.si, 0.05))
            return LinkGeometry(meanLoss: model.meanLoss(at: clamped).dB, sigma: model.sigma.dB, model: model.name)
        }
        let model = LogDistancePathLoss.castaliaDefault
        let d = Distance(si: Swift.max(gateway.distance.si, 0.1))
        return LinkGeometry(meanLoss: model.meanLoss(at: d).dB, sigma: model.sigma.dB, model: model.name)
    }

    /// The on-body link from `source` to its relay `relay` (issue 11 §4): the Castalia
    /// map between the two placements when both are map positions and the map is chosen,
    /// else CM3 by band at the placement distance (≥ 50 mm), as a device → on-body hub
    /// link. Both are on the body surface (`DeviceConfig.relayRefusal`).
    static func relayLink(from source: DeviceConfig, to relay: DeviceConfig, useCastaliaMap: Bool) -> LinkGeometry {
        if useCastaliaMap, let a = castaliaPosition(source.placement), let b = castaliaPosition(relay.placement),
           let loss = CastaliaPathLossMap.averageLoss(a, b) {
            return LinkGeometry(meanLoss: loss.dB, sigma: OnBodyCM3.hospital2400MHz.sigma.dB, model: "Castalia NICTA map")
        }
        let model = onBodyModel(frequency: source.radio.frequency)
        let d = distance(source.placement, relay.placement) ?? .millimeters(300)
        let clamped = Distance(si: Swift.max(d.si, 0.05))
        return LinkGeometry(meanLoss: model.meanLoss(at: clamped).dB, sigma: model.sigma.dB, model: model.name)
    }

    /// Off-body loss at `distance` (jammers, eavesdroppers): Castalia's log-distance default.
    static func offBodyLoss(distance: Double) -> Double {
        LogDistancePathLoss.castaliaDefault.meanLoss(at: .meters(Swift.max(distance, 0.1))).dB
    }
}

/// A link's static channel: mean path loss and log-normal shadowing σ (dB).
struct LinkGeometry: Hashable, Sendable {
    var meanLoss: Double
    var sigma: Double
    var model: String
}
