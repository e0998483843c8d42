import TwinDiagnostics
import TwinJSON

/// Which files the report can draw: the results of `twinc run --format json`, tagged
/// `"format": {"name": "twinc-run", "version": 1}`. Checked before drawing so a
/// twin.json or a diagnostics list passed by mistake gets a clear error, not an empty
/// page. (The tag's values are `RunReport.formatName`/`formatVersion` in TwinRuntime;
/// this module does not depend on the runtime, so they are restated here.)
public enum ResultsFormat {
    public static let name = "twinc-run"
    /// The newest version this report draws; older ones are drawn with what they hold
    /// (version 1 named an estimate `mean`; version 2 names it `estimate`, adds the
    /// `inconclusive` verdict and the interval's `method`).
    public static let version = 2

    /// A goal's or device's point estimate: `estimate` (version 2), else `mean`.
    static func estimate(_ value: JSONCursor?) -> Double? {
        value?.number("estimate") ?? value?.number("mean")
    }

    /// The problem with `results` as a results file, with the member it is about; nil
    /// when the report can draw it.
    public static func problem(_ results: JSONValue) -> (code: DiagnosticCode, message: String, path: [JSONPathStep])? {
        guard case .object = results else {
            return (ReportDiagnostics.notResults, "expected the JSON object `twinc run --format json` prints", [])
        }
        guard let format = results["format"] else {
            return (ReportDiagnostics.notResults, "no `format` member: this is not the output of `twinc run --format json`", [])
        }
        guard let name = format["name"]?.stringValue, name == Self.name else {
            if format["name"]?.stringValue == "twinc-twin" {
                return (ReportDiagnostics.notResults,
                        "this is a twin configuration (twin.json), not results: run it first with "
                            + "`twinc run TWIN --format json > results.json`, then `twinc report results.json --html page.html` "
                            + "(or `twinc run TWIN --html page.html` in one step)", [.key("format")])
            }
            let found = format["name"]?.stringValue.map { "`\($0)`" } ?? "none"
            return (ReportDiagnostics.notResults, "format name is \(found), expected `\(Self.name)`", [.key("format")])
        }
        guard let version = format["version"]?.numberValue, version == version.rounded(), version >= 1 else {
            return (ReportDiagnostics.notResults, "format version is missing or not a positive integer", [.key("format")])
        }
        guard version <= Double(Self.version) else {
            return (ReportDiagnostics.unsupportedVersion,
                    "results format version \(JSONWriter.format(version)) is newer than this twinc draws (up to \(Self.version))",
                    [.key("format"), .key("version")])
        }
        return nil
    }
}
