import Foundation
import TwinUnits

/// IEEE 802.15.6 user priorities and their contention parameters: CSMA/CA contention
/// windows (NB PHYs) and slotted-Aloha contention probabilities (UWB PHY).
///
/// Sources (ban-numbers.md §2 "Contention"): CWmin/CWmax ✔ from Castalia
/// `BaselineBANMac.h` (`CWmin[8]={16,16,8,8,4,4,2,1}`, `CWmax[8]={64,32,32,16,16,8,8,4}`);
/// CPmax/CPmin for UP0 and UP5 ✔ from github.com/hemanthsr/slotted-aloha-wban, the
/// other CP values ◐ (IEEE Std 802.15.6-2012 Table 20). Rules ✔ from the same code.
public enum UserPriority: Int, Sendable, Hashable, CaseIterable, Comparable {
    case background = 0
    case bestEffort = 1
    case excellentEffort = 2
    case video = 3
    case voice = 4
    case medicalData = 5
    case highPriorityMedical = 6
    case emergency = 7

    public static let source =
        "IEEE Std 802.15.6-2012 Table 19/20; Castalia BaselineBANMac.h CWmin/CWmax; hemanthsr/slotted-aloha-wban CP (ban-numbers.md §2)"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var contentionWindowMinimum: Int { [16, 16, 8, 8, 4, 4, 2, 1][rawValue] }
    public var contentionWindowMaximum: Int { [64, 32, 32, 16, 16, 8, 8, 4][rawValue] }

    /// Slotted-Aloha contention probability bounds, as fractions (numerator / 32).
    private static let maximumCP32: [Double] = [4, 4, 8, 8, 12, 12, 16, 32]
    private static let minimumCP32: [Double] = [2, 3, 3, 4, 4, 6, 6, 8]
    public var contentionProbabilityMaximum: Double { Self.maximumCP32[rawValue] / 32 }
    public var contentionProbabilityMinimum: Double { Self.minimumCP32[rawValue] / 32 }

    /// CSMA/CA contention window after a transmission attempt: CWmin after a success;
    /// after a failure, doubled (capped at CWmax) when the number of consecutive
    /// failures so far is even, unchanged when it is odd — "double after every second
    /// failure".
    /// - Parameters:
    ///   - current: the window used for the attempt just made.
    ///   - consecutiveFailures: failures in a row including this attempt (0 on success).
    public func nextContentionWindow(current: Int, consecutiveFailures: Int) -> Int {
        guard consecutiveFailures > 0 else { return contentionWindowMinimum }
        guard consecutiveFailures % 2 == 0 else { return Swift.max(current, contentionWindowMinimum) }
        return Swift.min(2 * Swift.max(current, 1), contentionWindowMaximum)
    }

    /// Backoff counter for a draw `u ~ U[0,1)`: uniform on 1…CW (802.15.6 §6.2.2.1).
    public func backoffSlots(window: Int, uniform u: Double) -> Int {
        let w = Swift.max(window, 1)
        return Swift.min(Int((Swift.min(Swift.max(u, 0), 1 - 1e-16) * Double(w)).rounded(.down)) + 1, w)
    }

    /// Slotted-Aloha contention probability after an attempt: CPmax after a success;
    /// after a collision, halved (not below CPmin) when the number of consecutive
    /// collisions is even, unchanged when odd.
    public func nextContentionProbability(current: Double, consecutiveCollisions: Int) -> Double {
        guard consecutiveCollisions > 0 else { return contentionProbabilityMaximum }
        guard consecutiveCollisions % 2 == 0 else { return current }
        return Swift.max(current / 2, contentionProbabilityMinimum)
    }

    /// Slotted Aloha transmits in a slot when the draw `z ~ U[0,1]` satisfies `z ≤ CP`.
    public func transmitsInSlot(probability cp: Double, uniform z: Double) -> Bool { z <= cp }
}
