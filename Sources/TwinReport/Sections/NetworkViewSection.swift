import TwinUnits
import TwinVocabulary

/// The network view: the body map of the baseline scenario (devices, gateways, link
/// PDR and RSSI), battery left over time per device, the latency CDF of each goal's
/// devices with the goal's bound, and the per-device figures of the baseline.
struct NetworkViewSection {
    static let application = ApplicationKind.networkView.rawValue

    let view: JSONCursor
    let index: ResultsIndex

    /// The scenario the pictures show: the one of kind `baseline`, else the first.
    private var baseline: JSONCursor? {
        let scenarios = view.array("scenarios")
        return scenarios.first { $0.string("kind").flatMap(ScenarioKind.init(twinJSON:))?.isBaseline == true } ?? scenarios.first
    }

    var html: String {
        var out = "<section id=\"network-view\">\n<h2>Network view</h2>\n"
        let scenarioName = baseline?.string("id") ?? "—"
        out += Markup.paragraph("Pictures of scenario \(scenarioName); time series are one replication's trace (not an average).",
                                className: "note")
        out += "<div class=\"figures\">\n"
        out += Markup.figure(bodyMap, caption: "Devices where they are worn (front view: the wearer's left on the right), gateways on or beside the body; each link coloured by its frame delivery ratio (before retries); beside each device its link's mean RSSI and PDR.")
        out += Markup.figure(battery, caption: "Battery energy left per device over the run.")
        // A latency CDF for each goal about timely delivery (latency, delivery within a
        // deadline); when there is none, one CDF of every device.
        let timed = view.array("goals").filter { $0.string("kpi").flatMap(KPI.init(rawValue:)).map(Self.timedKPIs.contains) ?? false }
        let charts = timed.isEmpty ? [allDevicesCDF] : timed.map(latencyCDF)
        // One latency unit for every CDF, so charts side by side read alike.
        let unit = AxisUnit.time(maximum: CDFChart.largestLatency(charts.flatMap(\.curves), bounds: charts.compactMap(\.bound)))
        for (chart, goal) in zip(charts, timed.map(Optional.some) + [nil]) {
            var chart = chart
            chart.unit = unit
            let share = chart.ofAllPackets
                ? "heights are shares of the packets sent, so a curve levels off at its device's delivery ratio, given in the legend"
                : "heights are shares of the packets delivered"
            let caption = goal.map { "Latency distribution of the devices goal \($0.string("id") ?? "?") covers (\(share)); the dashed line is the goal's bound or deadline." }
                ?? "Latency distribution of every device (no goal about latency; \(share))."
            out += Markup.figure(chart.svg(), caption: caption)
        }
        out += "</div>\n"
        out += deviceTable
        out += "</section>\n"
        return out
    }

    private var bodyMap: String {
        let topology = view.object("topology")
        let devices = (topology?.array("devices") ?? []).compactMap { device -> BodyMap.Device? in
            guard let id = device.string("id"), let x = device.number("x_m"), let y = device.number("y_m") else { return nil }
            let detail = [device.string("class"), device.string("placement"), device.string("radio")].compactMap { $0 }
                .joined(separator: ", ")
            return BodyMap.Device(id: id, x: x, y: y, inBody: device.bool("inBody") ?? false, detail: detail)
        }
        let gateways = (topology?.array("gateways") ?? []).compactMap { gateway -> BodyMap.Gateway? in
            guard let id = gateway.string("id"), let x = gateway.number("x_m"), let y = gateway.number("y_m") else { return nil }
            return BodyMap.Gateway(id: id, kind: gateway.string("kind") ?? "", x: x, y: y, onBody: gateway.bool("onBody") ?? false)
        }
        var links = (baseline?.array("links") ?? []).compactMap { link -> BodyMap.Link? in
            guard let device = link.string("device"), let gateway = link.string("gateway") else { return nil }
            return BodyMap.Link(device: device, gateway: gateway, backup: link.string("role") == "backup",
                                pdr: link.ratio("pdr"), rssi: link.number("rssi_dBm"))
        }
        if links.isEmpty {
            // No measured links: draw the configured ones, uncoloured.
            links = (topology?.array("links") ?? []).compactMap { link in
                guard link.string("kind") == "body", let from = link.string("from"), let to = link.string("to") else { return nil }
                return BodyMap.Link(device: from, gateway: to, backup: link.string("role") == "backup", pdr: nil, rssi: nil)
            }
        }
        return BodyMap(plot: "\(Self.application):body-map", title: "Body map: devices, gateways and link quality",
                       devices: devices, gateways: gateways, links: links).svg()
    }

    private var seriesDevices: (time: [Double?], devices: [JSONCursor]) {
        guard let series = baseline?.object("series") else { return ([], []) }
        return (series.numberColumn("time_s"), series.array("devices"))
    }

