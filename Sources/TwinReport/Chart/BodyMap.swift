
/// The network drawn on the wearer: a front silhouette of a standing adult 1.75 m tall
/// (the body the runtime's geometry uses: shoulders at 0.818 H, hips at 0.530 H, wrists
/// at 0.485 H, after Winter 2009 Fig. 4.1), each device at its `x_m, y_m`, gateways on
/// or beside the body, and a line per device → gateway link coloured by its packet
/// delivery ratio; each device is labelled with its link's RSSI and PDR. Backup links
/// are dashed.
///
/// The view is from the front, so the wearer's left (`x > 0`) is on the viewer's right.
/// Off-body gateways further than `maximumDrawnDistance` from the centre line are drawn
/// at that distance with their real one in the label, so a hub 3 m away does not shrink
/// the body to a few pixels.
struct BodyMap {
    struct Device {
        var id: String
        var x: Double
        var y: Double
        var inBody: Bool
        var detail: String
    }

    struct Gateway {
        var id: String
        var kind: String
        var x: Double
        var y: Double
        var onBody: Bool
    }

    struct Link {
        var device: String
        var gateway: String
        var backup: Bool
        var pdr: Double?
        var rssi: Double?
    }

    var plot: String
    var title: String
    var devices: [Device]
    var gateways: [Gateway]
    var links: [Link]

    static let maximumDrawnDistance = 0.75
    private static let height = 1.75
    private let width = 560.0
    private let canvasHeight = 560.0

