import TwinDiagnostics
import TwinUnits
import TwinVocabulary
import TwinYAML

/// Reading quantities (`250 ms`) and thresholds (`p99 <= 250 ms`) from scalars, with
/// the `TU…` diagnostics: not a number, missing or unknown unit, wrong dimension.
enum QuantityReading {
    static func quantity(_ node: Node, dimension: Dimension, bounds: QuantityBounds, label: String,
                         into diagnostics: inout [Diagnostic]) -> Located<Quantity>? {
        guard let scalar = node.scalar else {
            diagnostics.append(.error(
                SpecDiagnostics.wrongType,
                "`\(label)` expects a \(dimension) such as `\(dimension.example)`, found \(node.kindDescription)",
                at: node.range))
            return nil
        }
        switch scalar.value {
        case .int, .float:
            diagnostics.append(missingUnit(scalar.text, dimension: dimension, label: label, at: node.range))
            return nil
        case .string(let text):
            switch Quantity.parse(text) {
            case .failure(let error):
                diagnostics.append(parseError(error, text: text, dimension: dimension, label: label, at: node.range))
                return nil
            case .success(let quantity):
                guard quantity.dimension == dimension else {
                    diagnostics.append(wrongDimension(
                        "`\(label)` expects a \(dimension), e.g. `\(dimension.example)`; found a \(quantity.dimension) (`\(text)`)",
                        written: text, found: quantity.dimension, expected: dimension, bounds: bounds, at: node.range))
                    return nil
                }
                guard bounds.contains(quantity.value) else {
                    diagnostics.append(.error(
                        SpecDiagnostics.outOfRange,
                        "`\(label)` must be \(describe(bounds, dimension)), found `\(text)`", at: node.range,
                        notes: bounds.reason.map { [DiagnosticNote($0)] } ?? []))
                    return nil
                }
                return Located(quantity, at: node.range)
            }
        case .null, .bool:
            diagnostics.append(.error(
                SpecDiagnostics.wrongType,
                "`\(label)` expects a \(dimension) such as `\(dimension.example)`, found \(node.kindDescription)",
                at: node.range))
            return nil
        }
    }

    /// A goal target. `dimension` is the KPI's (nil when the KPI itself was bad, in
    /// which case only the syntax is checked); `kpi` names it in messages.
    static func threshold(_ node: Node, dimension: Dimension?, kpi: String?, label: String,
                          into diagnostics: inout [Diagnostic]) -> Located<Threshold>? {
        guard let scalar = node.scalar, case .string(let text) = scalar.value else {
            diagnostics.append(.error(
                SpecDiagnostics.wrongType,
                "`\(label)` expects a condition such as `\"p99 <= 250 ms\"`, found \(node.kindDescription)",
                at: node.range))
            return nil
        }
        let defaultDimension: Dimension? = dimension == .count ? .count : nil
        let statisticText = text.prefix { !"<>=".contains($0) }
        if statisticText != statisticText.lowercased() {
            diagnostics.append(.error(
                SpecDiagnostics.badThreshold, "write the statistic of `\(label)` in lower case: `\(text)`",
                at: node.range, fix: FixIt("lower-case the statistic", range: node.range,
                                           replacement: statisticText.lowercased() + text.dropFirst(statisticText.count))))
            return nil
        }
        switch Threshold.parse(text, defaultDimension: defaultDimension) {
        case .failure(.missingOperator):
            diagnostics.append(.error(
                SpecDiagnostics.badThreshold, "`\(label)` has no comparison operator: `\(text)`", at: node.range,
                notes: [DiagnosticNote("write `[statistic] operator value`, e.g. `\">= 99.9 %\"` or `p99 <= 250 ms`; the operator is one of `<=`, `<`, `>=`, `>`, `==`")]))
            return nil
        case .failure(.badStatistic(let statistic)):
            diagnostics.append(.error(
                SpecDiagnostics.badThreshold, "unknown statistic `\(statistic)` in `\(label)`", at: node.range,
                notes: [DiagnosticNote("the statistic is `mean`, `max`, `min` or a percentile `pNN` with 0 < NN < 100, e.g. `p99`")]))
            return nil
        case .failure(.badQuantity(let error)):
            diagnostics.append(parseError(
                error, text: String(thresholdValueText(text) ?? Substring(text)),
                dimension: dimension ?? .time, label: label, at: node.range, inThreshold: true))
            return nil
        case .success(let threshold):
            if let dimension, threshold.bound.dimension != dimension {
                let kpiName = kpi.map { "a `\($0)` goal's" } ?? "the"
                var diagnostic = Diagnostic.error(
                    SpecDiagnostics.targetDoesNotFitKPI,
                    "\(kpiName) target must be a \(dimension == .count ? "number without a unit" : dimension.description), "
                        + "e.g. `\(exampleTarget(dimension))`; found a \(threshold.bound.dimension) (`\(text)`)",
                    at: node.range)
                if let valueText = thresholdValueText(text) {
                    let written = String(valueText)
                    let rewrites = UnitSuggestion.rewrites(of: written, as: dimension) {
                        boundsOfTarget(dimension)?.contains($0) ?? true
                    }
                    if let best = rewrites.first {
                        let prefix = text.dropLast(valueText.count)
                        diagnostic.notes.append(didYouMean(rewrites, written: written, found: threshold.bound.dimension))
                        diagnostic.fix = FixIt("use a \(dimension) unit", range: node.range, replacement: prefix + best)
                    }
                }
                diagnostics.append(diagnostic)
                return nil
            }
            if let range = boundsOfTarget(threshold.bound.dimension), !range.contains(threshold.bound.value) {
                diagnostics.append(.error(
                    SpecDiagnostics.outOfRange,
                    "`\(label)` must lie within \(describe(range, threshold.bound.dimension)), found `\(text)`",
                    at: node.range, notes: range.reason.map { [DiagnosticNote($0)] } ?? []))
                return nil
            }
            return Located(threshold, at: node.range)
        }
    }

