import Foundation
import TwinUnits

/// The first-order radio energy model: `E_tx(k,d) = E_elec·k + ε_amp·k·dⁿ`,
/// `E_rx(k) = E_elec·k`.
///
/// Source: Heinzelman, Chandrakasan, Balakrishnan, "Energy-efficient communication
/// protocol for wireless microsensor networks", HICSS 2000 (E_elec = 50 nJ/bit,
/// ε_amp = 100 pJ/bit/m², n = 2); the LEACH-C two-ray variant (ε_fs = 10 pJ/bit/m²,
/// ε_mp = 0.0013 pJ/bit/m⁴, crossover d0 = √(ε_fs/ε_mp) ≈ 87.7 m); and the nRF2401 WBAN
/// variant of SIMPLE/M-ATTEMPT (E_tx 16.7 nJ/bit, E_rx 36.1 nJ/bit, ε_amp 1.97 nJ/bit/mⁿ,
/// n = 3.38 LOS / 5.9 NLOS ◐) (ban-numbers.md §4 "First-order radio model").
/// ✱ check: 2000 bits over 1 m cost 100.2 µJ to send and 100.0 µJ to receive.
public struct FirstOrderRadioModel: Sendable, Hashable {
    public static let source =
        "Heinzelman et al. HICSS 2000; LEACH-C two-ray variant; nRF2401 WBAN variant (SIMPLE, M-ATTEMPT) (ban-numbers.md §4)"

    /// Electronics energy per transmitted bit.
    public var transmitElectronicsPerBit: Energy
    /// Electronics energy per received bit.
    public var receiveElectronicsPerBit: Energy
    /// Amplifier energy per bit per mⁿ (free-space regime).
    public var amplifierPerBit: Energy
    public var pathLossExponent: Double
    /// Optional multipath regime: ε_mp per bit per m⁴ beyond `crossoverDistance`.
    public var multipathAmplifierPerBit: Energy?

    public init(transmitElectronicsPerBit: Energy, receiveElectronicsPerBit: Energy, amplifierPerBit: Energy,
                pathLossExponent: Double, multipathAmplifierPerBit: Energy? = nil) {
        self.transmitElectronicsPerBit = transmitElectronicsPerBit
        self.receiveElectronicsPerBit = receiveElectronicsPerBit
        self.amplifierPerBit = amplifierPerBit
        self.pathLossExponent = pathLossExponent
        self.multipathAmplifierPerBit = multipathAmplifierPerBit
    }

    public static let heinzelman2000 = FirstOrderRadioModel(
        transmitElectronicsPerBit: .joules(50e-9), receiveElectronicsPerBit: .joules(50e-9),
        amplifierPerBit: .joules(100e-12), pathLossExponent: 2)

    public static let leachTwoRay = FirstOrderRadioModel(
        transmitElectronicsPerBit: .joules(50e-9), receiveElectronicsPerBit: .joules(50e-9),
        amplifierPerBit: .joules(10e-12), pathLossExponent: 2, multipathAmplifierPerBit: .joules(0.0013e-12))

    public static let nrf2401LineOfSight = FirstOrderRadioModel(
        transmitElectronicsPerBit: .joules(16.7e-9), receiveElectronicsPerBit: .joules(36.1e-9),
        amplifierPerBit: .joules(1.97e-9), pathLossExponent: 3.38)

    public static let nrf2401NonLineOfSight = FirstOrderRadioModel(
        transmitElectronicsPerBit: .joules(16.7e-9), receiveElectronicsPerBit: .joules(36.1e-9),
        amplifierPerBit: .joules(1.97e-9), pathLossExponent: 5.9)

    /// Free-space / multipath crossover `√(ε_fs/ε_mp)`, when a multipath term exists.
    public var crossoverDistance: Distance? {
        multipathAmplifierPerBit.map { .meters((amplifierPerBit.si / $0.si).squareRoot()) }
    }

    /// Energy to transmit `size` over `distance`.
    public func transmitEnergy(_ size: DataSize, over distance: Distance) -> Energy {
        let bits = size.bits, d = Swift.max(distance.si, 0)
        if let multipath = multipathAmplifierPerBit, let crossover = crossoverDistance, d >= crossover.si {
            return Energy(si: bits * (transmitElectronicsPerBit.si + multipath.si * pow(d, 4)))
        }
        return Energy(si: bits * (transmitElectronicsPerBit.si + amplifierPerBit.si * pow(d, pathLossExponent)))
    }

    /// Energy to receive `size`.
    public func receiveEnergy(_ size: DataSize) -> Energy {
        Energy(si: size.bits * receiveElectronicsPerBit.si)
    }
}
