import TwinRuntime
import TwinUnits

/// Loss attribution in words: the limiting hop and cause of a goal, and a device's
/// losses by hop and cause.
enum LossText {
    /// "limiting hop device→gateway, cause collision: 62 % of the 64.5 packets of `ecg`
    /// lost or late per replication".
    static func limiting(_ loss: LossShare) -> String {
        "limiting hop \(loss.hop.rawValue), cause \(loss.cause.rawValue): \(percent(loss.share)) of the "
            + "\(significant(loss.total)) packets of `\(loss.device)` lost or late per replication"
    }

    /// "collision 40 (62 %) on device→gateway".
    static func share(_ loss: LossShare) -> String {
        "\(loss.cause.rawValue) \(significant(loss.packets)) (\(percent(loss.share))) on \(loss.hop.rawValue)"
    }

    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value >= 10 ? "\(Int(value.rounded())) %" : "\(significant(value, digits: 2)) %"
    }
}
