import TwinDiagnostics
import TwinSpec
import TwinUnits
import TwinYAML

/// Reads a sweep document by hand against `SweepShapes` (never `Codable`), so every
/// problem points at its key or value: unknown keys with a did-you-mean note, values of
/// the wrong type, contradictory design keys. Collects every error of the document; the
/// checks against the twins (knob names, values, goals) are the plan's (`planSweep`).
public enum SweepReader {
    public static func read(text: String, file: String) -> (SweepDocument?, [Diagnostic]) {
        let parsed = parseYAML(text: text, file: file)
        guard let yaml = parsed.document, !parsed.diagnostics.hasErrors else { return (nil, parsed.diagnostics) }
        guard let root = yaml.root, root.mapping != nil else {
            return (nil, parsed.diagnostics + [.error(
                SweepDiagnostics.notASweep, "a sweep document is a mapping starting with `twin: 1` and `kind: sweep`",
                at: yaml.root?.range ?? .file(file))])
        }
        var r = MappingReader(root, shape: SweepShapes.document)
        _ = r.integer("twin")
        _ = r.enumeration("kind", as: SweepKind.self)
        let name = r.identifier("name")
        _ = r.text("description")
        let intents = r.texts("intents")
        let twins = r.texts("twins")
        let knobs = r.objects("knobs", knobAxis)
        let design = self.design(&r)
        let seeds = integers(&r, "seeds").map { $0.map { UInt64($0) } }
        let replications = r.integer("replications")?.value ?? 5
        let horizon = r.measure("horizon", as: Time.self)?.value
        let warmup = r.measure("warmup", as: Time.self)?.value
        let scenarios = r.identifiers("scenarios")
        let collect = r.identifiers("collect")
        let pareto = r.identifiers("pareto")
        checkUnique(seeds.map { $0.map(String.init) }, what: "seed", into: &r)
        checkUnique(knobs.map(\.knob), what: "knob", into: &r)
        var diagnostics = parsed.diagnostics + r.finishedDiagnostics()
        guard let name, let design, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let document = SweepDocument(
            file: file, name: name, intents: intents, twins: twins, knobs: knobs, design: design,
            seeds: seeds.isEmpty ? [Located(1, at: name.range)] : seeds, replications: replications, horizon: horizon,
            warmup: warmup, scenarios: scenarios, collect: collect, pareto: pareto)
        diagnostics.removeAll { $0.severity == .note }
        return (document, diagnostics)
    }

    private enum SweepKind: String { case sweep }

    private static func knobAxis(_ r: inout MappingReader) -> KnobAxis? {
        let knob = r.text("knob")
        let values = numbers(&r, "values")
        let from = r.number("from")
        let to = r.number("to")
        if r.has("values"), let range = r.keyRange(r.has("from") ? "from" : "to"), from != nil || to != nil {
            r.report(.error(SweepDiagnostics.inconsistentDesign, "a knob takes `values` or `from`/`to`, not both", at: range))
        }
        if let from, let to, from.value > to.value {
            r.report(.error(SweepDiagnostics.inconsistentDesign,
                            "`from` (\(formatKnobValue(from.value))) exceeds `to` (\(formatKnobValue(to.value)))", at: from.range,
                            notes: [DiagnosticNote("`to` is here", at: to.range)]))
        }
        guard let knob else { return nil }
        let choice: KnobChoice = !values.isEmpty ? .values(values) : (from != nil || to != nil ? .range(from: from, to: to) : .all)
        return KnobAxis(knob: knob, choice: choice, range: r.node.range)
    }

    private static func design(_ r: inout MappingReader) -> SweepDesign? {
        let kind = r.enumeration("design", as: DesignKind.self)
        let points = r.integer("points")
        let seed = r.integer("design-seed")
        switch kind?.value ?? .grid {
        case .grid:
            for key in ["points", "design-seed"] {
                guard let range = r.keyRange(key) else { continue }
                r.report(.error(SweepDiagnostics.inconsistentDesign, "`\(key)` applies to `design: latin-hypercube` only",
                                at: range, notes: [DiagnosticNote("a grid runs every combination of the knobs' values")]))
            }
            return .grid
        case .latinHypercube:
            guard let points else {
                r.report(.error(SweepDiagnostics.inconsistentDesign, "a `latin-hypercube` design needs `points`",
                                at: kind?.range ?? r.node.range, notes: [DiagnosticNote("e.g. `points: 20`")]))
                return nil
            }
            return .latinHypercube(points: points.value, seed: UInt64(seed?.value ?? 1))
        }
    }

    private enum DesignKind: String {
        case grid
        case latinHypercube = "latin-hypercube"
    }

    /// A list of plain numbers (YAML ints or floats), each with its place.
    private static func numbers(_ r: inout MappingReader, _ key: String) -> [Located<Double>] {
        guard let node = r.take(key) else { return [] }
        return elements(node, key, &r).compactMap { element in
            switch element.scalar?.value {
            case .int(let value)?: return Located(Double(value), at: element.range)
            case .float(let value)? where value.isFinite: return Located(value, at: element.range)
            default:
                r.report(.error(SpecDiagnostics.wrongType, "`\(key)` holds numbers, found `\(element.scalar?.text ?? element.kindDescription)`",
                                at: element.range))
                return nil
            }
        }
    }

    /// A list of non-negative integers, each with its place.
    private static func integers(_ r: inout MappingReader, _ key: String) -> [Located<Int>] {
        guard let node = r.take(key) else { return [] }
        return elements(node, key, &r).compactMap { element in
            if case .int(let value)? = element.scalar?.value, value >= 0 { return Located(value, at: element.range) }
            r.report(.error(SpecDiagnostics.wrongType,
                            "`\(key)` holds whole numbers 0 or more, found `\(element.scalar?.text ?? element.kindDescription)`",
                            at: element.range))
            return nil
        }
    }

    private static func elements(_ node: Node, _ key: String, _ r: inout MappingReader) -> [Node] {
        guard let elements = node.sequence else {
            r.report(.error(SpecDiagnostics.wrongType, "`\(key)` is a list, found \(node.kindDescription)", at: node.range))
            return []
        }
        if elements.isEmpty { r.report(.error(SpecDiagnostics.emptyList, "`\(key)` is empty", at: node.range)) }
        return elements
    }

    private static func checkUnique(_ values: [Located<String>], what: String, into r: inout MappingReader) {
        var seen: [String: SourceRange] = [:]
        for value in values {
            if let first = seen[value.value] {
                r.report(.error(SweepDiagnostics.inconsistentDesign, "\(what) `\(value.value)` is listed twice", at: value.range,
                                notes: [DiagnosticNote("first listed here", at: first)]))
            } else {
                seen[value.value] = value.range
            }
        }
    }
}
