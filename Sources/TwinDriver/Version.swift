/// The tool's version, shown by `twinc --version` and written into SARIF logs and
/// generated files. The twin.json format has its own version (`twin: 1`).
public enum TwincVersion {
    public static let string = "0.1.0"
}
