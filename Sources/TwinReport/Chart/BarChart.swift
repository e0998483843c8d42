
/// One stacked piece of a bar (SI units; the axis converts).
struct BarSegment {
    var value: Double
    var colour: String
    var tooltip: String? = nil
}

/// One bar: its stacked segments, an optional interval drawn as an error bar (a 95 %
/// confidence interval of the bar's total), and a label written at its end.
struct Bar {
    var segments: [BarSegment]
    var interval: ClosedRange<Double>? = nil
    var annotation: String? = nil

    var total: Double { segments.reduce(0) { $0 + max($1.value, 0) } }
}

/// A category (device, threat, goal) with one bar or a group of bars side by side.
struct BarRow {
    var category: String
    var bars: [Bar]
}

/// Horizontal bars on a value axis from zero: lifetime per device with its interval,
/// energy by radio state stacked, a KPI baseline vs under fault, CVSS scores. Rows run
/// top to bottom in the order given; the canvas grows with the number of rows.
struct BarChart {
    var plot: String
    var title: String
    var axis: AxisSpec
    var rows: [BarRow]
    var legend: [LegendItem] = []
    var markers: [ChartMarker] = []
    var width: Double = 600
    var emptyMessage = "no data in the results"
    /// A log axis at decades, for values spanning orders of magnitude (single-segment
    /// bars; a bar starts at the axis' first decade).
    var logarithmic = false

    private static let barHeight = 14.0
    private static let barGap = 3.0
    private static let rowGap = 10.0

    private var rowHeight: Double {
        let bars = Double(max(rows.map(\.bars.count).max() ?? 1, 1))
        return bars * Self.barHeight + (bars - 1) * Self.barGap + Self.rowGap
    }

    func svg() -> String {
        // Tall enough for every row and for the whole legend beside them.
        let plotHeight = max(Double(rows.count) * rowHeight, 60, Double(legend.count) * 16 + 8)
        let widest = rows.map { TextWidth.estimate(ChartFrame.shortened($0.category, to: 40), size: ChartFrame.tickFont + 1) }.max() ?? 0
        let leftMargin = min(max(widest + 16, 60), 260)
        let legendWidth = ChartFrame.legendWidth(legend, empty: 90)
        func frame(topMargin: Double) -> ChartFrame {
            ChartFrame(width: width, height: plotHeight + topMargin + 44, leftMargin: leftMargin, legendWidth: legendWidth,
                       topMargin: topMargin)
        }
        let values = rows.flatMap { $0.bars.flatMap { [$0.total] + ($0.interval.map { [$0.upperBound] } ?? []) } }
            + markers.map(\.at)
        guard !rows.isEmpty, let maximum = values.map(axis.unit.display).max() else {
            var canvas = SVGCanvas(width: width, height: plotHeight + 14 + 44)
            frame(topMargin: 14).drawEmpty(emptyMessage, on: &canvas)
            return canvas.svg(plot: plot, title: title)
        }
        let scale: any ScaleMapping
        if logarithmic {
            let positive = values.map(axis.unit.display).filter { $0 > 0 }
                + rows.flatMap { $0.bars.compactMap { $0.interval.map { axis.unit.display($0.lowerBound) } } }.filter { $0 > 0 }
            scale = LogScale(minimum: positive.min() ?? 1, maximum: maximum)
        } else {
            scale = axis.scale(minimum: 0, maximum: max(maximum, 0), ticks: 6)
        }
        // Marker labels go above the plot, out of the bars' way and clear of each other.
        let provisional = frame(topMargin: 14)
        let labels = MarkerLabels(markers.map { ($0, provisional.x(axis.unit.display($0.at), scale)) },
                                  plotLeft: provisional.left, plotRight: provisional.right, width: width)
        let frame = frame(topMargin: labels.topMargin)
        var canvas = SVGCanvas(width: width, height: plotHeight + labels.topMargin + 44)
        frame.drawXAxis(scale, spec: axis, on: &canvas)
        canvas.line(frame.left, frame.top, frame.left, frame.bottom, stroke: Palette.axis)
        for (rowIndex, row) in rows.enumerated() {
            let rowTop = frame.top + Double(rowIndex) * rowHeight + Self.rowGap / 2
            let groupHeight = Double(row.bars.count) * (Self.barHeight + Self.barGap) - Self.barGap
            canvas.text(frame.left - 6, rowTop + groupHeight / 2 + 4, ChartFrame.shortened(row.category, toWidth: leftMargin - 10, size: ChartFrame.tickFont + 1),
                        size: ChartFrame.tickFont + 1, anchor: .end)
            for (barIndex, bar) in row.bars.enumerated() {
                let y = rowTop + Double(barIndex) * (Self.barHeight + Self.barGap)
                draw(bar, y: y, scale: scale, frame: frame, on: &canvas)
            }
        }
        labels.draw(in: frame, on: &canvas)
        frame.drawLegend(legend, on: &canvas)
        return canvas.svg(plot: plot, title: title)
    }

    private func draw(_ bar: Bar, y: Double, scale: any ScaleMapping, frame: ChartFrame, on canvas: inout SVGCanvas) {
        let clamp = { (px: Double) in min(max(px, frame.left), frame.right) }
        var start = 0.0
        for segment in bar.segments where segment.value > 0 {
            let x0 = clamp(frame.x(axis.unit.display(start), scale))
            let x1 = clamp(frame.x(axis.unit.display(start + segment.value), scale))
            canvas.rect(x0, y, x1 - x0, Self.barHeight, fill: segment.colour, tooltip: segment.tooltip)
            start += segment.value
        }
        let barEnd = clamp(frame.x(axis.unit.display(bar.total), scale))
        var end = barEnd
        // Inside the bar the label must stop short of the whisker, or the interval's
        // line runs through its digits.
        var insideEnd = barEnd
        if let interval = bar.interval {
            let low = clamp(frame.x(axis.unit.display(interval.lowerBound), scale))
            let high = clamp(frame.x(axis.unit.display(interval.upperBound), scale))
            let middle = y + Self.barHeight / 2
            canvas.line(low, middle, high, middle, stroke: Palette.ink, width: 1.2)
            canvas.line(low, middle - 4, low, middle + 4, stroke: Palette.ink, width: 1.2)
            canvas.line(high, middle - 4, high, middle + 4, stroke: Palette.ink, width: 1.2)
            end = max(end, high)
            insideEnd = min(barEnd, low)
        }
        if let annotation = bar.annotation {
            // Past the plot's right edge the label would run into the legend: write it
            // inside the bar's end instead.
            let size = ChartFrame.tickFont - 0.5
            let width = TextWidth.estimate(annotation, size: size, bold: true)
            let fits = end + 5 + width <= frame.right + 10
            let inside = !fits && insideEnd - frame.left > width + 8
            // Inside, the text takes the colour that reads on the bar's last segment
            // (white on blue or red, ink on yellow).
            let background = bar.segments.last { $0.value > 0 }?.colour ?? Palette.ink
            canvas.text(inside ? insideEnd - 4 : end + 5, y + Self.barHeight - 3.5, annotation, size: size,
                        anchor: inside ? .end : .start, fill: inside ? Palette.text(on: background) : Palette.muted,
                        weight: inside ? "600" : nil)
        }
    }
}
