import Foundation
import Testing
import TwinJSON
@testable import TwinSweep

/// The Indexed Job manifest is checked against the Kubernetes Job schema by
/// `kubernetes-validate` (PyPI; it ships the schemas of each Kubernetes release), with
/// strict checking of unknown members. `.ci/run` installs it; with CI=true a missing
/// tool fails the test rather than skipping it.
@Suite struct KubernetesJobTests {
    static let validator: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/kubernetes-validate" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: validator != nil || isCI, "kubernetes-validate is not installed (pip install kubernetes-validate)"))
    func theIndexedJobIsAValidKubernetesJob() throws {
        guard let validator = Self.validator else {
            Issue.record("CI=true but kubernetes-validate is missing: .ci/run installs it")
            return
        }
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let (plan, _) = try fixture.plan(try fixture.smallSweep())
        let job = kubernetesJob(plan: plan, request: KubernetesRequest(image: "registry.example/twinc:1", claim: "sweeps", parallelism: 8,
                                                                        batch: 3))
        #expect(job["spec"]?["completionMode"]?.stringValue == "Indexed")
        #expect(job["spec"]?["completions"]?.numberValue == 2)
        #expect(job["spec"]?["parallelism"]?.numberValue == 2)
        let good = fixture.folder.appendingPathComponent("job.json").path
        try JSONWriter.canonical.string(job).write(toFile: good, atomically: true, encoding: .utf8)
        let accepted = SystemProcessRunner().run(ProcessCommand(validator, ["--strict", "--kubernetes-version", "1.30.0", good]))
        #expect(accepted.succeeded, "\(accepted.standardOutput)\(accepted.standardError)")

        // The check can fail: a misspelt member is refused.
        let bad = fixture.folder.appendingPathComponent("bad.json").path
        try JSONWriter.canonical.string(job).replacingOccurrences(of: "completionMode", with: "completionMod")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = SystemProcessRunner().run(ProcessCommand(validator, ["--strict", "--kubernetes-version", "1.30.0", bad]))
        #expect(!refused.succeeded)
    }
}