    func svg() -> String {
        var canvas = SVGCanvas(width: width, height: canvasHeight)
        let drawnGateways = gateways.map { gateway -> (Gateway, clamped: Bool) in
            var drawn = gateway
            let limit = Self.maximumDrawnDistance
            let clamped = abs(gateway.x) > limit
            if clamped { drawn.x = gateway.x < 0 ? -limit : limit }
            return (drawn, clamped)
        }
        let xs = devices.map(\.x) + drawnGateways.map(\.0.x)
        let halfWidth = max(0.55, (xs.map(abs).max() ?? 0) + 0.35)
        // Metres → pixels, same scale both ways; the legend takes the bottom 50 px.
        let scale = min((width - 20) / (2 * halfWidth), (canvasHeight - 90) / 1.85)
        let originX = width / 2
        let originY = canvasHeight - 70.0
        let px = { (x: Double) in originX + x * scale }
        let py = { (y: Double) in originY - y * scale }

        drawSilhouette(on: &canvas, px: px, py: py, scale: scale)
        canvas.line(px(-halfWidth + 0.05), py(0), px(halfWidth - 0.05), py(0), stroke: Palette.grid)

        let devices = Self.spread(self.devices, apart: 16 / scale)
        let devicePositions = Dictionary(devices.map { ($0.id, ($0.x, $0.y)) }, uniquingKeysWith: { a, _ in a })
        let gatewayPositions = Dictionary(drawnGateways.map { ($0.0.id, ($0.0.x, $0.0.y)) }, uniquingKeysWith: { a, _ in a })
        // Nodes and links first (so labels avoid them), then gateway labels, then device labels.
        var labels = LabelPlacement(width: width, height: canvasHeight - 50)
        // Backup links under primary ones, so the live path is on top.
        for link in links.filter(\.backup) + links.filter({ !$0.backup }) {
            guard let from = devicePositions[link.device], let to = gatewayPositions[link.gateway] else { continue }
            let colour = link.backup && link.pdr == nil ? Palette.unknown : Palette.pdr(link.pdr)
            canvas.line(px(from.0), py(from.1), px(to.0), py(to.1), stroke: colour,
                        width: link.backup ? 1.2 : 3, dash: link.backup ? "4 3" : nil, opacity: link.backup ? 0.7 : 0.95)
            labels.reserve(LabelPlacement.Segment(x1: px(from.0), y1: py(from.1), x2: px(to.0), y2: py(to.1)))
        }
        for (gateway, _) in drawnGateways { labels.reserve(.init(x: px(gateway.x) - 10, y: py(gateway.y) - 10, width: 20, height: 20)) }
        for device in devices { labels.reserve(.init(x: px(device.x) - 8, y: py(device.y) - 8, width: 16, height: 16)) }
        for (gateway, clamped) in drawnGateways {
            let x = px(gateway.x), y = py(gateway.y)
            canvas.rect(x - 9, y - 9, 18, 18, fill: "#37474f", radius: 3, tooltip: "\(gateway.id) (\(gateway.kind))")
            let distance = gateways.first { $0.id == gateway.id }.map { abs($0.x) } ?? 0
            let label = clamped ? "\(gateway.id) (\(NumberText.fixed(distance, decimals: 2)) m)" : gateway.id
            let spot = labels.place(nearX: x, y: y, width: TextWidth.estimate(label, size: 11.5, bold: true), height: 15, gap: 12,
                                    preferRight: gateway.x < 0)
            canvas.text(spot.x, spot.y + 11.5, label, size: 11.5, anchor: spot.anchor, weight: "600", halo: true)
        }
        // Each device is labelled with its id and, below, its primary link's RSSI and PDR
        // in the link's colour, placed where it covers no other label or node.
        for device in devices {
            let x = px(device.x), y = py(device.y)
            canvas.circle(x, y, 7, fill: device.inBody ? "#7b1fa2" : "#1565c0", stroke: "#ffffff", strokeWidth: 2,
                          tooltip: "\(device.id): \(device.detail)")
            var detail = ""
            if let link = links.first(where: { $0.device == device.id && !$0.backup }) {
                var parts: [String] = []
                if let rssi = link.rssi { parts.append("\(NumberText.fixed(rssi, decimals: 1)) dBm") }
                if let pdr = link.pdr { parts.append(NumberText.percent(pdr, digits: 3)) }
                detail = parts.joined(separator: " · ")
            }
            let width = max(TextWidth.estimate(device.id, size: 12.5, bold: true), TextWidth.estimate(detail, size: 10.5, bold: true))
            let spot = labels.place(nearX: x, y: y, width: width, height: detail.isEmpty ? 16 : 29, preferRight: device.x >= -0.01)
            canvas.text(spot.x, spot.y + 12, device.id, size: 12.5, anchor: spot.anchor, weight: "600", halo: true)
            if !detail.isEmpty {
                let link = links.first { $0.device == device.id && !$0.backup }
                canvas.text(spot.x, spot.y + 25, detail, size: 10.5, anchor: spot.anchor, fill: Palette.pdr(link?.pdr),
                            weight: "600", halo: true)
            }
        }
        drawLegend(on: &canvas)
        return canvas.svg(plot: plot, title: title,
                          description: "Front view; the wearer's left is on the viewer's right. Lines: device to gateway, colour = frame delivery ratio; beside each device its link's RSSI and PDR.")
    }

    /// The devices with any that sit on (or within `apart` of) an earlier one moved
    /// sideways by `apart`, alternately right and left, so AR glasses and a VR headset
    /// both on the head are two dots with two links rather than one.
    static func spread(_ devices: [Device], apart: Double) -> [Device] {
        var placed: [Device] = []
        for device in devices {
            var moved = device
            var step = 0
            while step < 8, placed.contains(where: { abs($0.x - moved.x) < apart * 0.75 && abs($0.y - moved.y) < apart * 0.75 }) {
                step += 1
                moved.x = device.x + Double((step + 1) / 2) * apart * (step % 2 == 1 ? 1 : -1)
            }
            placed.append(moved)
        }
        return placed
    }

