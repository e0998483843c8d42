import TwinJSON

/// The self-contained HTML page of a twin's results: drawn from the results JSON alone
/// (`twinc run --format json`, contract in the TwinAnalysis doc), so `twinc report
/// RESULTS` and `twinc run --html` give the same page. One file: inline CSS and SVG
/// drawn here, no scripts, no external fetches. Deterministic: the same JSON gives the
/// same bytes.
///
/// Sections appear only for data present: the header and verdict table from the
/// runtime report's members, then one section per application that ran (network view,
/// resilience, energy, security), the optimiser's verdicts, and the per-device figures.
/// A member of the wrong type is left out and reported as a `ReportIssue`.
public enum HTMLReport {
    /// The page, ignoring issues (members left out are simply not drawn).
    public static func render(results: JSONValue) -> String {
        build(results: results).html
    }

    /// The page and the members it had to leave out.
    public static func build(results: JSONValue) -> (html: String, issues: [ReportIssue]) {
        let log = IssueLog()
        let root = JSONCursor(results, log: log)
        let index = ResultsIndex(root)
        var body = SummarySection(root: root, index: index).html
        let applications = root.object("applications")
        if let view = applications?.object(NetworkViewSection.application) {
            body += NetworkViewSection(view: view, index: index).html
        }
        if let resilience = applications?.object(ResilienceSection.application) {
            body += ResilienceSection(resilience: resilience, view: applications?.object(NetworkViewSection.application),
                                      index: index).html
        }
        if let energy = applications?.object(EnergySection.application) {
            body += EnergySection(energy: energy, index: index).html
        }
        if let security = applications?.object(SecuritySection.application) {
            body += SecuritySection(security: security).html
        }
        if let others = applications?.value.objectValue?.map(\.0).filter({ !knownApplications.contains($0) }), !others.isEmpty {
            body += "<section>\n" + Markup.paragraph(
                "Applications in the results this report has no page for: \(others.joined(separator: ", ")).",
                className: "note") + "</section>\n"
        }
        if let optimisation = root.object("optimisation") {
            body += OptimisationSection(optimisation: optimisation, index: index).html
        }
        body += DeviceFiguresSection(root: root, index: index).html
        let title = root.string("title") ?? root.string("twin") ?? "twin"
        let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="twinc report">
        <title>\(HTMLText.escape(title)) — twinc results</title>
        <style>
        \(PageStyle.css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
        return (html, log.issues)
    }

    static let knownApplications: Set<String> = [
        NetworkViewSection.application, ResilienceSection.application, EnergySection.application, SecuritySection.application,
    ]
}
