/// An SVG drawing being built: fixed-precision coordinates (0.1 px) so the same data
/// gives the same bytes, every text escaped. Charts draw on it in pixels; the finished
/// element carries `<title>` (what a screen reader and a hover show) and the
/// `data-plot` id tests and readers use to find a plot.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body: String = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func px(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil, opacity: Double? = nil) {
        var attributes = "x1=\"\(Self.px(x1))\" y1=\"\(Self.px(y1))\" x2=\"\(Self.px(x2))\" y2=\"\(Self.px(y2))\""
        attributes += " stroke=\"\(stroke)\" stroke-width=\"\(Self.px(width))\""
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        if let opacity { attributes += " stroke-opacity=\"\(NumberText.fixed(opacity, decimals: 2))\"" }
        body += "<line \(attributes)/>\n"
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                       stroke: String? = nil, radius: Double = 0, opacity: Double? = nil, tooltip: String? = nil) {
        var attributes = "x=\"\(Self.px(x))\" y=\"\(Self.px(y))\" width=\"\(Self.px(max(w, 0)))\" height=\"\(Self.px(max(h, 0)))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        if let opacity { attributes += " fill-opacity=\"\(NumberText.fixed(opacity, decimals: 2))\"" }
        if radius > 0 { attributes += " rx=\"\(Self.px(radius))\"" }
        element("rect", attributes, tooltip: tooltip)
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, fill: String, stroke: String? = nil,
                         strokeWidth: Double = 1, tooltip: String? = nil) {
        var attributes = "cx=\"\(Self.px(cx))\" cy=\"\(Self.px(cy))\" r=\"\(Self.px(r))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(Self.px(strokeWidth))\"" }
        element("circle", attributes, tooltip: tooltip)
    }

    /// A polyline through `points`; a nil point breaks the line (a missing sample).
    mutating func polyline(_ points: [(Double, Double)?], stroke: String, width: Double = 1.5, dash: String? = nil) {
        var runs: [[(Double, Double)]] = [[]]
        for point in points {
            if let point { runs[runs.count - 1].append(point) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        for run in runs where !run.isEmpty {
            if run.count == 1 {
                circle(run[0].0, run[0].1, width + 0.5, fill: stroke)
                continue
            }
            let coordinates = run.map { "\(Self.px($0.0)),\(Self.px($0.1))" }.joined(separator: " ")
            var attributes = "points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.px(width))\" stroke-linejoin=\"round\""
            if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
            body += "<polyline \(attributes)/>\n"
        }
    }

    /// A raw path (`d` in pixels, built with `px`).
    mutating func path(_ d: String, fill: String, stroke: String? = nil, width: Double = 1, extra: String = "",
                       tooltip: String? = nil) {
        var attributes = "d=\"\(d)\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(Self.px(width))\"" }
        if !extra.isEmpty { attributes += " " + extra }
        element("path", attributes, tooltip: tooltip)
    }

    enum Anchor: String { case start, middle, end }

    /// Text from anywhere (escaped here). `rotate` turns it about its anchor point.
    /// `halo` outlines the glyphs in white so a label stays legible over lines.
    mutating func text(_ x: Double, _ y: Double, _ content: String, size: Double = 11, anchor: Anchor = .start,
                       fill: String = Palette.ink, weight: String? = nil, rotate: Double? = nil, halo: Bool = false) {
        var attributes = "x=\"\(Self.px(x))\" y=\"\(Self.px(y))\" font-size=\"\(Self.px(size))\""
        if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"" }
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if fill != Palette.ink { attributes += " fill=\"\(fill)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.px(rotate)) \(Self.px(x)) \(Self.px(y)))\"" }
        body += "<text \(attributes)>\(HTMLText.escape(content))</text>\n"
    }

    private mutating func element(_ name: String, _ attributes: String, tooltip: String?) {
        if let tooltip {
            body += "<\(name) \(attributes)><title>\(HTMLText.escape(tooltip))</title></\(name)>\n"
        } else {
            body += "<\(name) \(attributes)/>\n"
        }
    }

    /// The finished `<svg>`: scales to its container's width, keeps its aspect ratio.
    func svg(plot: String, title: String, description: String? = nil) -> String {
        var out = "<svg class=\"plot\" data-plot=\"\(HTMLText.escape(plot))\""
        out += " viewBox=\"0 0 \(Self.px(width)) \(Self.px(height))\" role=\"img\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n"
        if let description { out += "<desc>\(HTMLText.escape(description))</desc>\n" }
        out += body
        out += "</svg>\n"
        return out
    }
}