    /// Head, neck, torso, arms hanging and legs, as filled shapes in body proportions.
    private func drawSilhouette(on canvas: inout SVGCanvas, px: (Double) -> Double, py: (Double) -> Double, scale: Double) {
        let h = Self.height
        let fill = Palette.body, outline = Palette.bodyOutline
        canvas.circle(px(0), py(0.935 * h), 0.06 * h * scale, fill: fill, stroke: outline)
        func polygon(_ points: [(Double, Double)]) -> String {
            points.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + "\(SVGCanvas.px(px(point.0))) \(SVGCanvas.px(py(point.1)))"
            }.joined(separator: " ") + " Z"
        }
        let shoulder = 0.818 * h, hip = 0.530 * h, halfShoulder = 0.259 * h / 2, halfHip = 0.191 * h / 2
        // Neck and torso, narrowing to the waist.
        let torso = polygon([
            (-0.03 * h, 0.87 * h), (0.03 * h, 0.87 * h), (0.035 * h, shoulder + 0.01 * h), (halfShoulder, shoulder),
            (halfShoulder - 0.02 * h, 0.62 * h), (halfHip, hip), (halfHip, hip - 0.04 * h), (-halfHip, hip - 0.04 * h),
            (-halfHip, hip), (-(halfShoulder - 0.02 * h), 0.62 * h), (-halfShoulder, shoulder), (-0.035 * h, shoulder + 0.01 * h),
        ])
        canvas.path(torso, fill: fill, stroke: outline, width: 1)
        // Arms and legs as thick rounded strokes: shoulder → elbow → wrist → hand, hip → knee → ankle.
        for side in [-1.0, 1.0] {
            let arm = [(side * (halfShoulder - 0.005 * h), shoulder - 0.02 * h), (side * 0.15 * h, 0.63 * h),
                       (side * 0.14 * h, 0.485 * h), (side * 0.14 * h, 0.41 * h)]
            let leg = [(side * 0.06 * h, hip - 0.03 * h), (side * 0.065 * h, 0.285 * h), (side * 0.06 * h, 0.039 * h),
                       (side * 0.085 * h, 0.01 * h)]
            for (limb, thickness) in [(arm, 0.05 * h), (leg, 0.075 * h)] {
                let d = limb.enumerated().map { index, point in
                    (index == 0 ? "M" : "L") + "\(SVGCanvas.px(px(point.0))) \(SVGCanvas.px(py(point.1)))"
                }.joined(separator: " ")
                canvas.path(d, fill: "none", stroke: outline, width: thickness * scale + 2,
                            extra: "stroke-linecap=\"round\" stroke-linejoin=\"round\"")
                canvas.path(d, fill: "none", stroke: fill, width: thickness * scale,
                            extra: "stroke-linecap=\"round\" stroke-linejoin=\"round\"")
            }
        }
    }

    /// Link colour scale (80 → 100 % PDR), line styles and node kinds.
    private func drawLegend(on canvas: inout SVGCanvas) {
        let y = canvasHeight - 40
        let x0 = 16.0
        canvas.text(x0, y - 6, "Link PDR", size: 10.5, fill: Palette.muted)
        let steps = 20
        for step in 0..<steps {
            let ratio = Palette.pdrScaleLow + (1 - Palette.pdrScaleLow) * (Double(step) + 0.5) / Double(steps)
            canvas.rect(x0 + Double(step) * 6, y, 6, 10, fill: Palette.pdr(ratio))
        }
        canvas.text(x0, y + 22, "≤ 80 %", size: 9.5, fill: Palette.muted)
        canvas.text(x0 + 60, y + 22, "90 %", size: 9.5, anchor: .middle, fill: Palette.muted)
        canvas.text(x0 + 120, y + 22, "100 %", size: 9.5, anchor: .end, fill: Palette.muted)
        let x1 = 170.0, y2 = y + 20
        canvas.line(x1, y + 5, x1 + 22, y + 5, stroke: Palette.ink, width: 3)
        canvas.text(x1 + 27, y + 9, "primary link: RSSI · frame PDR", size: 10.5)
        canvas.line(x1 + 215, y + 5, x1 + 237, y + 5, stroke: Palette.unknown, width: 1.2, dash: "4 3")
        canvas.text(x1 + 242, y + 9, "backup link", size: 10.5)
        canvas.circle(x1 + 6, y2 + 5, 5.5, fill: "#1565c0")
        canvas.text(x1 + 16, y2 + 9, "on-body device", size: 10.5)
        canvas.circle(x1 + 111, y2 + 5, 5.5, fill: "#7b1fa2")
        canvas.text(x1 + 121, y2 + 9, "implant", size: 10.5)
        canvas.rect(x1 + 180, y2, 11, 11, fill: "#37474f", radius: 2)
        canvas.text(x1 + 196, y2 + 9, "gateway", size: 10.5)
    }
}
