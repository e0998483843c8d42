/// One value per category and series with its interval, as point marks on one axis
/// zoomed to the data: the delivery ratio of each device (a row) in each scenario (a
/// mark, told apart by colour and shape). Bars from zero would make 98.3 % and 99.9 %
/// look the same; dots on a 98–100 % axis show the difference, and a row per device
/// with the scenarios stacked a few pixels apart keeps a dozen devices in a few
/// hundred pixels.
///
/// The axis covers the means and, when they do not stretch it more than threefold, the
/// intervals; an interval that runs past the axis is cut with a chevron at the edge
/// (two replications give intervals of several percent that would otherwise flatten
/// every difference between means). Beside each row, the lowest and highest mean.
struct DotPlot {
    struct Mark {
        /// SI units (a ratio), as the axis' unit expects.
        var value: Double
        var interval: ClosedRange<Double>?
        var tooltip: String
    }

    struct Row {
        var category: String
        /// One per series, in series order; nil where the series has no value.
        var marks: [Mark?]
        /// Written right of the plot (the range of the row's means).
        var summary: String
    }

    var plot: String
    var title: String
    var axis: AxisSpec
    var series: [String]
    var rows: [Row]
    var width: Double = ChartFrame.wideWidth
    var emptyMessage = "no data in the results"

    private static let markSpacing = 6.0
    private static let categoryFont = ChartFrame.tickFont + 1

    private var rowHeight: Double { max(Double(series.count) * Self.markSpacing + 10, 22) }

    func colour(_ index: Int) -> String { Palette.series(index) }

    var legend: [LegendItem] {
        series.enumerated().map { LegendItem(name: $1, colour: colour($0), mark: MarkShape.series($0)) }
    }

    func svg() -> String {
        let legendLines = ChartFrame.horizontalLegendLines(legend, width: width - 20)
        let top = 8 + Double(legendLines.count) * 18 + 8
        let plotHeight = max(Double(rows.count) * rowHeight, 40)
        let height = top + plotHeight + 44
        let widest = rows.map { TextWidth.estimate($0.category, size: Self.categoryFont) }.max() ?? 0
        let summaryWidth = (rows.map { TextWidth.estimate($0.summary, size: ChartFrame.tickFont) }.max() ?? 0) + 4
        var canvas = SVGCanvas(width: width, height: height)
        let frame = ChartFrame(width: width, height: height, leftMargin: min(max(widest + 16, 60), 260),
                               legendWidth: summaryWidth, topMargin: top)
        ChartFrame.drawHorizontalLegend(legendLines, x: 10, y: 16, on: &canvas)
        let marks = rows.flatMap { $0.marks.compactMap { $0 } }
        guard !marks.isEmpty else {
            frame.drawEmpty(emptyMessage, on: &canvas)
            return canvas.svg(plot: plot, title: title)
        }
        let scale = self.scale(marks)
        frame.drawXAxis(scale, spec: axis, on: &canvas)
        canvas.line(frame.left, frame.top, frame.left, frame.bottom, stroke: Palette.axis)
        let clampX = { (value: Double) -> (x: Double, cut: Bool) in
            let x = frame.x(self.axis.unit.display(value), scale)
            return (min(max(x, frame.left), frame.right), x < frame.left - 0.5 || x > frame.right + 0.5)
        }
        for (index, row) in rows.enumerated() {
            let rowTop = frame.top + Double(index) * rowHeight
            if index % 2 == 1 { canvas.rect(frame.left, rowTop, frame.right - frame.left, rowHeight, fill: "#000000", opacity: 0.03) }
            let middle = rowTop + rowHeight / 2
            canvas.text(frame.left - 6, middle + 4, ChartFrame.shortened(row.category, toWidth: frame.left - 10, size: Self.categoryFont),
                        size: Self.categoryFont, anchor: .end)
            canvas.text(frame.right + 8, middle + 4, row.summary, size: ChartFrame.tickFont, fill: Palette.muted)
            let first = middle - Double(series.count - 1) * Self.markSpacing / 2
            for (seriesIndex, mark) in row.marks.enumerated() {
                guard let mark else { continue }
                let y = first + Double(seriesIndex) * Self.markSpacing
                let colour = colour(seriesIndex)
                if let interval = mark.interval {
                    let low = clampX(interval.lowerBound), high = clampX(interval.upperBound)
                    canvas.line(low.x, y, high.x, y, stroke: colour, width: 1.3, opacity: 0.8)
                    if low.cut { canvas.path(chevron(at: low.x, y: y, pointing: -1), fill: "none", stroke: colour, width: 1.3) }
                    if high.cut { canvas.path(chevron(at: high.x, y: y, pointing: 1), fill: "none", stroke: colour, width: 1.3) }
                }
                let point = clampX(mark.value)
                MarkShape.series(seriesIndex).draw(point.x, y, colour: colour, tooltip: mark.tooltip, on: &canvas)
            }
        }
        return canvas.svg(plot: plot, title: title)
    }

    /// The means' range, widened to the intervals unless they would stretch it more
    /// than threefold; at least `axis.minimumSpan`, within `axis.limits`.
    private func scale(_ marks: [Mark]) -> NiceScale {
        let means = marks.map { axis.unit.display($0.value) }
        let ends = marks.flatMap { mark in mark.interval.map { [axis.unit.display($0.lowerBound), axis.unit.display($0.upperBound)] } ?? [] }
        let low = means.min() ?? 0, high = means.max() ?? 1
        let fullLow = min(low, ends.min() ?? low), fullHigh = max(high, ends.max() ?? high)
        let span = max(high - low, axis.minimumSpan ?? 0)
        if fullHigh - fullLow <= 3 * span { return axis.scale(minimum: fullLow, maximum: fullHigh, ticks: 12) }
        return axis.scale(minimum: low - span * 0.1, maximum: high + span * 0.1, ticks: 12)
    }

    /// A small `<` or `>` at the axis' edge: the interval goes on past it.
    private func chevron(at x: Double, y: Double, pointing direction: Double) -> String {
        let tip = x, back = x - direction * 4
        return "M\(SVGCanvas.px(back)) \(SVGCanvas.px(y - 3)) L\(SVGCanvas.px(tip)) \(SVGCanvas.px(y)) L\(SVGCanvas.px(back)) \(SVGCanvas.px(y + 3))"
    }
}
