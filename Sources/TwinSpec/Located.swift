import TwinDiagnostics

/// A value read from a document together with the place it was written. Every field
/// of the typed documents that came from YAML is `Located`, so a check that runs long
/// after reading (a dangling reference, a contradiction between two goals) can still
/// point at the exact key or value.
public struct Located<Value> {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }

    /// The same location with a transformed value (e.g. a `Quantity` made a `Time`).
    public func map<T>(_ transform: (Value) -> T) -> Located<T> {
        Located<T>(transform(value), at: range)
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

extension Located: CustomStringConvertible {
    public var description: String { "\(value) at \(range)" }
}
