import Foundation
import TwinDiagnostics
import TwinSpec
import TwinYAML

/// Throughput of the front end on one in-memory document against the floor set by
/// libyaml alone (events parsed and freed, nothing copied into Swift), measured on the
/// same bytes; issue 12 asks for the whole front end within 3× of it.
public struct FrontEndBenchmarkResult: Sendable {
    public var bytes: Int
    /// libyaml's own parse: events made and freed, none copied.
    public var libYAMLSeconds: Double
    /// The events copied into Swift values, as the tree builder receives them.
    public var rawEventSeconds: Double
    public var parseSeconds: Double
    public var validateSeconds: Double
    public var diagnostics: Int

    public var libYAMLMBPerSecond: Double { Double(bytes) / 1e6 / libYAMLSeconds }
    public var rawMBPerSecond: Double { Double(bytes) / 1e6 / rawEventSeconds }
    public var validateMBPerSecond: Double { Double(bytes) / 1e6 / validateSeconds }
    /// How many times slower than libyaml alone the whole front end is (target ≤ 3).
    public var overhead: Double { validateSeconds / libYAMLSeconds }
    public static let targetOverhead = 3.0
}

/// Each figure is the best of `repetitions` runs in CPU seconds of this process (it is
/// single-threaded here): on a machine shared with builds the wall clock also counts
/// the time others hold the cores, which made the ratio swing between 1.4 and 3.7.
public func benchmarkFrontEnd(text: String, repetitions: Int = 5) -> FrontEndBenchmarkResult {
    func best(_ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<max(1, repetitions) {
            let start = processCPUSeconds()
            body()
            fastest = min(fastest, processCPUSeconds() - start)
        }
        return fastest
    }
    var diagnostics = 0
    let libYAML = best { _ = countLibYAMLEvents(text: text) }
    let raw = best { _ = countRawYAMLEvents(text: text) }
    let parse = best { _ = parseYAML(text: text, file: "bench.yaml") }
    let validate = best {
        let parsed = parseYAML(text: text, file: "bench.yaml")
        diagnostics = parsed.diagnostics.count
        if let document = parsed.document { diagnostics += readDocument(document).1.count }
    }
    return FrontEndBenchmarkResult(bytes: text.utf8.count, libYAMLSeconds: libYAML, rawEventSeconds: raw, parseSeconds: parse,
                                   validateSeconds: validate, diagnostics: diagnostics)
}
