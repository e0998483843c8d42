
/// One line of a line chart, in SI units (the axis converts for display). A nil y is a
/// missing sample and breaks the line rather than drawing through the gap.
struct LineSeries {
    var name: String
    var points: [(x: Double, y: Double?)]
    var colour: String
    var dashed: Bool = false
}

/// A shaded span of the x axis (an outage from a fault to the recovery), in SI units.
/// Drawn at least a few pixels wide: a 2 s outage on a 20 min axis is still seen.
struct ChartBand {
    var from: Double
    var to: Double
    var colour: String = Palette.bad
}

/// Lines against a shared x axis (time, latency) with vertical markers: battery over
/// time, a KPI under a fault, a latency CDF. The axes fit the data at nice numbers
/// unless `AxisSpec.range` fixes them; with a fixed x range the lines are cut at its
/// ends (a window around a fault).
struct LineChart {
    var plot: String
    var title: String
    var x: AxisSpec
    var y: AxisSpec
    var series: [LineSeries]
    var markers: [ChartMarker] = []
    var bands: [ChartBand] = []
    /// The legend; nil gives one entry per series.
    var legend: [LegendItem]? = nil
    var width: Double = 600
    var height: Double = 290
    /// Drawn in the plot area when no series has a point.
    var emptyMessage = "no data in the results"

    func svg() -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let legend = self.legend ?? series.map { LegendItem(name: $0.name, colour: $0.colour, dashed: $0.dashed) }
        let legendWidth = ChartFrame.legendWidth(legend)
        let window = x.range.map { (x.unit.si($0.lowerBound), x.unit.si($0.upperBound)) }
        let lines = series.map { line in window.map { LineSeries(name: line.name, points: Self.cut(line.points, to: $0.0...$0.1),
                                                                 colour: line.colour, dashed: line.dashed) } ?? line }
        let xs = lines.flatMap { $0.points.map { x.unit.display($0.x) } } + markers.map { x.unit.display($0.at) }
        let ys = lines.flatMap { $0.points.compactMap { $0.y.map(y.unit.display) } }
        guard !ys.isEmpty, let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else {
            ChartFrame(width: width, height: height, legendWidth: legendWidth).drawEmpty(emptyMessage, on: &canvas)
            return canvas.svg(plot: plot, title: title)
        }
        let xScale = x.scale(minimum: xMin, maximum: xMax, ticks: 7)
        let yScale = y.scale(minimum: yMin, maximum: yMax)
        // Marker labels go above the plot, clear of the lines and of each other.
        let provisional = ChartFrame(width: width, height: height, legendWidth: legendWidth)
        let visible = markers.compactMap { marker -> (marker: ChartMarker, x: Double)? in
            let px = provisional.x(x.unit.display(marker.at), xScale)
            return px >= provisional.left - 0.5 && px <= provisional.right + 0.5 ? (marker, px) : nil
        }
        let labels = MarkerLabels(visible, plotLeft: provisional.left, plotRight: provisional.right, width: width)
        let frame = ChartFrame(width: width, height: height, legendWidth: legendWidth, topMargin: labels.topMargin)
        for band in bands {
            let from = min(max(frame.x(x.unit.display(band.from), xScale), frame.left), frame.right)
            let to = min(max(frame.x(x.unit.display(band.to), xScale), frame.left), frame.right)
            let wide = max(to - from, 6)
            canvas.rect(min(from, frame.right - wide), frame.top, wide, frame.bottom - frame.top, fill: band.colour, opacity: 0.25)
        }
        frame.drawYAxis(yScale, spec: y, on: &canvas)
        frame.drawXAxis(xScale, spec: x, on: &canvas)
        labels.draw(in: frame, on: &canvas)
        for line in lines {
            let points: [(Double, Double)?] = line.points.map { point in
                guard let value = point.y else { return nil }
                let py = min(max(frame.y(y.unit.display(value), yScale), frame.top), frame.bottom)
                return (frame.x(x.unit.display(point.x), xScale), py)
            }
            canvas.polyline(points, stroke: line.colour, width: 2, dash: line.dashed ? "6 4" : nil)
        }
        frame.drawLegend(legend, on: &canvas)
        return canvas.svg(plot: plot, title: title)
    }

    /// The part of a line inside `window`, with points interpolated where it crosses
    /// the window's ends (so the line reaches the axis' edge at the right height).
    static func cut(_ points: [(x: Double, y: Double?)], to window: ClosedRange<Double>) -> [(x: Double, y: Double?)] {
        var out: [(x: Double, y: Double?)] = []
        for (index, point) in points.enumerated() {
            if index > 0 {
                let previous = points[index - 1]
                for edge in [window.lowerBound, window.upperBound]
                where (previous.x < edge && point.x > edge) || (previous.x > edge && point.x < edge) {
                    var y: Double?
                    if let a = previous.y, let b = point.y { y = a + (b - a) * (edge - previous.x) / (point.x - previous.x) }
                    out.append((edge, y))
                }
            }
            if window.contains(point.x) { out.append(point) }
        }
        return out
    }
}
