import TwinDiagnostics

/// The parse stage's catalogue of diagnostic codes (`TY…`). Ids are stable.
public enum YAMLDiagnostics: DiagnosticCatalogue {
    public static let syntax = DiagnosticCode(
        "TY001", title: "YAML syntax error",
        explanation: """
        libyaml could not scan or parse the file. The message is libyaml's own; the note \
        names the construct it was reading (for example "while parsing a flow sequence") \
        and where that construct started, which is usually where the missing `]`, `}` or \
        bad indentation begins. Check indentation (spaces only, no tabs) and balanced brackets.
        """)
    public static let encoding = DiagnosticCode(
        "TY002", title: "invalid text encoding",
        explanation: "The file is not valid UTF-8 (or UTF-16 with a byte-order mark). Save it as UTF-8.")
    public static let duplicateKey = DiagnosticCode(
        "TY003", title: "duplicate mapping key",
        explanation: """
        A key appears twice in the same mapping. YAML parsers disagree on which value wins, \
        so twinc refuses the file. The note points at the first definition; remove or rename one.
        """)
    public static let multipleDocuments = DiagnosticCode(
        "TY004", title: "more than one YAML document",
        explanation: "Each file holds one document. Split documents separated by `---` into their own files.")
    public static let tooManyAliases = DiagnosticCode(
        "TY005", title: "too many aliases",
        explanation: """
        The document uses more aliases (`*name`) than the limit. Aliases are allowed for \
        reuse, but a cap protects twinc and CI from alias bombs. Write the values out or \
        split the file.
        """)
    public static let expansionTooLarge = DiagnosticCode(
        "TY006", title: "alias expansion too large",
        explanation: """
        Expanding aliases would create more nodes than the limit: the "billion laughs" \
        pattern, where each level of anchors references the previous one several times. \
        twinc refuses such files before expanding them.
        """)
    public static let tooDeep = DiagnosticCode(
        "TY007", title: "nesting too deep",
        explanation: "Mappings and sequences are nested deeper than the limit. Real documents need a handful of levels.")
    public static let mergeKey = DiagnosticCode(
        "TY008", title: "merge keys are not supported",
        explanation: """
        `<<` merge keys belong to YAML 1.1 and are not part of YAML 1.2, which twinc reads. \
        Write the merged keys out, or reuse a whole mapping with an alias.
        """)
    public static let unknownTag = DiagnosticCode(
        "TY009", title: "unsupported tag",
        explanation: """
        Only the YAML 1.2 core tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, \
        `!!map`, `!!seq`) are accepted. Application-specific tags would make a file mean \
        different things to different tools.
        """)
    public static let undefinedAlias = DiagnosticCode(
        "TY010", title: "undefined alias",
        explanation: "An alias `*name` names no anchor `&name` defined before it (anchors must come first, and cannot refer to themselves).")
    public static let complexKey = DiagnosticCode(
        "TY011", title: "non-scalar mapping key",
        explanation: "Mapping keys must be plain strings. A sequence or mapping used as a key is not supported.")
    public static let yaml11Ambiguity = DiagnosticCode(
        "TY012", title: "value reads differently under YAML 1.1",
        explanation: """
        twinc reads YAML 1.2, where `yes`, `no`, `on`, `off` are strings, `0777` is a \
        decimal number and `1:30` is a string. Other tools (PyYAML, older editors) read \
        them as booleans, octal or sexagesimal numbers. Quote the value to make the \
        meaning the same everywhere.
        """)
    public static let tagMismatch = DiagnosticCode(
        "TY013", title: "value does not match its tag",
        explanation: "A scalar tagged `!!int`, `!!float`, `!!bool` or `!!null` must be written in that type's core-schema form.")
    public static let documentTooLarge = DiagnosticCode(
        "TY014", title: "document has too many nodes",
        explanation: """
        The document holds more values (scalars, mappings, sequences) than twinc reads \
        from one file (2,000,000), without any alias to blame. The largest real use case, \
        a ward of 12,000 sensors, has about 400,000. Split the network over several use \
        cases, or generate fewer entries.
        """)

    public static let all: [DiagnosticCode] = [
        syntax, encoding, duplicateKey, multipleDocuments, tooManyAliases, expansionTooLarge,
        tooDeep, mergeKey, unknownTag, undefinedAlias, complexKey, yaml11Ambiguity, tagMismatch,
        documentTooLarge,
    ]
}
