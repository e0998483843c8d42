/// A vertical mark on the x axis (a fault's start, a goal's bound).
struct ChartMarker {
    var at: Double
    var label: String
    var colour: String = Palette.bad
}

/// The labels of a chart's markers, above the plot and clear of each other: each label
/// starts at its line (ends there in the plot's right half, so it stays inside the
/// canvas) in the lowest row where it covers no other label and no other marker's
/// line. Two lifetime goals of 20 d and 30 d on a log axis sit a few pixels apart; one
/// row would overprint their labels, so the second goes a row up and the plot's top
/// margin grows to hold it.
struct MarkerLabels {
    struct Placed {
        var marker: ChartMarker
        /// The marker line's x and the label's anchor point.
        var lineX: Double
        var textX: Double
        var anchor: SVGCanvas.Anchor
        /// 0 is the row just above the plot.
        var row: Int
    }

    static let font = 10.5
    static let rowHeight = 13.0
    private static let gap = 6.0

    let placed: [Placed]

    /// Lays out `markers` (each with its line's x in pixels) for a canvas `width` wide
    /// whose plot spans `plotLeft…plotRight`. A label runs away from the plot's middle,
    /// so the markers are placed from the middle outwards (the left half right to left,
    /// then the right half left to right): a label then never lies across the line of
    /// a marker placed after it in a higher row. The same markers give the same layout.
    init(_ markers: [(marker: ChartMarker, x: Double)], plotLeft: Double, plotRight: Double, width: Double) {
        var placed: [Placed] = []
        var boxes: [(row: Int, low: Double, high: Double)] = []
        let middle = (plotLeft + plotRight) / 2
        let indexed = markers.enumerated().map { (index: $0.offset, item: $0.element) }
        let ordered = indexed.filter { $0.item.x < middle }.sorted { ($0.item.x, $1.index) > ($1.item.x, $0.index) }
            + indexed.filter { $0.item.x >= middle }.sorted { ($0.item.x, $0.index) < ($1.item.x, $1.index) }
        for (_, item) in ordered {
            let textWidth = TextWidth.estimate(item.marker.label, size: Self.font)
            let preferStart = item.x < middle
            var choice: (row: Int, anchor: SVGCanvas.Anchor, low: Double, high: Double)?
            var row = 0
            // Past a few rows a crossed line is the lesser evil than a tall margin.
            let rowsTried = 6
            while choice == nil {
                for start in preferStart ? [true, false] : [false, true] {
                    // The label's box, kept inside the canvas.
                    var low = start ? item.x - 2 : item.x + 2 - textWidth
                    low = min(max(low, 2), width - 2 - textWidth)
                    let high = low + textWidth
                    let clearOfLabels = !boxes.contains { $0.row == row && $0.low < high + Self.gap && low < $0.high + Self.gap }
                    // A line of a higher row runs down through this row; this line runs
                    // down through the rows below.
                    let clearOfLines = row >= rowsTried
                        || (!placed.contains { $0.row > row && $0.lineX > low - 2 && $0.lineX < high + 2 }
                            && !boxes.contains { $0.row < row && item.x > $0.low - 2 && item.x < $0.high + 2 })
                    if clearOfLabels && clearOfLines {
                        choice = (row, start ? .start : .end, low, high)
                        break
                    }
                }
                row += 1
            }
            guard let choice else { continue }
            boxes.append((choice.row, choice.low, choice.high))
            placed.append(Placed(marker: item.marker, lineX: item.x, textX: choice.anchor == .start ? choice.low : choice.high,
                                 anchor: choice.anchor, row: choice.row))
        }
        self.placed = placed
    }

    var rows: Int { (placed.map(\.row).max() ?? -1) + 1 }

    /// The top margin a chart needs above its plot for these labels.
    var topMargin: Double { rows == 0 ? 14 : 17 + Double(rows) * Self.rowHeight }

    /// Each marker's dashed line from its label down through the plot, and the label.
    func draw(in frame: ChartFrame, on canvas: inout SVGCanvas) {
        for item in placed {
            let baseline = frame.top - 7 - Double(item.row) * Self.rowHeight
            canvas.line(item.lineX, baseline + 3, item.lineX, frame.bottom, stroke: item.marker.colour, width: 1.5, dash: "4 3")
            canvas.text(item.textX, baseline, item.marker.label, size: Self.font, anchor: item.anchor, fill: item.marker.colour)
        }
    }
}
