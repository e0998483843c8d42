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
        // Marker labels go above the plot, out of the bars' way.
        let topMargin = markers.isEmpty ? 14.0 : 30.0
        let height = plotHeight + topMargin + 44
        let longest = rows.map(\.category.count).max() ?? 0
        let leftMargin = min(max(Double(longest) * 7.0 + 16, 60), 240)
        var canvas = SVGCanvas(width: width, height: height)
        let frame = ChartFrame(width: width, height: height, leftMargin: leftMargin,
                               legendWidth: legend.isEmpty ? 90 : 150, topMargin: topMargin)
        let values = rows.flatMap { $0.bars.flatMap { [$0.total] + ($0.interval.map { [$0.upperBound] } ?? []) } }
            + markers.map(\.at)
        guard !rows.isEmpty, let maximum = values.map(axis.unit.display).max() else {
            frame.drawEmpty(emptyMessage, on: &canvas)
            return canvas.svg(plot: plot, title: title)
        }
        let scale: any ScaleMapping
        if logarithmic {
            let positive = values.map(axis.unit.display).filter { $0 > 0 }
                + rows.flatMap { $0.bars.compactMap { $0.interval.map { axis.unit.display($0.lowerBound) } } }.filter { $0 > 0 }
            scale = LogScale(minimum: positive.min() ?? 1, maximum: maximum)
        } else {
            scale = axis.range.map { NiceScale(minimum: $0.lowerBound, maximum: $0.upperBound) }
                ?? NiceScale(minimum: 0, maximum: max(maximum, 0), ticks: 6)
        }
        frame.drawXAxis(scale, spec: axis, on: &canvas)
        canvas.line(frame.left, frame.top, frame.left, frame.bottom, stroke: Palette.axis)
        for (rowIndex, row) in rows.enumerated() {
            let rowTop = frame.top + Double(rowIndex) * rowHeight + Self.rowGap / 2
            let groupHeight = Double(row.bars.count) * (Self.barHeight + Self.barGap) - Self.barGap
            canvas.text(frame.left - 6, rowTop + groupHeight / 2 + 4, ChartFrame.shortened(row.category, to: 34),
                        size: ChartFrame.tickFont + 1, anchor: .end)
            for (barIndex, bar) in row.bars.enumerated() {
                let y = rowTop + Double(barIndex) * (Self.barHeight + Self.barGap)
                draw(bar, y: y, scale: scale, frame: frame, on: &canvas)
            }
        }
        for marker in markers {
            let px = frame.x(axis.unit.display(marker.at), scale)
            canvas.line(px, frame.top - 4, px, frame.bottom, stroke: marker.colour, width: 1.5, dash: "4 3")
            let leftHalf = px < (frame.left + frame.right) / 2
            canvas.text(leftHalf ? px - 2 : px + 2, frame.top - 8, marker.label, size: 10.5, anchor: leftHalf ? .start : .end,
                        fill: marker.colour)
        }
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
            let width = Double(annotation.count) * 6.2
            let fits = end + 5 + width <= frame.right + 10
            let inside = !fits && insideEnd - frame.left > width + 8
            canvas.text(inside ? insideEnd - 4 : end + 5, y + Self.barHeight - 3.5, annotation, size: ChartFrame.tickFont - 0.5,
                        anchor: inside ? .end : .start, fill: inside ? "#ffffff" : Palette.muted, weight: inside ? "600" : nil)
        }
    }
}
