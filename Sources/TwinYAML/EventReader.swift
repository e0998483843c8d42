import CYAML

/// A position as libyaml reports it, converted once to 1-based line and column.
struct Mark: Sendable, Hashable {
    var line: Int
    var column: Int
    var offset: Int

    init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line) + 1
        column = Int(mark.column) + 1
        offset = Int(mark.index)
    }
}

/// A libyaml event copied into Swift values; the C event is freed as soon as it is
/// copied, so no C memory outlives one `next()` call.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(start: Mark)
    case documentEnd
    case alias(anchor: String, start: Mark, end: Mark)
    case scalar(ScalarEvent)
    case sequenceStart(anchor: String?, tag: String?, start: Mark, end: Mark)
    case sequenceEnd(end: Mark)
    case mappingStart(anchor: String?, tag: String?, start: Mark, end: Mark)
    case mappingEnd(end: Mark)
}

struct ScalarEvent {
    var value: String
    var anchor: String?
    var tag: String?
    var style: ScalarStyle
    /// True when no tag was written and the style is plain: only then does the core
    /// schema resolve the text to null/bool/int/float.
    var plainImplicit: Bool
    var start: Mark
    var end: Mark
}

/// What libyaml said when it gave up: the problem, where, and the construct it was in.
struct LibYAMLProblem: Error {
    enum Kind { case reader, scanner, parser, memory }
    var kind: Kind
    var problem: String
    var mark: Mark?
    var context: String?
    var contextMark: Mark?
    /// For reader (encoding) errors: byte offset and the offending value.
    var byteOffset: Int?
}

/// Owns a libyaml parser and the input buffer it reads from, and frees both in
/// `deinit`. It is the only type that touches the C API, so lifetime rules live in one
/// place.
final class LibYAMLEventReader {
    private var parser = yaml_parser_t()
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var finished = false

    init(bytes: some Collection<UInt8>) {
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
    }

    /// The next event, or the problem that stopped the parse. After `streamEnd` or an
    /// error, further calls keep returning `streamEnd`. A typed throw rather than a
    /// `Result`: the result enum, holding the problem's strings, was copied and destroyed
    /// once per event, a few percent of a parse of two million scalars.
    func next() throws(LibYAMLProblem) -> YAMLEvent {
        if finished { return .streamEnd }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            finished = true
            throw currentProblem()
        }
        defer { yaml_event_delete(&event) }
        let start = Mark(event.start_mark), end = Mark(event.end_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_STREAM_END_EVENT:
            finished = true
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(start: start)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: string(event.data.alias.anchor) ?? "", start: start, end: end)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = string(s.value, length: Int(s.length)) ?? ""
            return .scalar(ScalarEvent(
                value: value, anchor: string(s.anchor), tag: string(s.tag),
                style: style(s.style), plainImplicit: s.plain_implicit != 0,
                start: start, end: end))
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return .sequenceStart(anchor: string(s.anchor), tag: string(s.tag), start: start, end: end)
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd(end: end)
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return .mappingStart(anchor: string(m.anchor), tag: string(m.tag), start: start, end: end)
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd(end: end)
        default:
            return .streamEnd
        }
    }

    /// Parses the next event and frees it without copying anything into Swift: libyaml's
    /// own cost, the floor `twinc bench` measures the front end against. False after
    /// `streamEnd`.
    func skip() throws(LibYAMLProblem) -> Bool {
        if finished { return false }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            finished = true
            throw currentProblem()
        }
        if event.type == YAML_STREAM_END_EVENT { finished = true }
        yaml_event_delete(&event)
        return true
    }

    private func currentProblem() -> LibYAMLProblem {
        let kind: LibYAMLProblem.Kind
        switch parser.error {
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_MEMORY_ERROR: kind = .memory
        default: kind = .parser
        }
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        let context = parser.context.map { String(cString: $0) }
        if kind == .reader {
            return LibYAMLProblem(kind: kind, problem: problem, mark: nil, context: nil,
                                  contextMark: nil, byteOffset: Int(parser.problem_offset))
        }
        return LibYAMLProblem(
            kind: kind, problem: problem, mark: Mark(parser.problem_mark),
            context: context, contextMark: context == nil ? nil : Mark(parser.context_mark),
            byteOffset: nil)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String? {
        guard let pointer else { return nil }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
