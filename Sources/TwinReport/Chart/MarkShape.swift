/// The shape of a point mark. A dot plot tells its series apart by colour and shape
/// together, so a reader who cannot tell orange from red (or prints in grey) still can.
enum MarkShape: CaseIterable {
    case circle, square, triangle, diamond, triangleDown, cross

    /// The shape of the `index`-th series (cycling).
    static func series(_ index: Int) -> MarkShape {
        let all = allCases
        return all[((index % all.count) + all.count) % all.count]
    }

    /// The mark centred on (`x`, `y`), about 8 px across, with a white outline so marks
    /// that meet stay distinct.
    func draw(_ x: Double, _ y: Double, colour: String, tooltip: String? = nil, on canvas: inout SVGCanvas) {
        let r = 4.0
        func polygon(_ points: [(Double, Double)]) -> String {
            points.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + "\(SVGCanvas.px(x + point.0)) \(SVGCanvas.px(y + point.1))"
            }.joined(separator: " ") + " Z"
        }
        switch self {
        case .circle:
            canvas.circle(x, y, r, fill: colour, stroke: "#ffffff", strokeWidth: 0.8, tooltip: tooltip)
        case .square:
            canvas.path(polygon([(-3.5, -3.5), (3.5, -3.5), (3.5, 3.5), (-3.5, 3.5)]), fill: colour, stroke: "#ffffff", width: 0.8,
                        tooltip: tooltip)
        case .triangle:
            canvas.path(polygon([(0, -r - 0.5), (r, r - 0.8), (-r, r - 0.8)]), fill: colour, stroke: "#ffffff", width: 0.8, tooltip: tooltip)
        case .diamond:
            canvas.path(polygon([(0, -r - 0.5), (r + 0.5, 0), (0, r + 0.5), (-r - 0.5, 0)]), fill: colour, stroke: "#ffffff", width: 0.8,
                        tooltip: tooltip)
        case .triangleDown:
            canvas.path(polygon([(0, r + 0.5), (r, -r + 0.8), (-r, -r + 0.8)]), fill: colour, stroke: "#ffffff", width: 0.8,
                        tooltip: tooltip)
        case .cross:
            let a = 1.4, b = 4.0
            canvas.path(polygon([(-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b), (-a, b), (-a, a), (-b, a), (-b, -a), (-a, -a)]),
                        fill: colour, stroke: "#ffffff", width: 0.8, tooltip: tooltip)
        }
    }
}
