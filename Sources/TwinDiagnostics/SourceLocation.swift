/// A point in a user document. Lines and columns are 1-based and counted in Unicode
/// scalars, the way editors and GCC-style tools report them; `offset` is the 0-based
/// byte offset so renderers can slice the source without re-counting.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int = 0) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// Two positions are the same place when line and column agree; the byte offset is
    /// a cache, not part of the identity.
    public static func == (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.line == rhs.line && lhs.column == rhs.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(column)
    }
}

/// A span in one file. Every YAML node, every typed value read from it and every
/// diagnostic carries one, so an error can always point at the key or value at fault.
public struct SourceRange: Hashable, Sendable {
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A zero-width range at one position (used for libyaml problems and file-level errors).
    public init(file: String, line: Int, column: Int) {
        let position = SourcePosition(line: line, column: column)
        self.init(file: file, start: position, end: position)
    }

    /// The whole-file location used when a problem has no better anchor (e.g. unreadable file).
    public static func file(_ path: String) -> SourceRange {
        SourceRange(file: path, line: 1, column: 1)
    }
}

extension SourceRange: CustomStringConvertible {
    /// `file:line:col`, the form compilers print and editors make clickable.
    public var description: String { "\(file):\(start.line):\(start.column)" }
}
