/// The empirical distribution of latency, one line per device: the fraction of packets
/// delivered within x. Built from the quantile points the network view records
/// (`[[latency_s, fraction], …]`), drawn as straight segments between quantiles, with
/// the goal's bound as a vertical marker so "99.9 % within 250 ms" can be read off.
struct CDFChart {
    var plot: String
    var title: String
    var curves: [(device: String, points: [(latency: Double, fraction: Double)])]
    var bound: Double?
    var boundLabel: String = "goal"

    func svg() -> String {
        let maximum = max(curves.flatMap { $0.points.map(\.latency) }.max() ?? 0, bound ?? 0)
        let series = curves.enumerated().map { index, curve in
            LineSeries(name: curve.device, points: curve.points.map { ($0.latency, Optional($0.fraction)) },
                       colour: Palette.series(index))
        }
        var chart = LineChart(
            plot: plot, title: title,
            x: AxisSpec(label: "Latency", unit: .time(maximum: maximum)),
            y: AxisSpec(label: "Packets delivered within", unit: .percent, range: 0...100),
            series: series,
            markers: bound.map { [ChartMarker(at: $0, label: boundLabel)] } ?? [])
        chart.emptyMessage = "no latency samples for these devices"
        return chart.svg()
    }
}
