import Foundation
import TwinConfig

/// `twin.dot`: a Graphviz picture of the twin. Body devices are grouped by placement
/// inside a "body" cluster, gateways and edge tiers sit outside it, solid edges are
/// primary associations and dashed ones backups; each application is a note with
/// dotted edges to the devices its goals watch.
struct TwinGraph {
    let input: GenerationInput

    init(_ input: GenerationInput) { self.input = input }

    func render() -> String {
        let network = input.config.network
        var lines: [String] = []
        lines.append("digraph \(quote(input.config.name)) {")
        lines.append("  graph [rankdir=LR, fontname=\"Helvetica\", label=\(quote(input.config.title)), labelloc=t];")
        lines.append("  node [fontname=\"Helvetica\", fontsize=10];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9];")
        lines.append("  subgraph cluster_body {")
        lines.append("    label=\"body\"; style=rounded; color=\"#888888\";")
        let placements = Array(Set(network.devices.map(\.placement.rawValue))).sorted()
        for placement in placements {
            lines.append("    subgraph \(quote("cluster_" + placement)) {")
            lines.append("      label=\(quote(placement)); style=dashed; color=\"#bbbbbb\";")
            for device in network.devices where device.placement.rawValue == placement {
                let label = "\(device.id)\\n\(device.deviceClass)\\n\(device.radio.technology.rawValue) \(Int(device.radio.txPower.dBm)) dBm"
                lines.append("      \(quote(device.id)) [shape=box, style=\"rounded,filled\", fillcolor=\(device.inBody ? "\"#f4cccc\"" : "\"#d9ead3\""), label=\(quote(label))];")
            }
            lines.append("    }")
        }
        lines.append("  }")
        for gateway in network.gateways {
            lines.append("  \(quote(gateway.id)) [shape=box3d, style=filled, fillcolor=\"#cfe2f3\", label=\(quote("\(gateway.id)\\n\(gateway.kind)"))];")
        }
        for edge in network.edges {
            lines.append("  \(quote(edge.id)) [shape=cylinder, style=filled, fillcolor=\"#fff2cc\", label=\(quote("\(edge.id)\\n\(edge.tier)"))];")
        }
        for device in network.devices {
            lines.append("  \(quote(device.id)) -> \(quote(device.primaryGateway)) [label=\(quote("UP\(device.mac.userPriority)"))];")
            if let backup = device.backupGateway {
                lines.append("  \(quote(device.id)) -> \(quote(backup)) [style=dashed, color=\"#999999\"];")
            }
        }
        for link in network.links {
            let label = "\(link.technology.rawValue)\\n\(link.latency.quantity.formatted)"
            lines.append("  \(quote(link.from)) -> \(quote(link.to)) [penwidth=2, label=\(quote(label))];")
        }
        for application in input.config.applications {
            let node = "app:" + application.id.rawValue
            lines.append("  \(quote(node)) [shape=note, style=filled, fillcolor=\"#ead1dc\", label=\(quote(application.id.rawValue + "\\n" + application.kpis.map(\.rawValue).joined(separator: ", ")))];")
            let watched = Set(input.config.goals.filter { application.goals.contains($0.id) }.flatMap(\.devices))
            for device in watched.sorted() {
                lines.append("  \(quote(node)) -> \(quote(device)) [style=dotted, arrowhead=none, color=\"#a64d79\"];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
