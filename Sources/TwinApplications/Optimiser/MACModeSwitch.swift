import TwinConfig
import TwinModels
import TwinUnits
import TwinVocabulary

/// The `mac-mode` knob of an IEEE 802.15.6 narrowband device (TwinSynthesis
/// `KnobDerivation`): scheduled access or CSMA/CA, an index into the knob's labels.
///
/// Switching fills the other mode's parameters exactly as the compiler's
/// `MACConfigBuilder` does, so a switched twin is the twin a compile with the other
/// access would have produced:
/// - scheduled: the allocation `ScheduledAllocationSizing` gives the device's traffic
///   (`TrafficConfig.totalRate`, periodic data and alarms) and deadline (its
///   `latencyBudget`, which the compiler sets to the deadline it sized the MAC for);
/// - CSMA/CA: no slots, no superframe, no allocation period (unused members are zero).
/// The user priority and retry limit are kept: the builder gives both modes the same
/// ones, and the retry limit is a knob of its own. Selecting the mode the device
/// already has leaves its MAC untouched (an allocation period the optimiser set stays).
enum MACModeSwitch {
    /// The modes in knob-index order (the labels `KnobDerivation` writes).
    static let modes = AccessMode.narrowbandModes

    /// The access a knob value selects, or why it cannot: the value must be a whole
    /// index into `labels`, and the label one of `modes`.
    static func access(_ value: Double, labels: [String]) -> Result<AccessMode, ModeError> {
        let names = labels.isEmpty ? modes.map(\.rawValue) : labels
        guard value.isFinite, value == value.rounded(), value >= 0, value < Double(names.count) else {
            return .failure(.notAnIndex(names))
        }
        let label = names[Int(value)]
        guard let access = AccessMode(twinJSON: label), modes.contains(access) else { return .failure(.unknownMode(label)) }
        return .success(access)
    }

    /// `device`'s MAC with `access`; nil when the device is not an 802.15.6
    /// narrowband device with scheduled access or CSMA/CA.
    static func switched(_ device: DeviceConfig, to access: AccessMode) -> MACConfig? {
        guard device.radio.technology == "ban-nb", modes.contains(device.mac.access), modes.contains(access) else {
            return nil
        }
        var mac = device.mac
        guard access != mac.access else { return mac }
        mac.access = access
        mac.connectionInterval = .zero
        if access == .scheduled {
            let sizing = ScheduledAllocationSizing(totalRate: device.traffic.totalRate,
                                                   deadline: device.traffic.latencyBudget)
            mac.slotLength = sizing.slotLength
            mac.slots = sizing.slots
            mac.period = sizing.period
        } else {
            mac.slotLength = .zero
            mac.slots = 0
            mac.period = 0
        }
        return mac
    }

    /// Why a `mac-mode` value does not name a mode.
    enum ModeError: Error, Sendable, Hashable {
        case notAnIndex([String])
        case unknownMode(String)

        var reason: String {
            switch self {
            case .notAnIndex(let labels):
                "a MAC mode is a whole index 0…\(labels.count - 1) into \(labels)"
            case .unknownMode(let mode):
                "`\(mode)` is not an IEEE 802.15.6 access mode the optimiser can switch to (\(modes))"
            }
        }
    }
}