    private var battery: String {
        let (time, devices) = seriesDevices
        let lines = devices.enumerated().compactMap { index, device -> LineSeries? in
            let values = device.numberColumn("batteryLeft_ratio")
            let points = zip(time, values).compactMap { t, v in t.map { (x: $0, y: v) } }
            guard points.contains(where: { $0.y != nil }) else { return nil }
            return LineSeries(name: device.string("id") ?? "?", points: points, colour: Palette.series(index))
        }
        let maximum = time.compactMap { $0 }.max() ?? 0
        var chart = LineChart(plot: "\(Self.application):battery", title: "Battery left over time per device",
                              x: AxisSpec(label: "Time", unit: .time(maximum: maximum)),
                              y: AxisSpec(label: "Battery left", unit: .percent, limits: 0...100), series: lines)
        chart.emptyMessage = "no samples in the trace (a run shorter than the sample interval?)"
        return chart.svg()
    }

    /// KPIs whose goals get a latency CDF.
    static let timedKPIs: Set<KPI> = [.latency, .deliveryRatio]

    private var allDevicesCDF: CDFChart {
        let devices = (baseline?.array("latencyCDF") ?? []).compactMap { $0.string("device") }
        return CDFChart(plot: "\(Self.application):latency-cdf:all-devices", title: "Latency CDF of every device",
                        curves: curves(of: devices), bound: nil, unit: .none)
    }

    private func latencyCDF(_ goal: JSONCursor) -> CDFChart {
        let goalID = goal.string("id") ?? "?"
        let kpi = goal.string("kpi") ?? ""
        let threshold = index.threshold(of: goalID)
        var bound: Double?
        var label = "goal"
        if kpi == "latency", let threshold, threshold.dimension == "time" || threshold.unit == "s" {
            bound = threshold.bound
            label = "goal \(threshold.text)"
        } else if let within = index.deadline(of: goalID) {
            bound = within
            label = "deadline \(NumberText.quantity(within, .time))"
        }
        return CDFChart(plot: "\(Self.application):latency-cdf:\(goalID)", title: "Latency CDF of goal \(goalID) (\(kpi))",
                        curves: curves(of: goal.strings("devices")), bound: bound, boundLabel: label, unit: .none)
    }

    /// Each device's CDF from the baseline trace with the device's delivery ratio in the
    /// same scenario (so the curve can be drawn against every packet sent).
    private func curves(of members: [String]) -> [CDFChart.Curve] {
        let cdfs = baseline?.array("latencyCDF") ?? []
        let devices = baseline?.array("devices") ?? []
        return members.compactMap { device -> CDFChart.Curve? in
            guard let cdf = cdfs.first(where: { $0.string("device") == device }) else { return nil }
            let points = cdf.array("points").compactMap { point -> (latency: Double, fraction: Double)? in
                let pair = point.elements()
                guard pair.count == 2, let latency = pair[0].numberValue(), let fraction = pair[1].numberValue() else {
                    point.complain("expected [latency_s, fraction]")
                    return nil
                }
                return (latency, fraction)
            }
            let ratio = devices.first { $0.string("id") == device }?.ratio("deliveryRatio")
            return points.isEmpty ? nil : CDFChart.Curve(device: device, points: points, deliveryRatio: ratio)
        }
    }

    private var deviceTable: String {
        let rows = (baseline?.array("devices") ?? []).map { device -> [TableCell] in
            [
                .text(device.string("id") ?? "?"),
                .number(device.ratio("deliveryRatio").map { NumberText.percent($0) } ?? "—"),
                .number(device.number("latencyP50_s").map { NumberText.quantity($0, .time) } ?? "—"),
                .number(device.number("latencyP99_s").map { NumberText.quantity($0, .time) } ?? "—"),
                .number(device.number("meanQueue").map { significant($0, digits: 3) } ?? "—"),
                .number(device.ratio("energyLeft_ratio").map { NumberText.percent($0, digits: 5) } ?? "—"),
            ]
        }
        let links = (baseline?.array("links") ?? []).map { link -> [TableCell] in
            [
                .text("\(link.string("device") ?? "?") → \(link.string("gateway") ?? "?")"),
                .text(link.string("role") ?? ""),
                .number(link.number("pathLoss_dB").map { "\(NumberText.fixed($0, decimals: 1)) dB" } ?? "—"),
                .number(link.number("rssi_dBm").map { "\(NumberText.fixed($0, decimals: 1)) dBm" } ?? "—"),
                .number(link.ratio("pdr").map { NumberText.percent($0) } ?? "—"),
            ]
        }
        return HTMLTable(caption: "Devices", headers: ["device", "delivery", "latency p50", "latency p99", "mean queue", "energy left"],
                         rows: rows).html
            + HTMLTable(caption: "Links", headers: ["link", "role", "path loss", "RSSI", "frame PDR"], rows: links).html
    }
}
