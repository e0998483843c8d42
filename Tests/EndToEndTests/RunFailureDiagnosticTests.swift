import Testing
import TwinDiagnostics
@testable import TwinDriver
import TwinRuntime

/// Simulator refusals become `TR…` diagnostics at the twin.json member at fault. The
/// placeholder simulator never refuses, so the mapping is tested on its own.
@Suite struct RunFailureDiagnosticTests {
    static let text = BenchmarkDemoTwin.json()

    static func line(containing needle: String, after anchor: String? = nil) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = anchor.flatMap { a in lines.firstIndex { $0.contains(a) } } ?? 0
        return lines[start...].firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    static func diagnostic(_ error: SimulationError, horizonFromFlag: Bool = false) -> Diagnostic {
        RunFailureDiagnostic.diagnostic(for: RunFailure(scenarioID: "baseline", replication: 1, error: error),
                                        text: text, file: "twin.json", horizonFromFlag: horizonFromFlag)
    }

    @Test func hubFullPointsAtTheGateway() {
        let found = Self.diagnostic(.hubFull(gateway: "bedside-hub", devices: 70, limit: 64))
        #expect(found.code.id == "TR001")
        #expect(found.range?.file == "twin.json")
        #expect(found.range?.start.line == Self.line(containing: "\"id\": \"bedside-hub\""))
        #expect(found.message.contains("mMaxBANSize"))
        #expect(found.notes.first?.message.contains("replication 1 of scenario `baseline`") == true)
    }

    @Test func unknownGatewayPointsAtTheDevicesGatewayMember() {
        let found = Self.diagnostic(.unknownGateway(device: "pump", gateway: "bedside-hub"))
        #expect(found.code.id == "TR002")
        // The pump's `"backup": "bedside-hub"` member; canonical key order puts the
        // device's `gateway` object after its `class`.
        let pumpLine = Self.line(containing: "\"class\": \"insulin-pump\"") ?? 0
        #expect((found.range?.start.line ?? 0) > pumpLine)
        #expect(found.range.map { Self.text.split(separator: "\n", omittingEmptySubsequences: false)[$0.start.line - 1]
            .contains("\"backup\": \"bedside-hub\"") } == true)
    }

    @Test func otherErrorsHaveCodesAndPlaces() {
        #expect(Self.diagnostic(.invalidParameter(device: "ecg", message: "payload above 255 B")).code.id == "TR003")
        #expect(Self.diagnostic(.noGateways).range?.start.line == Self.line(containing: "\"gateways\": ["))
        let horizon = Self.diagnostic(.invalidHorizon)
        #expect(horizon.code.id == "TR005" && horizon.range?.start.line == Self.line(containing: "\"horizon_s\""))
        #expect(Self.diagnostic(.invalidHorizon, horizonFromFlag: true).message.contains("--horizon"))
        #expect(DiagnosticIndex.code("TR004") != nil)
    }
}
