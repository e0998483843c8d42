/// Places text labels next to points without overlapping each other or the points:
/// each label tries a fixed list of spots around its point (right, left, above, below,
/// then further out) and takes the first one that is free and inside the canvas, else
/// the one that overlaps least. Greedy and in input order, so the same points give the
/// same layout. Enough for the dozen devices of a body area network.
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

    let bounds: Box
    private(set) var taken: [Box] = []

    init(width: Double, height: Double) {
        bounds = Box(x: 0, y: 0, width: width, height: height)
    }

    /// Marks an area (a node, the legend) as not to be covered.
    mutating func reserve(_ box: Box) { taken.append(box) }

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
        var best = candidates[0]
        var bestCost = Double.infinity
        for candidate in candidates {
            let box = candidate.0
            let outside = box.x < bounds.x || box.y < bounds.y || box.x + box.width > bounds.width
                || box.y + box.height > bounds.height
            let cost = taken.reduce(0) { $0 + $1.overlap(box) } + (outside ? 1e6 : 0)
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
