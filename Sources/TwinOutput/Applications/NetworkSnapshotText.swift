import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

extension NetworkSnapshot {
    public func text() -> String {
        var out = "network view at \(requested.quantity.formatted) (scenario \(scenario), replication \(replication))\n"
        out += "sample at \(sampleTime.quantity.formatted); PDR, RSSI and latency over the \(sampleInterval.quantity.formatted) before it\n"
        var table = TextTable([("device", .left), ("gateway", .left), ("primary", .left), ("battery", .right),
                               ("energy left", .right), ("queue", .right), ("PDR", .right), ("RSSI", .right),
                               ("latency", .right)])
        for row in devices.map({ device -> [String] in
            [
                device.id,
                device.gateway ?? (device.batteryLeft == nil ? "-" : "none"),
                device.primaryGatewayUp.map { $0 ? "up" : "down" } ?? "-",
                device.batteryLeft.map { Self.percent($0) } ?? "-",
                device.energyLeft.map { $0.quantity.formatted } ?? "-",
                device.queue.map(String.init) ?? "-",
                device.deliveryRatio.map { Self.percent($0) } ?? "-",
                device.rssi.map { "\(significant($0.dBm)) dBm" } ?? "-",
                device.latencyMean.map { $0.quantity.formatted } ?? "-",
            ]
        }) {
            table.add(row)
        }
        return out + table.render(indent: "")
    }

    /// A ratio as a percentage with up to five significant digits (`99.987 %`), so a 99.9 % goal is readable.
    static func percent(_ ratio: Double) -> String { "\(significant(ratio * 100, digits: 5)) %" }
}
