import TwinUnits

/// Shapes take their bounds from `DeclaredRanges`, so a key's range is written once and
/// the readers, the JSON Schema, the twin.json reader and the property test's document
/// generator all see the same numbers.
extension QuantityBounds {
    public init(_ range: QuantityRange) {
        self.init(minimum: range.lowerBound, maximum: range.upperBound, reason: range.reason)
        wording = range.description
    }
}

extension ValueType {
    /// A quantity of the range's dimension within the range.
    public static func quantity(_ range: QuantityRange) -> ValueType {
        .quantity(range.dimension, QuantityBounds(range))
    }

    /// A plain number within the range (a `.count` range).
    public static func number(_ range: QuantityRange) -> ValueType {
        .number(minimum: range.lowerBound, maximum: range.upperBound)
    }

    /// An integer within a declared count range.
    public static func integer(_ range: CountRange) -> ValueType {
        .integer(range.bounds)
    }
}
