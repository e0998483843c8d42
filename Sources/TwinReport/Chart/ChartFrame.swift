/// The parts every x–y chart shares: the plot rectangle, grid lines and ticks at nice
/// numbers, axis titles with units, the legend beside the plot and the message drawn
/// when there is nothing to plot (a chart is never silently missing).
struct ChartFrame {
    /// The plot area in pixels.
    let left: Double, top: Double, right: Double, bottom: Double

    static let tickFont = 11.0
    static let legendFont = 12.0

    /// A frame in a `width`×`height` canvas, leaving room for tick labels on the left,
    /// the axis title below and a legend column of `legendWidth` on the right.
    init(width: Double, height: Double, leftMargin: Double = 62, legendWidth: Double, topMargin: Double = 14) {
        left = leftMargin
        top = topMargin
        right = width - legendWidth - 16
        bottom = height - 44
    }

    func x(_ value: Double, _ scale: some ScaleMapping) -> Double { scale.position(value, from: left, to: right) }
    func y(_ value: Double, _ scale: NiceScale) -> Double { scale.position(value, from: bottom, to: top) }

    /// Horizontal grid lines and y tick labels.
    func drawYAxis(_ scale: NiceScale, spec: AxisSpec, on canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let py = y(tick, scale)
            canvas.line(left, py, right, py, stroke: Palette.grid)
            canvas.text(left - 6, py + 3.5, scale.label(tick), size: Self.tickFont, anchor: .end, fill: Palette.muted)
        }
        canvas.line(left, top, left, bottom, stroke: Palette.axis)
        let middle = (top + bottom) / 2
        canvas.text(14, middle, spec.title, size: Self.legendFont, anchor: .middle, fill: Palette.muted, rotate: -90)
    }

    /// Vertical grid lines and x tick labels.
    func drawXAxis(_ scale: some ScaleMapping, spec: AxisSpec, on canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let px = x(tick, scale)
            canvas.line(px, top, px, bottom, stroke: Palette.grid)
            canvas.line(px, bottom, px, bottom + 4, stroke: Palette.axis)
            canvas.text(px, bottom + 16, scale.label(tick), size: Self.tickFont, anchor: .middle, fill: Palette.muted)
        }
        canvas.line(left, bottom, right, bottom, stroke: Palette.axis)
        canvas.text((left + right) / 2, bottom + 34, spec.title, size: Self.legendFont, anchor: .middle, fill: Palette.muted)
    }

    /// A legend entry per item, stacked to the right of the plot; a dashed item shows a
    /// dashed swatch. Long names are shortened with an ellipsis (the full name is the
    /// SVG tooltip).
    func drawLegend(_ items: [LegendItem], on canvas: inout SVGCanvas) {
        guard !items.isEmpty else { return }
        let x0 = right + 14
        let rowHeight = 16.0
        let maxRows = Int((bottom - top) / rowHeight)
        for (index, item) in items.prefix(max(maxRows, 1)).enumerated() {
            let py = top + 6 + Double(index) * rowHeight
            if item.isBlock {
                canvas.rect(x0, py - 5, 14, 10, fill: item.colour)
            } else {
                canvas.line(x0, py, x0 + 16, py, stroke: item.colour, width: 2.5, dash: item.dashed ? "5 3" : nil)
            }
            canvas.text(x0 + 21, py + 4, Self.shortened(item.name, to: 18), size: Self.legendFont)
        }
        if items.count > maxRows, maxRows > 0 {
            canvas.text(x0, top + 6 + Double(maxRows) * rowHeight, "+\(items.count - maxRows) more", size: Self.tickFont, fill: Palette.muted)
        }
    }

    /// The "nothing to plot" message in the middle of the plot area.
    func drawEmpty(_ message: String, on canvas: inout SVGCanvas) {
        canvas.rect(left, top, right - left, bottom - top, fill: "#fafafa", stroke: Palette.grid)
        canvas.text((left + right) / 2, (top + bottom) / 2, message, size: 12, anchor: .middle, fill: Palette.muted)
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}

/// One legend row.
struct LegendItem {
    var name: String
    var colour: String
    var dashed: Bool = false
    /// A filled square (bars) rather than a line (series).
    var isBlock: Bool = false
}

/// A vertical mark on the x axis (a fault's start, a goal's bound).
struct ChartMarker {
    var at: Double
    var label: String
    var colour: String = Palette.bad
}
