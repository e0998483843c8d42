import ArgumentParser
import Foundation
import TwinDriver

/// `twinc report RESULTS --html OUT`: draws the self-contained HTML page of a twin's
/// results (the JSON `twinc run --format json` prints). Exit 0 when the page was
/// written, 64 for bad flags, 65 for a file that is not readable results JSON, 66 when
/// it cannot be opened, 73 when the page cannot be written.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw the HTML report of a twin's results.",
        discussion: """
        RESULTS is the output of `twinc run TWIN --format json`. The page is one file \
        (inline style and SVG plots, no scripts, nothing fetched): body map with link \
        quality, battery over time, latency CDF per goal, KPI under each fault, energy, \
        threat table and the verdicts. It is written atomically; `--html -` prints it.
        """)

    @Argument(help: "The results JSON written by `twinc run --format json`.", completion: .file(extensions: ["json"]))
    var results: String

    @Option(help: "Where to write the page (`-` for standard output).", completion: .file(extensions: ["html"]))
    var html: String

    @Option(help: "Diagnostic format: text, json, sarif or github.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let result = reportFromResultsFile(path: results)
        var diagnostics = result.diagnostics
        var status = result.exitStatus
        if let page = result.html {
            if html == "-" {
                print(page, terminator: "")
            } else {
                let written = writeReportFile(page, to: html)
                diagnostics += written
                if !written.isEmpty { status = .cannotCreate }
            }
        }
        if !diagnostics.isEmpty {
            // With the page on standard output, machine-readable diagnostics would corrupt it.
            let diagnosticFormat = html == "-" ? .text : format
            DiagnosticOutput(format: diagnosticFormat, rules: []).emit(diagnostics, sources: result.sources)
        }
        try endCommand(with: status)
    }
}
