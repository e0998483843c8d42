import TwinReport

/// `twinc sweep collect --html`: the Pareto front (the first two axes of the front)
/// and each collected KPI against each swept knob, drawn with the run report's charts,
/// then the table of points.
extension SweepCollection {
    public func html() -> String {
        var sections: [(heading: String, text: String, figures: [ScatterFigure])] = []
        if plan.pareto.count >= 2 {
            let x = plan.pareto[0], y = plan.pareto[1]
            let points = self.points.compactMap { point -> ScatterPoint? in
                guard let gx = point.goals.first(where: { $0.goal == x.goal }), let gy = point.goals.first(where: { $0.goal == y.goal }),
                      let vx = gx.estimate, let vy = gy.estimate else { return nil }
                return ScatterPoint(x: vx, y: vy, xInterval: interval(gx), yInterval: interval(gy), highlighted: point.onFront,
                                    tooltip: tooltip(point))
            }
            let front = self.points.filter(\.onFront).count
            sections.append((
                "Pareto front",
                "\(front) of \(self.points.count) points are not dominated on \(plan.pareto.map { "\($0.goal) (\($0.maximise ? "higher" : "lower") is better)" }.joined(separator: ", ")). Whiskers are 95 % intervals.",
                [ScatterFigure(id: "pareto", title: "\(x.goal) against \(y.goal)", x: axis(x.goal), y: axis(y.goal), points: points,
                               joinFront: true)]))
        }
        var perKnob: [ScatterFigure] = []
        for knob in plan.knobs {
            for goal in plan.collect {
                let points = self.points.compactMap { point -> ScatterPoint? in
                    guard let setting = point.knobs.first(where: { $0.knob == knob }),
                          let collected = point.goals.first(where: { $0.goal == goal }), let value = collected.estimate else { return nil }
                    return ScatterPoint(x: setting.value, y: value, yInterval: interval(collected), highlighted: point.onFront,
                                        tooltip: tooltip(point))
                }
                guard !points.isEmpty else { continue }
                perKnob.append(ScatterFigure(id: "\(goal)-vs-\(knob)", title: "\(goal) against \(knob)",
                                             x: ScatterAxis(label: knob, dimension: ""), y: axis(goal), points: points, joinFront: false))
            }
        }
        if !perKnob.isEmpty { sections.append(("KPIs against knobs", "Each point's estimate at each knob value; whiskers are 95 % intervals.", perKnob)) }
        var header = ["point", "twin"] + plan.knobs
        header += plan.collect.flatMap { [$0, "\($0) verdict"] }
        header.append("Pareto")
        let rows = points.map { point -> [String] in
            var row = [String(point.point), point.twin]
            row += plan.knobs.map { knob in point.knobs.first { $0.knob == knob }.map { formatKnobValue($0.value) } ?? "" }
            row += point.goals.flatMap { goal in [goal.estimate.map { display($0, goal.dimension) } ?? "—", goal.verdict] }
            row.append(point.onFront ? "yes" : "")
            return row
        }
        var subtitle = "Plan \(plan.id): \(plan.shards.count) shards, \(points.count) points"
        if !failures.isEmpty { subtitle += "; \(failures.count) failed (\(failures.map { "shard \($0.index)" }.joined(separator: ", ")))" }
        if !missing.isEmpty { subtitle += "; \(missing.count) not run" }
        return ScatterPage.render(title: "Sweep \(plan.name)", subtitle: subtitle, sections: sections, table: (header, rows))
    }

    private func axis(_ goal: String) -> ScatterAxis {
        ScatterAxis(label: goal, dimension: points.lazy.compactMap { $0.goals.first { $0.goal == goal }?.dimension }.first ?? "")
    }

    private func interval(_ goal: PointGoal) -> ClosedRange<Double>? {
        guard let lower = goal.lower, let upper = goal.upper, lower <= upper else { return nil }
        return lower...upper
    }

    private func tooltip(_ point: CollectedPoint) -> String {
        "point \(point.point): " + point.knobs.map { "\($0.knob) = \(formatKnobValue($0.value))" }.joined(separator: ", ")
    }

    private func display(_ value: Double, _ dimension: String) -> String {
        switch dimension {
        case "ratio": String(format: "%.3f %%", value * 100)
        case "time" where value >= 2 * 86_400: String(format: "%.1f d", value / 86_400)
        case "time" where value < 1: String(format: "%.1f ms", value * 1000)
        case "time": String(format: "%.2f s", value)
        default: String(format: "%g", value)
        }
    }
}
