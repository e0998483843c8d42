import TwinDiagnostics
import TwinUnits
import TwinVocabulary
import TwinYAML

/// Typed accessors. Each takes the key, looks up the field's declared type in the
/// shape and checks the value against it; a missing key returns nil (required keys are
/// reported by `finish()`), a bad value records a diagnostic and returns nil.
extension MappingReader {
    public mutating func text(_ key: String) -> Located<String>? {
        guard let (_, node) = fieldValue(key) else { return nil }
        return ScalarReading.string(node, label: key, into: &diagnostics)
    }

    /// An identifier (`.identifier` or `.openEnumeration` field).
    public mutating func identifier(_ key: String) -> Located<String>? {
        guard let (_, node) = fieldValue(key) else { return nil }
        return ScalarReading.identifier(node, label: key, into: &diagnostics)
    }

    public mutating func enumeration<E: RawRepresentable>(_ key: String, as type: E.Type) -> Located<E>?
    where E.RawValue == String {
        guard let (field, node) = fieldValue(key), case .enumeration(let values) = field.type else { return nil }
        return ScalarReading.enumeration(node, values: values, label: key, into: &diagnostics)?
            .flatMapValue(E.init(rawValue:))
    }

    public mutating func integer(_ key: String) -> Located<Int>? {
        guard let (field, node) = fieldValue(key) else { return nil }
        switch field.type {
        case .integer(let bounds):
            return ScalarReading.integer(node, bounds: bounds, label: key, into: &diagnostics)
        case .constant(let value):
            return ScalarReading.integer(node, bounds: value...value, label: key, into: &diagnostics)
        default:
            assertionFailure("`\(key)` is not an integer field")
            return nil
        }
    }

    public mutating func number(_ key: String) -> Located<Double>? {
        guard let (field, node) = fieldValue(key), case .number(let minimum, let maximum) = field.type else { return nil }
        return ScalarReading.number(node, minimum: minimum, maximum: maximum, label: key, into: &diagnostics)
    }

    public mutating func boolean(_ key: String) -> Located<Bool>? {
        guard let (_, node) = fieldValue(key) else { return nil }
        return ScalarReading.boolean(node, label: key, into: &diagnostics)
    }

    public mutating func quantity(_ key: String) -> Located<Quantity>? {
        guard let (field, node) = fieldValue(key), case .quantity(let dimension, let bounds) = field.type else {
            return nil
        }
        return QuantityReading.quantity(node, dimension: dimension, bounds: bounds, label: key, into: &diagnostics)
    }

    /// A quantity as its static type (`Time`, `Charge`, …).
    public mutating func measure<D: PhysicalDimension>(_ key: String, as type: Measure<D>.Type) -> Located<Measure<D>>? {
        quantity(key)?.flatMapValue(Measure<D>.init)
    }

    public mutating func powerLevel(_ key: String) -> Located<PowerLevel>? {
        quantity(key)?.flatMapValue(PowerLevel.init)
    }

    /// A goal condition whose quantity must have `kpi`'s dimension (unchecked when the
    /// KPI could not be read).
    public mutating func threshold(_ key: String, for kpi: KPI?) -> Located<Threshold>? {
        guard let (_, node) = fieldValue(key) else { return nil }
        return QuantityReading.threshold(
            node, dimension: kpi?.targetDimension, kpi: kpi?.rawValue, label: key, into: &diagnostics)
    }

    // MARK: Lists

