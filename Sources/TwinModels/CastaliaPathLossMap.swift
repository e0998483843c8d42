import Foundation
import TwinUnits

/// Castalia's measured on-body average path-loss map (NICTA measurements), used by its
/// BAN simulations in place of a distance law.
///
/// Source: Castalia `Simulations/Parameters/WirelessChannel/BANmodels/pathLossMap.txt`
/// (ban-numbers.md §1 "Castalia's measured on-body map" ✔). Symmetric; nodes are 0 R-hip,
/// 1 L-wrist, 2 R-wrist, 3 L-ankle, 4 R-ankle, 5 chest (the hub).
public enum CastaliaBodyPosition: Int, Sendable, Hashable, CaseIterable, Comparable {
    case rightHip = 0
    case leftWrist = 1
    case rightWrist = 2
    case leftAnkle = 3
    case rightAnkle = 4
    case chest = 5

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Names used in use-case documents (`placement: left-wrist`).
    public var name: String {
        switch self {
        case .rightHip: "right-hip"
        case .leftWrist: "left-wrist"
        case .rightWrist: "right-wrist"
        case .leftAnkle: "left-ankle"
        case .rightAnkle: "right-ankle"
        case .chest: "chest"
        }
    }

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}

public enum CastaliaPathLossMap {
    public static let source =
        "Castalia Simulations/Parameters/WirelessChannel/BANmodels/pathLossMap.txt, NICTA measurements (ban-numbers.md §1)"

    /// Upper triangle, row = lower index, column = higher index (dB).
    private static let upper: [[Double]] = [
        //  1    2    3    4    5
        [56, 40, 59, 54, 58], // 0 R-hip
        [52, 52, 58, 61],     // 1 L-wrist (to 2…5)
        [58, 54, 61],         // 2 R-wrist (to 3…5)
        [50, 63],             // 3 L-ankle (to 4, 5)
        [63],                 // 4 R-ankle (to 5)
    ]

    /// Average path loss between two distinct positions; nil for a node to itself.
    public static func averageLoss(_ a: CastaliaBodyPosition, _ b: CastaliaBodyPosition) -> Decibels? {
        guard a != b else { return nil }
        let low = Swift.min(a, b).rawValue, high = Swift.max(a, b).rawValue
        return Decibels(dB: upper[low][high - low - 1])
    }

    /// Instantaneous loss = map value − fade (Castalia's temporal model subtracts the
    /// drawn fade, measured between −31 and +11 dB; a negative fade deepens the loss).
    public static func instantaneousLoss(_ a: CastaliaBodyPosition, _ b: CastaliaBodyPosition, fade: Decibels) -> Decibels? {
        averageLoss(a, b).map { $0 - fade }
    }

    /// The measured range of the temporal fade draw.
    public static let fadeRange: ClosedRange<Double> = -31...11
}
