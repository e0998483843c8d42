/// One point of a scatter figure, in SI units (a ratio 0…1, seconds), as the results
/// JSON holds them; the axis chooses the display unit.
public struct ScatterPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var xInterval: ClosedRange<Double>?
    public var yInterval: ClosedRange<Double>?
    /// Drawn in the highlight colour and joined (a Pareto-optimal point).
    public var highlighted: Bool
    public var tooltip: String

    public init(x: Double, y: Double, xInterval: ClosedRange<Double>? = nil, yInterval: ClosedRange<Double>? = nil,
                highlighted: Bool = false, tooltip: String) {
        self.x = x
        self.y = y
        self.xInterval = xInterval
        self.yInterval = yInterval
        self.highlighted = highlighted
        self.tooltip = tooltip
    }
}

/// What an axis of a scatter figure measures: its label and the dimension of its SI
/// values (`ratio`, `time`, `power-level`, or anything else for plain numbers), which
/// picks the unit shown (%, d/h/min/s/ms, dBm).
public struct ScatterAxis: Sendable, Hashable {
    public var label: String
    public var dimension: String

    public init(label: String, dimension: String) {
        self.label = label
        self.dimension = dimension
    }

    func spec(maximum: Double) -> AxisSpec {
        switch dimension {
        case "ratio": AxisSpec(label: label, unit: .percent, limits: 0...100)
        case "time": AxisSpec(label: label, unit: .time(maximum: maximum), limits: 0...Double.greatestFiniteMagnitude)
        case "power-level": AxisSpec(label: label, unit: .dBm)
        default: AxisSpec(label: label, unit: .none)
        }
    }
}

/// A scatter figure: `joinFront` draws the highlighted points as a Pareto front.
public struct ScatterFigure: Sendable, Hashable {
    public var id: String
    public var title: String
    public var x: ScatterAxis
    public var y: ScatterAxis
    public var points: [ScatterPoint]
    public var joinFront: Bool

    public init(id: String, title: String, x: ScatterAxis, y: ScatterAxis, points: [ScatterPoint], joinFront: Bool) {
        self.id = id
        self.title = title
        self.x = x
        self.y = y
        self.points = points
        self.joinFront = joinFront
    }
}

/// A self-contained HTML page of scatter figures in the run report's style (its style
/// sheet, frame, scales and palette): the page `twinc sweep collect --html` writes.
/// Deterministic: the same figures give the same bytes.
public enum ScatterPage {
    /// `sections` are (heading, paragraph, figures); `table` is a header row and rows of
    /// plain text cells shown after the figures.
    public static func render(title: String, subtitle: String, sections: [(heading: String, text: String, figures: [ScatterFigure])],
                              table: (header: [String], rows: [[String]])?) -> String {
        var body = "<header><div class=\"inner\"><h1>\(HTMLText.escape(title))</h1>"
            + "<p class=\"sub\">\(HTMLText.escape(subtitle))</p></div></header>\n"
        for section in sections {
            body += "<section>\n<h2>\(HTMLText.escape(section.heading))</h2>\n"
            if !section.text.isEmpty { body += "<p>\(HTMLText.escape(section.text))</p>\n" }
            body += "<div class=\"figures\">\n"
            for figure in section.figures { body += "<figure>\n" + chart(figure).svg() + "</figure>\n" }
            body += "</div>\n</section>\n"
        }
        if let table {
            body += "<section>\n<h2>Points</h2>\n<table>\n<tr>"
                + table.header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows {
                body += "<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table>\n</section>\n"
        }
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="twinc sweep collect">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(PageStyle.css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func chart(_ figure: ScatterFigure) -> ScatterChart {
        let maxX = figure.points.map { abs($0.x) }.max() ?? 1
        let maxY = figure.points.map { abs($0.y) }.max() ?? 1
        return ScatterChart(plot: figure.id, title: figure.title, x: figure.x.spec(maximum: maxX),
                            y: figure.y.spec(maximum: maxY), points: figure.points, joinHighlighted: figure.joinFront)
    }
}