    /// The element nodes of a list field, after checking it is a sequence of the
    /// declared length; beyond a declared limit only the first entries (TS009 at the
    /// key). Absent → nil.
    mutating func elements(_ key: String) -> (element: ValueType, nodes: [Node])? {
        guard let (field, node) = fieldValue(key), case .list(let element, let minCount, let limit) = field.type
        else { return nil }
        guard let items = node.sequence else {
            diagnostics.append(.error(
                SpecDiagnostics.wrongType, "`\(key)` expects a list, found \(node.kindDescription)", at: node.range,
                notes: node.scalar.map { _ in [DiagnosticNote("write `\(key): [a, b]` or one `- item` per line")] } ?? []))
            return nil
        }
        if items.count < minCount {
            diagnostics.append(.error(
                SpecDiagnostics.emptyList,
                "`\(key)` needs at least \(minCount) entr\(minCount == 1 ? "y" : "ies")", at: node.range))
        }
        if let maximum = limit?.bounds.upperBound, items.count > maximum {
            diagnostics.append(.error(
                SpecDiagnostics.outOfRange,
                "`\(key)` has \(DroppedDiagnostics.grouped(items.count)) entries; at most \(DroppedDiagnostics.grouped(maximum)) are allowed",
                at: pair(key)?.key.range ?? node.range,
                notes: [DiagnosticNote(limit?.reason ?? ""),
                        DiagnosticNote("the entries after the \(DroppedDiagnostics.grouped(maximum))th are not checked")]))
            return (element, Array(items.prefix(maximum)))
        }
        return (element, items)
    }

    public mutating func texts(_ key: String) -> [Located<String>] {
        guard let (_, nodes) = elements(key) else { return [] }
        return checked(nodes) { reader, node in ScalarReading.string(node, label: key, into: &reader.diagnostics) }
    }

    public mutating func identifiers(_ key: String) -> [Located<String>] {
        guard let (_, nodes) = elements(key) else { return [] }
        return checked(nodes) { reader, node in ScalarReading.identifier(node, label: key, into: &reader.diagnostics) }
    }

    public mutating func enumerations<E: RawRepresentable>(_ key: String, as type: E.Type) -> [Located<E>]
    where E.RawValue == String {
        guard let (element, nodes) = elements(key), case .enumeration(let values) = element else { return [] }
        return checked(nodes) { reader, node in
            ScalarReading.enumeration(node, values: values, label: key, into: &reader.diagnostics)?
                .flatMapValue(E.init(rawValue:))
        }
    }

    // MARK: Nested mappings

    /// A nested mapping read by `build` with its own reader; its diagnostics (and its
    /// unknown and missing keys) are merged into this reader's.
    public mutating func object<T>(_ key: String, _ build: (inout MappingReader) -> T?) -> T? {
        guard let (field, node) = fieldValue(key), case .object(let shape) = field.type else { return nil }
        return readNested(node, shape: shape, build)
    }

    /// A list of mappings, each read by `build`. Elements that fail to build are
    /// dropped after their diagnostics are recorded.
    public mutating func objects<T>(_ key: String, _ build: (inout MappingReader) -> T?) -> [T] {
        guard let (element, nodes) = elements(key), case .object(let shape) = element else { return [] }
        return checked(nodes) { reader, node in reader.readNested(node, shape: shape, build) }
    }

    /// `read` applied to each list entry, trimming to the cap after each; once the reader
    /// `stopsChecking`, the remaining entries are counted as unchecked instead of read.
    private mutating func checked<T>(_ nodes: [Node], _ read: (inout MappingReader, Node) -> T?) -> [T] {
        var result: [T] = []
        for (index, node) in nodes.enumerated() {
            guard !stopsChecking else {
                dropped.uncheckedEntries += nodes.count - index
                break
            }
            if let value = read(&self, node) { result.append(value) }
            trim()
        }
        return result
    }

    mutating func readNested<T>(_ node: Node, shape: ObjectShape, _ build: (inout MappingReader) -> T?) -> T? {
        var reader = MappingReader(node, shape: shape, cap: cap)
        let value = reader.isMapping ? build(&reader) : nil
        diagnostics.append(contentsOf: reader.finishedDiagnostics())
        dropped += reader.dropped
        trim()
        return value
    }
}

extension Located {
    /// The value transformed, keeping the location; nil when the transform fails.
    func flatMapValue<T>(_ transform: (Value) -> T?) -> Located<T>? {
        transform(value).map { Located<T>($0, at: range) }
    }
}
