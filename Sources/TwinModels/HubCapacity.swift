/// How many devices one gateway may serve: one rule for the compiler (TP008, at the
/// gateway in the use case) and the runtime (TR001, at the gateway in twin.json), so a
/// twin that compiles is never refused for its hub size when it runs.
///
/// IEEE 802.15.6-2012 caps a BAN at mMaxBANSize = 64 nodes per hub (ban-numbers.md §2
/// "Network size"). The twin models each gateway as the hub of one body network whose
/// MAC, queues and detector serve every device that names it primary, whatever its
/// radio, so the cap counts them all: 70 BLE wristbands on one phone are refused at
/// compile time, not by `run` after compiling cleanly.
public enum HubCapacity {
    public static let maximumDevices = BaselineBANMacParameters.maximumBANSize

    /// The gateways that more than `maximumDevices` devices use as their primary, with
    /// how many, in the order of `gateways`.
    public static func overfull(gateways: [String], primaryOfDevices: [String]) -> [(gateway: String, devices: Int)] {
        var counts: [String: Int] = [:]
        for primary in primaryOfDevices { counts[primary, default: 0] += 1 }
        return gateways.compactMap { gateway in
            let count = counts[gateway] ?? 0
            return count > maximumDevices ? (gateway, count) : nil
        }
    }
}
