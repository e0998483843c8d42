import TwinUnits
import TwinVocabulary

/// What kind of value a key holds. The readers check values against it and the JSON
/// Schema generator turns it into schema keywords, so the two cannot drift apart: a
/// key, its type, its enum values, its unit dimension and its bounds are written down
/// once, in the shapes of `UseCaseShapes`, `IntentShapes` and `CatalogueShapes`.
public indirect enum ValueType: Sendable {
    /// Free text (titles, descriptions, stakeholders).
    case text
    /// An identifier: `^[a-z][a-z0-9]*(-[a-z0-9]+)*$` (ids, names and references).
    case identifier
    /// An identifier whose usual values are known (device classes) but that catalogues
    /// may extend; the known values give editors completion.
    case openEnumeration([String])
    /// The id of a catalogue entry of this kind (a radio or battery profile): read as an
    /// identifier and checked against the catalogues later; the schema lists the ids
    /// it is given so editors complete them.
    case catalogueID(CatalogueEntryKind)
    /// One of a fixed set of strings.
    case enumeration([String])
    /// An integer within bounds (user priority 0–7).
    case integer(ClosedRange<Int>)
    /// The one allowed integer (the `twin: 1` format version).
    case constant(Int)
    /// A plain number with optional bounds (relative cost).
    case number(minimum: Double?, maximum: Double?)
    case boolean
    /// A number with a unit of the given dimension, as a string (`250 ms`).
    case quantity(Dimension, QuantityBounds)
    /// A goal condition (`p99 <= 250 ms`); its dimension is checked against the KPI.
    case threshold
    case list(ValueType, minCount: Int, limit: CountRange?)
    case object(ObjectShape)

    /// The enumeration's values for a closed enum given as a Swift enum.
    public static func oneOf<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> ValueType
    where E.RawValue == String {
        .enumeration(E.allCases.map(\.rawValue))
    }

    /// `atMost`: a declared size (`DeclaredRanges.devices`, …) whose upper bound caps the
    /// entries; the reader reads no entry beyond it, so a huge list costs no more work
    /// downstream than a full one.
    public static func listOf(_ element: ValueType, atLeast minCount: Int = 0, atMost limit: CountRange? = nil) -> ValueType {
        .list(element, minCount: minCount, limit: limit)
    }
}

/// Bounds on a quantity, in the dimension's canonical unit (seconds, watts, 0…1 for
/// ratios, dBm for power levels). Checked by the readers (`TS009`); JSON Schema cannot
/// compare quantities inside strings, so the schema states them in the description.
public struct QuantityBounds: Sendable, Hashable {
    public var minimum: Double?
    public var minimumIsExclusive: Bool
    public var maximum: Double?
    /// Why the bounds are there (a declared range's reason), noted under TS009.
    public var reason: String?
    /// The bounds in words ("between 1 s and 10 y"), written once for a declared range
    /// rather than formatted again for every out-of-range value.
    public var wording: String?

    public init(minimum: Double? = nil, exclusive: Bool = false, maximum: Double? = nil, reason: String? = nil) {
        self.minimum = minimum
        self.minimumIsExclusive = exclusive
        self.maximum = maximum
        self.reason = reason
    }

    public static let any = QuantityBounds()
    public static let positive = QuantityBounds(minimum: 0, exclusive: true)
    public static let nonNegative = QuantityBounds(minimum: 0)
    /// 0 % … 100 %.
    public static let percentage = QuantityBounds(minimum: 0, maximum: 1)

    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if let minimum {
            if minimumIsExclusive ? value <= minimum : value < minimum { return false }
        }
        if let maximum, value > maximum { return false }
        return true
    }
}

/// One key of a mapping: its name, type, whether it is required, a one-line summary
/// (schema `description`, hover text in editors) and an optional explicit example.
public struct FieldShape: Sendable {
    public var key: String
    public var type: ValueType
    public var isRequired: Bool
    public var summary: String
    /// An example as YAML text would give it; nil derives one from the type.
    public var example: ExampleValue?

    public init(_ key: String, _ type: ValueType, required: Bool = false, _ summary: String,
                example: ExampleValue? = nil) {
        self.key = key
        self.type = type
        self.isRequired = required
        self.summary = summary
        self.example = example
    }
}

/// An example value for the schema's `examples` keyword.
public enum ExampleValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case list([ExampleValue])
}

/// The keys a mapping may hold. `anyOfRequired` lists groups of which at least one key
/// must be present (a battery needs `profile` or `capacity`).
public struct ObjectShape: Sendable {
    public var title: String
    public var summary: String
    public var fields: [FieldShape]
    public var anyOfRequired: [[String]]

    public init(_ title: String, _ summary: String, fields: [FieldShape], anyOfRequired: [[String]] = []) {
        self.title = title
        self.summary = summary
        self.fields = fields
        self.anyOfRequired = anyOfRequired
    }

    public func field(_ key: String) -> FieldShape? { fields.first { $0.key == key } }
    public var keys: [String] { fields.map(\.key) }
}
