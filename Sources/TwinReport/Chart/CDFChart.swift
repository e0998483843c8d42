/// The empirical distribution of latency, one line per device: the share of packets
/// delivered within x. Built from the quantile points the network view records
/// (`[[latency_s, fraction], …]`, fractions of the packets delivered), drawn as straight
/// segments between quantiles, with the goal's bound as a vertical marker so "99.9 %
/// within 250 ms" can be read off.
///
/// A curve whose device's delivery ratio is known is drawn against every packet sent:
/// its fractions are scaled by the ratio, so it levels off at the delivery ratio (97 %)
/// rather than at 100 %, and the height at a deadline is the share delivered in time.
/// Without the ratio the axis says the shares are of delivered packets.
struct CDFChart {
    struct Curve {
        var device: String
        var points: [(latency: Double, fraction: Double)]
        /// Delivered over sent for this device; nil when the results do not say.
        var deliveryRatio: Double?
    }

    var plot: String
    var title: String
    var curves: [Curve]
    var bound: Double?
    var boundLabel: String = "goal"
    /// The latency unit; charts side by side share one (`AxisUnit.time(maximum:)` of
    /// the largest latency among them).
    var unit: AxisUnit

    /// Whether the chart can show every curve as a share of the packets sent.
    var ofAllPackets: Bool { !curves.isEmpty && curves.allSatisfy { $0.deliveryRatio != nil } }

    func svg() -> String {
        let scaled = ofAllPackets
        // Scaled, the legend says where each curve levels off (`ecg · 98.9 %`).
        let series = curves.enumerated().map { index, curve in
            let factor = scaled ? curve.deliveryRatio ?? 1 : 1
            let name = scaled ? "\(curve.device) · \(NumberText.percent(factor, digits: 3))" : curve.device
            return LineSeries(name: name, points: curve.points.map { ($0.latency, Optional($0.fraction * factor)) },
                              colour: Palette.series(index))
        }
        var chart = LineChart(
            plot: plot, title: title,
            x: AxisSpec(label: "Latency", unit: unit),
            y: AxisSpec(label: "Packets delivered within", unit: AxisUnit(symbol: scaled ? "% of sent" : "% of delivered", divisor: 0.01),
                        range: 0...100),
            series: series,
            markers: bound.map { [ChartMarker(at: $0, label: boundLabel)] } ?? [])
        chart.emptyMessage = "no latency samples for these devices"
        return chart.svg()
    }

    /// The largest latency (or bound) among `charts`' curves, for their shared unit.
    static func largestLatency(_ curves: [Curve], bounds: [Double]) -> Double {
        max(curves.flatMap { $0.points.map(\.latency) }.max() ?? 0, bounds.max() ?? 0)
    }
}