    /// The part of a threshold text after its operator.
    private static func thresholdValueText(_ text: String) -> Substring? {
        for op in ["<=", ">=", "==", "<", ">"] {
            if let range = text.range(of: op) {
                return text[range.upperBound...].drop { $0 == " " }
            }
        }
        return nil
    }

    /// The declared range of a target of this dimension (`DeclaredRanges.target`):
    /// ratios in 0…100 %, CVSS scores in 0…10, times, energies and rates finite and
    /// far from anything the runtime cannot represent.
    private static func boundsOfTarget(_ dimension: Dimension) -> QuantityBounds? {
        DeclaredRanges.target(dimension).map(QuantityBounds.init)
    }

    static func exampleTarget(_ dimension: Dimension) -> String {
        switch dimension {
        case .ratio: ">= 99.9 %"
        case .time: "p99 <= 250 ms"
        case .count: "max <= 4.0"
        case .dataRate: ">= 8 Mbps"
        case .energy: "<= 50 J"
        default: ">= \(dimension.example)"
        }
    }

    static func missingUnit(_ text: String, dimension: Dimension, label: String, at range: SourceRange) -> Diagnostic {
        let unit = dimension.example.split(separator: " ").last.map(String.init) ?? dimension.canonicalUnit
        return .error(
            SpecDiagnostics.missingUnit, "`\(label)` needs a unit: `\(text)` what?", at: range,
            notes: [DiagnosticNote("`\(label)` expects a \(dimension), e.g. `\(dimension.example)`")],
            fix: FixIt("add a unit", range: range, replacement: "\(text) \(unit)"))
    }

    static func parseError(_ error: QuantityParseError, text: String, dimension: Dimension, label: String,
                           at range: SourceRange, inThreshold: Bool = false) -> Diagnostic {
        switch error {
        case .notFinite:
            return NumberChecks.notFinite(text, label: label, at: range)
        case .missingNumber:
            return .error(
                SpecDiagnostics.notAQuantity, "`\(label)` expects a number and a unit, found `\(text)`", at: range,
                notes: [DiagnosticNote("e.g. `\(inThreshold ? exampleTarget(dimension) : dimension.example)`")])
        case .missingUnit:
            return missingUnit(text, dimension: dimension, label: label, at: range)
        case .unknownUnit(let unit, let suggestion):
            var notes: [DiagnosticNote] = []
            let inDimension = UnitSuggestion.symbols(for: unit, in: dimension)
            if let best = inDimension.first ?? suggestion {
                notes.append(DiagnosticNote("did you mean `\(best)`?"))
                if let (number, _) = UnitSuggestion.split(text), !inDimension.isEmpty {
                    let rest = inThreshold ? "" : "\(number) \(best)"
                    if !rest.isEmpty {
                        notes.append(DiagnosticNote("`\(label)` expects a \(dimension), e.g. `\(dimension.example)`"))
                        return .error(SpecDiagnostics.unknownUnit, "unknown unit `\(unit)` in `\(label)`", at: range,
                                      notes: notes, fix: FixIt("use a known unit", range: range, replacement: rest))
                    }
                }
            }
            notes.append(DiagnosticNote("`\(label)` expects a \(dimension), e.g. `\(dimension.example)`"))
            return .error(SpecDiagnostics.unknownUnit, "unknown unit `\(unit)` in `\(label)`", at: range, notes: notes)
        }
    }

    /// TU002 with "did you mean" when a unit of the expected dimension is one letter or
    /// a spelling away (`250 m` → `250 ms`; `m` is metres) and its value fits `bounds`.
    static func wrongDimension(_ message: String, written: String, found: Dimension, expected: Dimension,
                               bounds: QuantityBounds, at range: SourceRange) -> Diagnostic {
        let rewrites = UnitSuggestion.rewrites(of: written, as: expected, within: bounds.contains)
        guard let best = rewrites.first else {
            return .error(SpecDiagnostics.wrongDimension, message, at: range)
        }
        return .error(SpecDiagnostics.wrongDimension, message, at: range,
                      notes: [didYouMean(rewrites, written: written, found: found)],
                      fix: FixIt("use a \(expected) unit", range: range, replacement: best))
    }

    /// "did you mean `250 ms` or `250 min`? (`m` is a distance)".
    static func didYouMean(_ rewrites: [String], written: String, found: Dimension) -> DiagnosticNote {
        let options = rewrites.map { "`\($0)`" }.joined(separator: " or ")
        let unit = UnitSuggestion.split(written)?.unit ?? written
        return DiagnosticNote("did you mean \(options)? (`\(unit)` is a \(found) unit)")
    }

    static func describe(_ bounds: QuantityBounds, _ dimension: Dimension) -> String {
        if let wording = bounds.wording { return wording }
        func show(_ v: Double) -> String {
            dimension == .ratio ? "\(ScalarReading.formatNumber(v * 100)) %"
                : dimension == .count ? ScalarReading.formatNumber(v)
                : QuantityRange.format(v, dimension)
        }
        switch (bounds.minimum, bounds.maximum) {
        case let (min?, max?): return "between \(show(min)) and \(show(max))"
        case let (min?, nil): return bounds.minimumIsExclusive ? "greater than \(show(min))" : "at least \(show(min))"
        case let (nil, max?): return "at most \(show(max))"
        case (nil, nil): return "any value"
        }
    }
}
