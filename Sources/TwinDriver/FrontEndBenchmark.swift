import Foundation
import TwinDiagnostics
import TwinSpec
import TwinYAML

/// Throughput of the front end on one in-memory document against the floor set by
/// libyaml alone (events only, no nodes), measured on the same bytes.
public struct FrontEndBenchmarkResult: Sendable {
    public var bytes: Int
    public var rawEventSeconds: Double
    public var parseSeconds: Double
    public var validateSeconds: Double
    public var diagnostics: Int

    public var rawMBPerSecond: Double { Double(bytes) / 1e6 / rawEventSeconds }
    public var validateMBPerSecond: Double { Double(bytes) / 1e6 / validateSeconds }
    /// How many times slower than the raw event scan the whole front end is.
    public var overhead: Double { validateSeconds / rawEventSeconds }
}

public func benchmarkFrontEnd(text: String, repetitions: Int = 3) -> FrontEndBenchmarkResult {
    let clock = ContinuousClock()
    func best(_ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<max(1, repetitions) {
            let elapsed = clock.measure(body)
            fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return fastest
    }
    var diagnostics = 0
    let raw = best { _ = countRawYAMLEvents(text: text) }
    let parse = best { _ = parseYAML(text: text, file: "bench.yaml") }
    let validate = best {
        let parsed = parseYAML(text: text, file: "bench.yaml")
        diagnostics = parsed.diagnostics.count
        if let document = parsed.document { diagnostics += readDocument(document).1.count }
    }
    return FrontEndBenchmarkResult(bytes: text.utf8.count, rawEventSeconds: raw, parseSeconds: parse,
                                   validateSeconds: validate, diagnostics: diagnostics)
}
