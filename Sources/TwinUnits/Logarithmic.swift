import Foundation

/// An absolute power on the decibel-milliwatt scale (TX power, RSSI, sensitivity, noise
/// floor). Kept apart from linear `Power` because dBm values do not add: subtracting a
/// path loss (`Decibels`) from a TX level gives a received level; summing interferers
/// goes through `Power`.
public struct PowerLevel: Hashable, Sendable, Comparable {
    public var dBm: Double

    public init(dBm: Double) { self.dBm = dBm }

    public init?(_ quantity: Quantity) {
        guard quantity.dimension == .powerLevel else { return nil }
        self.dBm = quantity.value
    }

    public init(_ power: Power) { self.dBm = 10 * log10(power.si * 1e3) }

    public var power: Power { Power(si: pow(10, dBm / 10) * 1e-3) }

    public static func - (a: PowerLevel, loss: Decibels) -> PowerLevel { PowerLevel(dBm: a.dBm - loss.dB) }
    public static func + (a: PowerLevel, gain: Decibels) -> PowerLevel { PowerLevel(dBm: a.dBm + gain.dB) }
    /// The ratio between two levels (e.g. signal over noise) is a relative gain.
    public static func - (a: PowerLevel, b: PowerLevel) -> Decibels { Decibels(dB: a.dBm - b.dBm) }
    public static func < (a: PowerLevel, b: PowerLevel) -> Bool { a.dBm < b.dBm }
}

/// A relative level in decibels: path loss, fading, SNR, gain.
public struct Decibels: Hashable, Sendable, Comparable {
    public var dB: Double

    public init(dB: Double) { self.dB = dB }

    public init?(_ quantity: Quantity) {
        guard quantity.dimension == .gain else { return nil }
        self.dB = quantity.value
    }

    /// The linear power ratio, 10^(dB/10).
    public var linear: Double { pow(10, dB / 10) }

    public init(linear: Double) { self.dB = 10 * log10(linear) }

    public static func + (a: Decibels, b: Decibels) -> Decibels { Decibels(dB: a.dB + b.dB) }
    public static func - (a: Decibels, b: Decibels) -> Decibels { Decibels(dB: a.dB - b.dB) }
    public static prefix func - (a: Decibels) -> Decibels { Decibels(dB: -a.dB) }
    public static func < (a: Decibels, b: Decibels) -> Bool { a.dB < b.dB }
}
