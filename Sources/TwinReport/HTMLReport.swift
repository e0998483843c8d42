import TwinJSON

/// Placeholder: the self-contained HTML page drawn from the results JSON.
public enum HTMLReport {
    public static func render(results: JSONValue) -> String { "<!doctype html>" }
}
