/// The parts every x–y chart shares: the plot rectangle, grid lines and ticks at nice
/// numbers, axis titles with units, the legend beside the plot and the message drawn
/// when there is nothing to plot (a chart is never silently missing).
struct ChartFrame {
    /// The plot area in pixels.
    let left: Double, top: Double, right: Double, bottom: Double

    static let tickFont = 11.0
    static let legendFont = 12.0
    /// The width of a chart in a `figure.wide` (the page's full column): two half
    /// figures and the gap between them, so a wide chart is drawn at the same scale as
    /// the half-width ones and its text is the same size on screen.
    static let wideWidth = 1244.0

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
    /// dashed swatch. A name too long for the legend column is shortened with an
    /// ellipsis (the column is sized by `legendWidth`, so that takes a name of 30-odd
    /// characters).
    func drawLegend(_ items: [LegendItem], on canvas: inout SVGCanvas) {
        guard !items.isEmpty else { return }
        let x0 = right + 14
        let rowHeight = 16.0
        let maxRows = Int((bottom - top) / rowHeight)
        let room = canvas.width - x0 - 21 - 4
        for (index, item) in items.prefix(max(maxRows, 1)).enumerated() {
            let py = top + 6 + Double(index) * rowHeight
            item.drawSwatch(x: x0, y: py, on: &canvas)
            canvas.text(x0 + 21, py + 4, Self.shortened(item.name, toWidth: room, size: Self.legendFont), size: Self.legendFont)
        }
        if items.count > maxRows, maxRows > 0 {
            canvas.text(x0, top + 6 + Double(maxRows) * rowHeight, "+\(items.count - maxRows) more", size: Self.tickFont, fill: Palette.muted)
        }
    }

    /// `items` in lines of at most `width` pixels, for a legend above a wide chart
    /// where every name is written whole.
    static func horizontalLegendLines(_ items: [LegendItem], width: Double) -> [[(item: LegendItem, x: Double)]] {
        var lines: [[(item: LegendItem, x: Double)]] = []
        var x = 0.0
        for item in items {
            let itemWidth = 21 + TextWidth.estimate(item.name, size: legendFont) + 18
            if lines.isEmpty || (x + itemWidth > width && !(lines.last?.isEmpty ?? true)) {
                lines.append([])
                x = 0
            }
            lines[lines.count - 1].append((item, x))
            x += itemWidth
        }
        return lines
    }

    /// The lines of a horizontal legend from (`x`, `y`), 18 px apart.
    static func drawHorizontalLegend(_ lines: [[(item: LegendItem, x: Double)]], x: Double, y: Double, on canvas: inout SVGCanvas) {
        for (index, line) in lines.enumerated() {
            let py = y + Double(index) * 18
            for entry in line {
                entry.item.drawSwatch(x: x + entry.x, y: py, on: &canvas)
                canvas.text(x + entry.x + 21, py + 4, entry.item.name, size: legendFont)
            }
        }
    }

    /// The width of a legend column that holds every name of `items` whole (up to a
    /// limit, so the plot keeps most of the canvas); `empty` when there is no legend.
    static func legendWidth(_ items: [LegendItem], empty: Double = 0) -> Double {
        guard let widest = items.map({ TextWidth.estimate($0.name, size: legendFont) }).max() else { return empty }
        return min(max(widest + 21 + 14 + 4, 90), 250)
    }

    /// The "nothing to plot" message in the middle of the plot area.
    func drawEmpty(_ message: String, on canvas: inout SVGCanvas) {
        canvas.rect(left, top, right - left, bottom - top, fill: "#fafafa", stroke: Palette.grid)
        canvas.text((left + right) / 2, (top + bottom) / 2, message, size: 12, anchor: .middle, fill: Palette.muted)
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// `text` cut with an ellipsis to fit `width` pixels at `size`.
    static func shortened(_ text: String, toWidth width: Double, size: Double) -> String {
        guard TextWidth.estimate(text, size: size) > width else { return text }
        var kept = text
        while !kept.isEmpty && TextWidth.estimate(kept + "…", size: size) > width { kept.removeLast() }
        return kept + "…"
    }
}

/// One legend row.
struct LegendItem {
    var name: String
    var colour: String
    var dashed: Bool = false
    /// A filled square (bars) rather than a line (series).
    var isBlock: Bool = false
    /// A point mark (dot plots) rather than a line or a square.
    var mark: MarkShape? = nil

    /// The swatch at (`x`, `y`) (its left edge and vertical middle), 16 px wide at most.
    func drawSwatch(x: Double, y: Double, on canvas: inout SVGCanvas) {
        if let mark {
            mark.draw(x + 7, y, colour: colour, on: &canvas)
        } else if isBlock {
            canvas.rect(x, y - 5, 14, 10, fill: colour)
        } else {
            canvas.line(x, y, x + 16, y, stroke: colour, width: 2.5, dash: dashed ? "5 3" : nil)
        }
    }
}
