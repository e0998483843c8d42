import Foundation
import Testing
import TwinConfig
import TwinDiagnostics
import TwinLive
import TwinUnits

@Suite struct TelemetryReaderTests {
    static let model: LiveModel = {
        let config = try? EmulatedLoopTests.demoConfig()
        return TwinAdapter.model(config!)
    }()

    func codes(_ text: String) -> [String] {
        switch TelemetryReader(model: Self.model).read(text) {
        case .success: return []
        case .failure(let rejection): return rejection.diagnostics.map(\.code.id)
        }
    }

    let header = #"{"type":"batch","source":"gw-1","sequence":1}"#

    @Test func writerOutputReadsBackIdentically() throws {
        let config = try EmulatedLoopTests.demoConfig()
        var emulator = try Emulator(twin: config, truth: .none, duration: .seconds(30), period: .seconds(10),
                                    epoch: Timestamp(secondsSinceEpoch: 1_800_000_000))
        let step = emulator.step()
        let batch = try #require(step)
        let text = TelemetryWriter(model: Self.model).text(batch)
        let read = try TelemetryReader(model: Self.model).read(text).get()
        #expect(read.source == batch.source && read.sequence == batch.sequence)
        #expect(read.observations.count == batch.observations.count)
        let again = TelemetryWriter(model: Self.model).text(read)
        #expect(again == text)
    }

    @Test func badInputGetsItsCode() {
        let time = #""time":"2027-01-15T08:00:00Z""#
        #expect(codes("{not json") == ["TL001"])
        #expect(codes(#"{"type":"link"}"#) == ["TL002"])
        #expect(codes(header + "\n" + #"{"type":"lnk",\#(time)}"#) == ["TL003"])
        #expect(codes(header + "\n" + #"{"type":"battery",\#(time),"device":"pump","voltage_mV":3000}"#).contains("TL004"))
        #expect(codes(header + "\n" + #"{"type":"gateway","gateway":"phone","status":"down"}"#) == ["TL005"])
        #expect(codes(header + "\n" + #"{"type":"battery",\#(time),"device":"pump","soc":"full"}"#).contains("TL006"))
        #expect(codes(header + "\n" + #"{"type":"battery",\#(time),"device":"pump","soc":1.5}"#).contains("TL007"))
        #expect(codes(header + "\n" + #"{"type":"battery",\#(time),"device":"pmp","soc":0.5}"#) == ["TL008"])
        #expect(codes(header + "\n" + #"{"type":"link",\#(time),"device":"watch","gateway":"bedside-hub","interval_s":10,"framesSent":1,"framesAcked":1}"#) == ["TL008"])
        #expect(codes(header + "\n" + #"{"type":"battery","time":"yesterday","device":"pump","soc":0.5}"#) == ["TL006"])
    }

    @Test func aBatchOutOfOrderOrFromTheFutureChangesNothing() throws {
        let config = try EmulatedLoopTests.demoConfig()
        var twin = LiveTwin(config: config)
        let now = try #require(RFC3339.parse("2027-01-15T08:00:00Z"))
        let reader = TelemetryReader(model: twin.model)
        let first = try reader.read(header + "\n" + #"{"type":"battery","time":"2027-01-15T07:59:00Z","device":"pump","soc":0.9}"#).get()
        _ = try twin.ingest(first, receivedAt: now).get()
        let older = try reader.read(#"{"type":"batch","source":"gw-1","sequence":2}"# + "\n"
            + #"{"type":"gateway","time":"2027-01-15T07:59:00Z","gateway":"phone","status":"down"}"# + "\n"
            + #"{"type":"battery","time":"2027-01-15T07:58:00Z","device":"pump","soc":0.9}"#).get()
        guard case .failure(let rejection) = twin.ingest(older, receivedAt: now) else {
            Issue.record("accepted an out-of-order batch")
            return
        }
        #expect(rejection.diagnostics.map(\.code.id) == ["TL009"])
        let allUp = twin.state.gateways.allSatisfy { $0.up }
        #expect(allUp)
        #expect(twin.state.batchesAccepted == 1)
        let future = try reader.read(#"{"type":"batch","source":"gw-1","sequence":3}"# + "\n"
            + #"{"type":"battery","time":"2027-01-15T09:00:00Z","device":"pump","soc":0.9}"#).get()
        let refused = (try? twin.ingest(future, receivedAt: now).get()) == nil
        #expect(refused)
        let again = try twin.ingest(first, receivedAt: now).get()
        #expect(again.duplicate && twin.state.batchesAccepted == 1 && twin.state.observationsAccepted == 1)
    }

    @Test func rfc3339RoundTrips() throws {
        let time = try #require(RFC3339.parse("2026-12-02T04:18:10.125+01:00"))
        #expect(RFC3339.format(time) == "2026-12-02T03:18:10.125Z")
        #expect(RFC3339.parse("2026-13-02T04:18:10Z") == nil)
        #expect(RFC3339.parse("2026-12-02 04:18:10") == nil)
    }
}
