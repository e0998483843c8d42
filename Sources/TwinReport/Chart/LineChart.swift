/// One line of a line chart, in SI units (the axis converts for display). A nil y is a
/// missing sample and breaks the line rather than drawing through the gap.
struct LineSeries {
    var name: String
    var points: [(x: Double, y: Double?)]
    var colour: String
    var dashed: Bool = false
}

/// Lines against a shared x axis (time, latency) with vertical markers: battery over
/// time, a KPI under a fault, a latency CDF. The axes fit the data at nice numbers
/// unless `AxisSpec.range` fixes them.
struct LineChart {
    var plot: String
    var title: String
    var x: AxisSpec
    var y: AxisSpec
    var series: [LineSeries]
    var markers: [ChartMarker] = []
    var width: Double = 600
    var height: Double = 290
    /// Drawn in the plot area when no series has a point.
    var emptyMessage = "no data in the results"

    func svg() -> String {
        var canvas = SVGCanvas(width: width, height: height)
        // Marker labels go above the plot, clear of the lines.
        let frame = ChartFrame(width: width, height: height, legendWidth: series.isEmpty ? 0 : 150,
                               topMargin: markers.isEmpty ? 14 : 28)
        let xs = series.flatMap { $0.points.map { x.unit.display($0.x) } } + markers.map { x.unit.display($0.at) }
        let ys = series.flatMap { $0.points.compactMap { $0.y.map(y.unit.display) } }
        guard !ys.isEmpty, let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else {
            frame.drawEmpty(emptyMessage, on: &canvas)
            return canvas.svg(plot: plot, title: title)
        }
        let xScale = x.range.map { NiceScale(minimum: $0.lowerBound, maximum: $0.upperBound) }
            ?? NiceScale(minimum: xMin, maximum: xMax, ticks: 7)
        let yScale = y.range.map { NiceScale(minimum: $0.lowerBound, maximum: $0.upperBound) }
            ?? NiceScale(minimum: yMin, maximum: yMax)
        frame.drawYAxis(yScale, spec: y, on: &canvas)
        frame.drawXAxis(xScale, spec: x, on: &canvas)
        for marker in markers {
            let px = frame.x(x.unit.display(marker.at), xScale)
            guard px >= frame.left - 0.5, px <= frame.right + 0.5 else { continue }
            canvas.line(px, frame.top - 4, px, frame.bottom, stroke: marker.colour, width: 1.5, dash: "4 3")
            let leftHalf = px < (frame.left + frame.right) / 2
            canvas.text(leftHalf ? px - 2 : px + 2, frame.top - 8, marker.label, size: 10.5, anchor: leftHalf ? .start : .end,
                        fill: marker.colour)
        }
        for line in series {
            let points: [(Double, Double)?] = line.points.map { point in
                guard let value = point.y else { return nil }
                let py = min(max(frame.y(y.unit.display(value), yScale), frame.top), frame.bottom)
                return (frame.x(x.unit.display(point.x), xScale), py)
            }
            canvas.polyline(points, stroke: line.colour, width: 2, dash: line.dashed ? "6 4" : nil)
        }
        frame.drawLegend(series.map { LegendItem(name: $0.name, colour: $0.colour, dashed: $0.dashed) }, on: &canvas)
        return canvas.svg(plot: plot, title: title)
    }
}
