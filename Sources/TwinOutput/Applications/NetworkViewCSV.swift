import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

/// The view as CSV files for spreadsheets and plotting scripts, in a fixed order:
///
/// - `topology.csv` — one row per device, gateway and edge node (`node` says which);
/// - `topology-links.csv` — body links and uplinks;
/// - `links.csv` — per scenario and body link: path loss, RSSI, PDR, frames;
/// - `uplinks.csv` — per scenario and gateway uplink: packets offered and forwarded,
///   delivery ratio, mean and maximum delay;
/// - `devices.csv` — per scenario and device: mean queue, energy left, delivery, latency;
/// - `latency-cdf.csv` — per scenario and device: the CDF points;
/// - `series-<scenario>.csv` — one row per sample per device (replication 0's trace).
///
/// Rows follow configuration order (scenarios, then devices), so the files are
/// byte-identical for the same twin and seed.
extension NetworkView {
    public func csvFiles() -> [(name: String, contents: String)] {
        var files: [(name: String, contents: String)] = [
            ("topology.csv", topologyCSV()),
            ("topology-links.csv", topologyLinksCSV()),
            ("links.csv", linksCSV()),
            ("uplinks.csv", uplinksCSV()),
            ("devices.csv", devicesCSV()),
            ("latency-cdf.csv", latencyCSV()),
        ]
        var used = Set(files.map(\.name))
        for scenario in scenarios {
            guard let trace = scenario.trace else { continue }
            var name = "series-\(CSVTable.fileSafe(scenario.id)).csv"
            var suffix = 2
            while used.contains(name) {  // two ids that sanitise alike keep apart
                name = "series-\(CSVTable.fileSafe(scenario.id))-\(suffix).csv"
                suffix += 1
            }
            used.insert(name)
            files.append((name, Self.seriesCSV(trace)))
        }
        return files
    }

    func topologyCSV() -> String {
        var table = CSVTable(header: ["node", "id", "class", "placement", "x_m", "y_m", "positionKnown", "gateway",
                                      "backupGateway", "radio", "inBody", "txPower_dBm", "batteryEnergy_J"])
        for device in topology.devices {
            table.append([.text("device"), .text(device.id), .text(device.deviceClass), .text(device.placement.rawValue),
                          .number(device.x.si), .number(device.y.si), .flag(device.positionKnown),
                          .text(device.primaryGateway), .text(device.backupGateway ?? ""), .text(device.radio.rawValue),
                          .flag(device.inBody), .number(device.txPower.dBm), .number(device.batteryEnergy.joules)])
        }
        for gateway in topology.gateways {
            table.append([.text("gateway"), .text(gateway.id), .text(gateway.kind.rawValue), .text(gateway.placement.rawValue),
                          .number(gateway.x.si), .number(gateway.y.si), .flag(true), .text(""), .text(""),
                          .text(""), .flag(nil), .number(nil), .number(nil)])
        }
        for edge in topology.edges {
            table.append([.text("edge"), .text(edge.id), .text(edge.tier.rawValue), .text(""), .number(nil), .number(nil),
                          .flag(nil), .text(""), .text(""), .text(""), .flag(nil), .number(nil), .number(nil)])
        }
        return table.text
    }

    func topologyLinksCSV() -> String {
        var table = CSVTable(header: ["from", "to", "kind", "role", "technology"])
        for link in topology.links {
            table.append([.text(link.from), .text(link.to), .text(link.kind.rawValue), .text(link.role?.rawValue ?? ""),
                          .text(link.technology.rawValue)])
        }
        return table.text
    }

    func linksCSV() -> String {
        var table = CSVTable(header: ["scenario", "device", "gateway", "role", "pathLoss_dB", "rssi_dBm", "pdr",
                                      "framesSent", "framesAcknowledged"])
        for scenario in scenarios {
            for link in scenario.links {
                table.append([.text(scenario.id), .text(link.device), .text(link.gateway), .text(link.role.rawValue),
                              .number(link.pathLoss?.dB), .number(link.rssi?.dBm), .number(link.pdr),
                              .integer(link.framesSent), .integer(link.framesAcknowledged)])
            }
        }
        return table.text
    }

    func uplinksCSV() -> String {
        var table = CSVTable(header: ["scenario", "gateway", "edge", "offered", "forwarded", "deliveryRatio",
                                      "delayMean_s", "delayMax_s"])
        for scenario in scenarios {
            for uplink in scenario.uplinks {
                table.append([.text(scenario.id), .text(uplink.gateway), .text(uplink.edge), .integer(uplink.offered),
                              .integer(uplink.forwarded), .number(uplink.deliveryRatio),
                              .number(uplink.meanDelay?.seconds), .number(uplink.maximumDelay?.seconds)])
            }
        }
        return table.text
    }

    func devicesCSV() -> String {
        var table = CSVTable(header: ["scenario", "device", "meanQueue", "energyLeft_ratio", "energyLeft_J",
                                      "deliveryRatio", "generated", "delivered", "latencyP50_s", "latencyP99_s"])
        for scenario in scenarios {
            for device in scenario.devices {
                table.append([.text(scenario.id), .text(device.id), .number(device.meanQueue),
                              .number(device.energyLeftRatio), .number(device.energyLeft?.joules),
                              .number(device.deliveryRatio), .integer(device.generated), .integer(device.delivered),
                              .number(device.latencyP50?.seconds), .number(device.latencyP99?.seconds)])
            }
        }
        return table.text
    }

    func latencyCSV() -> String {
        var table = CSVTable(header: ["scenario", "device", "latency_s", "fraction"])
        for scenario in scenarios {
            for cdf in scenario.latencyCDF {
                for point in cdf.points {
                    table.append([.text(scenario.id), .text(cdf.device), .number(point.latency.seconds),
                                  .number(point.fraction)])
                }
            }
        }
        return table.text
    }

    /// Time-major: every device at the first sample, then every device at the next.
    static func seriesCSV(_ trace: ViewTrace) -> String {
        var table = CSVTable(header: ["time_s", "device", "deliveryRatio", "rssi_dBm", "queue", "batteryLeft_ratio",
                                      "gateway", "primaryGatewayUp", "latencyMean_s"])
        for (index, time) in trace.times.enumerated() {
            for device in trace.devices {
                table.append([.number(time.seconds), .text(device.id), .number(device.deliveryRatio[index]),
                              .number(device.rssi[index]?.dBm), .integer(device.queue[index]),
                              .number(device.batteryLeft[index]), .text(device.gateway[index] ?? ""),
                              .flag(device.primaryGatewayUp[index]), .number(device.latencyMean[index]?.seconds)])
            }
        }
        return table.text
    }
}
