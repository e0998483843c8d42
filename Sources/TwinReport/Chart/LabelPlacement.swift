
/// Places text labels next to points without overlapping each other, the points or the
/// lines between them: each label tries a fixed list of spots around its point (right,
/// left, then higher and lower, then above and below) and takes the first one that is
/// free and inside the canvas, else the one that covers least (a line crossed counts
/// as a strip of its length, so a label hides a link only where nothing better is
/// left). Greedy and in input order, so the same points give the same layout. Enough
/// for the dozen devices of a body area network.
struct LabelPlacement {
    struct Box {
        var x: Double, y: Double, width: Double, height: Double

        func overlap(_ other: Box) -> Double {
            let w = min(x + width, other.x + other.width) - max(x, other.x)
            let h = min(y + height, other.y + other.height) - max(y, other.y)
            return w > 0 && h > 0 ? w * h : 0
        }
    }

    /// Where a label went: the text's anchor point and alignment.
    struct Spot {
        var x: Double
        var y: Double
        var anchor: SVGCanvas.Anchor
    }

    struct Segment {
        var x1: Double, y1: Double, x2: Double, y2: Double

        /// How much of the segment lies inside `box` (Liang–Barsky clipping), in pixels.
        func length(inside box: Box) -> Double {
            let dx = x2 - x1, dy = y2 - y1
            var t0 = 0.0, t1 = 1.0
            for (p, q) in [(-dx, x1 - box.x), (dx, box.x + box.width - x1), (-dy, y1 - box.y), (dy, box.y + box.height - y1)] {
                if p == 0 {
                    if q < 0 { return 0 }
                } else {
                    let t = q / p
                    if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                }
            }
            return t1 > t0 ? (t1 - t0) * (dx * dx + dy * dy).squareRoot() : 0
        }
    }

    let bounds: Box
    private(set) var taken: [Box] = []
    private(set) var lines: [Segment] = []

    init(width: Double, height: Double) {
        bounds = Box(x: 0, y: 0, width: width, height: height)
    }

    /// Marks an area (a node, the legend) as not to be covered.
    mutating func reserve(_ box: Box) { taken.append(box) }

    /// Marks a line (a link) as not to be covered where it can be helped.
    mutating func reserve(_ segment: Segment) { lines.append(segment) }

    /// What covering `box` costs: the area of labels and nodes under it, a line under it
    /// as a strip 6 px wide, and a prohibitive amount for leaving the canvas.
    private func cost(_ box: Box) -> Double {
        let outside = box.x < bounds.x || box.y < bounds.y || box.x + box.width > bounds.width
            || box.y + box.height > bounds.height
        return taken.reduce(0) { $0 + $1.overlap(box) } + lines.reduce(0) { $0 + 6 * $1.length(inside: box) }
            + (outside ? 1e6 : 0)
    }

    /// Places a `width`×`height` label near the point (`x`, `y`) kept clear by `gap`.
    /// The returned spot is the top-left-relative text anchor: `y` is the first line's
    /// baseline (text of `height` drawn downward from `y - height * 0.35`).
    mutating func place(nearX x: Double, y: Double, width: Double, height: Double, gap: Double = 10,
                        preferRight: Bool = true) -> Spot {
        let half = height / 2
        var candidates: [(Box, Spot)] = []
        let sides: [Bool] = preferRight ? [true, false] : [false, true]
        for lift in [0.0, -1, 1, -2, 2, -3, 3] {
            for right in sides {
                let top = y - half + lift * (height * 0.6)
                let left = right ? x + gap : x - gap - width
                candidates.append((Box(x: left, y: top, width: width, height: height),
                                   Spot(x: right ? left : left + width, y: top, anchor: right ? .start : .end)))
            }
        }
        // Centred above and below the point, where the lines beside it leave room.
        for top in [y - gap - height, y + gap] {
            candidates.append((Box(x: x - width / 2, y: top, width: width, height: height), Spot(x: x, y: top, anchor: .middle)))
        }
        var best = candidates[0]
        var bestCost = Double.infinity
        for candidate in candidates {
            let cost = cost(candidate.0)
            if cost == 0 {
                best = candidate
                bestCost = 0
                break
            }
            if cost < bestCost {
                best = candidate
                bestCost = cost
            }
        }
        taken.append(best.0)
        return best.1
    }
}
