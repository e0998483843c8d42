/// Points on two value axes, each with an optional 95 % interval drawn as whiskers, and
/// a subset joined by a step line: the Pareto front of a design-space sweep (`twinc
/// sweep collect --html`), or a KPI against a knob's value. Drawn with the run report's
/// frame, scales and palette, so a sweep's page reads like the report's.
struct ScatterChart {
    var plot: String
    var title: String
    var x: AxisSpec
    var y: AxisSpec
    var points: [ScatterPoint]
    /// Join the highlighted points in x order (the front), else leave them as marks.
    var joinHighlighted: Bool
    var width = 600.0
    var height = 360.0

    func svg() -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let legend = joinHighlighted
            ? [LegendItem(name: "Pareto front", colour: Palette.bad, mark: .circle), LegendItem(name: "other points", colour: Palette.series(0), mark: .circle)]
            : []
        let frame = ChartFrame(width: width, height: height, legendWidth: legend.isEmpty ? 0 : ChartFrame.legendWidth(legend))
        frame.drawLegend(legend, on: &canvas)
        guard !points.isEmpty else {
            frame.drawEmpty("no collected point has both values", on: &canvas)
            return canvas.svg(plot: plot, title: title)
        }
        let xs = points.flatMap { [$0.x] + ($0.xInterval.map { [$0.lowerBound, $0.upperBound] } ?? []) }.map(x.unit.display)
        let ys = points.flatMap { [$0.y] + ($0.yInterval.map { [$0.lowerBound, $0.upperBound] } ?? []) }.map(y.unit.display)
        let xScale = x.scale(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1)
        let yScale = y.scale(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1)
        frame.drawYAxis(yScale, spec: y, on: &canvas)
        frame.drawXAxis(xScale, spec: x, on: &canvas)
        func px(_ value: Double) -> Double { min(max(frame.x(x.unit.display(value), xScale), frame.left), frame.right) }
        func py(_ value: Double) -> Double { min(max(frame.y(y.unit.display(value), yScale), frame.top), frame.bottom) }
        for point in points {
            let colour = point.highlighted && joinHighlighted ? Palette.bad : Palette.series(0)
            if let interval = point.xInterval {
                canvas.line(px(interval.lowerBound), py(point.y), px(interval.upperBound), py(point.y), stroke: colour)
            }
            if let interval = point.yInterval {
                canvas.line(px(point.x), py(interval.lowerBound), px(point.x), py(interval.upperBound), stroke: colour)
            }
        }
        if joinHighlighted {
            let front = points.filter(\.highlighted).sorted { ($0.x, $0.y) < ($1.x, $1.y) }
            canvas.polyline(front.map { (px($0.x), py($0.y)) }, stroke: Palette.bad, width: 1.5, dash: "4 3")
        }
        for point in points {
            let colour = point.highlighted && joinHighlighted ? Palette.bad : Palette.series(0)
            canvas.circle(px(point.x), py(point.y), point.highlighted && joinHighlighted ? 4.5 : 3.5, fill: colour,
                          stroke: "#ffffff", tooltip: point.tooltip)
        }
        return canvas.svg(plot: plot, title: title)
    }
}
