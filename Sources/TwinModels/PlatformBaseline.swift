import TwinUnits

/// The draw of a device's MCU and sensors while its radio sleeps, for devices whose
/// class has no platform load of its own: an MCU in System-ON sleep with its RTC running
/// (nRF52840 Product Specification v1.7 §5.2.1, I_ON_RAMON_RTC ≈ 3 µA) — Castalia's
/// `baselineNodePower` idea with a datasheet value. Shared by the compile-time lifetime
/// bound and the generated twin, so the bound and the run use the same figure.
public enum PlatformBaseline {
    public static let sleepCurrent = Current.microamperes(3)
    public static let source = "nRF52840 Product Specification v1.7 §5.2.1 (System ON, RTC running)"
}
