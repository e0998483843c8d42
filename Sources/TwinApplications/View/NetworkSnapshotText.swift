import TwinUnits

/// The snapshot as the text `twinc run --at` prints: a header naming the time, the
/// scenario and the replication (a trace is one realisation), the sample actually
/// shown, then an aligned table — text left-aligned, numbers right-aligned, `-` for a
/// value the window did not have.
extension NetworkSnapshot {
    public func text() -> String {
        var out = "network view at \(requested.quantity.formatted) (scenario \(scenario), replication \(replication))\n"
        out += "sample at \(sampleTime.quantity.formatted); PDR and RSSI over the \(sampleInterval.quantity.formatted) before it\n"
        let header = ["device", "gateway", "primary", "battery", "energy left", "queue", "PDR", "RSSI"]
        let rightAligned = [false, false, false, true, true, true, true, true]
        let rows = devices.map { device -> [String] in
            [
                device.id,
                device.gateway ?? (device.batteryLeft == nil ? "-" : "none"),
                device.primaryGatewayUp.map { $0 ? "up" : "down" } ?? "-",
                device.batteryLeft.map { Self.percent($0) } ?? "-",
                device.energyLeft.map { $0.quantity.formatted } ?? "-",
                device.queue.map(String.init) ?? "-",
                device.deliveryRatio.map { Self.percent($0) } ?? "-",
                device.rssi.map { "\(significant($0.dBm)) dBm" } ?? "-",
            ]
        }
        let table = [header] + rows
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        for row in table {
            let cells = row.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned[column] ? padding + row[column] : row[column] + padding
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// A ratio as a percentage with up to five significant digits (`99.987 %`), so a 99.9 % goal is readable.
    static func percent(_ ratio: Double) -> String { "\(significant(ratio * 100, digits: 5)) %" }
}
