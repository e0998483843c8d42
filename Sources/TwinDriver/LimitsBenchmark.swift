import Foundation
import TwinDiagnostics
import TwinSpec
import TwinYAML

/// The "Must show" figures of issue 8, measured by `twinc bench`: compiling the demo
/// intent against a large user catalogue (near-linear in its size, < 2 s for 2,000
/// entries) and validating a 5 MB file of errors (at most the cap printed, < 2 s), both
/// as one repeated key and as a list of broken entries (read and checked). Each
/// gives wall time and the process's CPU time, since the wall clock on a shared machine
/// also counts other people's builds.
public struct LimitsBenchmarkResult: Sendable {
    public var label: String
    public var wallSeconds: Double
    public var cpuSeconds: Double
    public var detail: String
}

/// A catalogue of `entries` channel models that all compete for the demo's on-body
/// links: the worst case for synthesis, which must weigh every one of them.
public enum LargeCatalogue {
    public static func make(entries: Int) -> String {
        var text = "twin: 1\nkind: catalogue\nname: bench-catalogue\nmodels:\n"
        for index in 0..<entries {
            text += """
              - id: bench-model-\(index)
                description: Benchmark channel model number \(index).
                family: channel
                source: twinc bench
                kpis: [latency]
                provides: ["channel", "channel:on-body"]
                validity: {bands: [ism-2400], bodies: [on-body]}
                fidelity: [packet, flow, analytic]
                cost: \(1 + index % 7)

            """
        }
        return text
    }

    /// A use case of one key repeated until the file holds `bytes`: a million TY003.
    public static func repeatedKey(bytes: Int) -> String {
        let head = "twin: 1\nkind: usecase\n"
        return head + String(repeating: "a: 1\n", count: max(0, bytes - head.utf8.count) / 5)
    }

    /// A use case whose `devices` list holds `bytes` of entries each missing its radio,
    /// traffic and gateway: parsed fine, refused by the reader (the list's size and the
    /// first entries' errors), with tens of thousands of unread ids to keep track of.
    public static func brokenDevices(bytes: Int) -> String {
        var text = "twin: 1\nkind: usecase\nname: broken\ntitle: Broken\nstakeholders: [me]\n"
            + "story: {summary: x}\nrequirements: [x]\napplications: [{id: network-view}]\nnetwork:\n"
            + "  gateways: [{id: phone, kind: phone, technologies: [ble]}]\n  devices:\n"
        var index = 0
        while text.utf8.count < bytes {
            text += "    - {id: d\(index), class: smartwatch, placement: wrist, priority: 9}\n"
            index += 1
        }
        return text
    }
}

/// CPU seconds (user + system) the process has used so far.
func measured(_ body: () -> String) -> (wall: Double, cpu: Double, detail: String) {
    let clock = ContinuousClock(), cpu = processCPUSeconds()
    var detail = ""
    let elapsed = clock.measure { detail = body() }
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            processCPUSeconds() - cpu, detail)
}

/// Compiles `intent` with a generated catalogue of `entries` models (written to a
/// temporary file, as `--catalog` would read it).
public func benchmarkCatalogueCompile(intent: String, entries: Int) throws -> LimitsBenchmarkResult {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-bench-catalogue-\(entries).yaml")
    try LargeCatalogue.make(entries: entries).write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let (wall, cpu, detail) = measured {
        let result = compileIntents(paths: [intent], options: CompileOptions(catalogues: [url.path]))
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        return errors == 0 ? "\(result.twins.first?.plan.rejected.count ?? 0) rejected alternatives explained"
            : "\(errors) errors (first: \(result.diagnostics.first?.message ?? ""))"
    }
    return LimitsBenchmarkResult(label: "compile with a \(entries)-entry catalogue", wallSeconds: wall, cpuSeconds: cpu,
                                 detail: detail)
}

/// Validates a use case of `bytes` of broken device entries through the whole front end
/// (parse, read, checks), as `twinc validate` does.
public func benchmarkBrokenList(bytes: Int) throws -> LimitsBenchmarkResult {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-bench-broken-\(bytes).yaml")
    try LargeCatalogue.brokenDevices(bytes: bytes).write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let (wall, cpu, detail) = measured {
        let result = validateDocuments(paths: [url.path])
        let hidden = result.dropped.values.map(\.total).reduce(0, +)
        return "\(result.diagnostics.count) diagnostics kept, \(hidden) more counted"
    }
    return LimitsBenchmarkResult(label: "validate a \(bytes / 1_000_000) MB list of broken devices", wallSeconds: wall,
                                 cpuSeconds: cpu, detail: detail)
}

/// Validates a file of `bytes` of one repeated key, as `twinc validate` does with the
/// default cap, rendering what it would print.
public func benchmarkErrorFile(bytes: Int, cap: DiagnosticCap = DiagnosticCap()) -> LimitsBenchmarkResult {
    let text = LargeCatalogue.repeatedKey(bytes: bytes)
    let (wall, cpu, detail) = measured {
        var sources = SourceStore()
        sources.add(file: "errors.yaml", text: text)
        let parsed = parseYAML(text: text, file: "errors.yaml", limits: YAMLLimits(diagnosticCap: cap))
        let (shown, more) = parsed.diagnostics.capped(cap, alreadyDropped: ["errors.yaml": parsed.dropped])
        let printed = TextRenderer().render(shown, sources: sources)
        let hidden = more.first?.count.total ?? 0
        return "\(shown.count) diagnostics printed (\(printed.utf8.count / 1000) kB), \(hidden) more counted"
    }
    return LimitsBenchmarkResult(label: "validate a \(bytes / 1_000_000) MB file of errors", wallSeconds: wall,
                                 cpuSeconds: cpu, detail: detail)
}
