import Foundation
import Testing
import TwinEngine
import TwinJSON
import TwinLive
import TwinServe

/// The server's contract at its edges: coded 4xx for every kind of bad input with the
/// state untouched, a fuzz of several thousand batches without a crash, restart with
/// every acknowledged observation, and goal events pushed within 2 s.
@Suite(.serialized) struct LiveServerTests {
    static let twin = "icu-monitoring"
    static let telemetry = "/v1/twins/icu-monitoring/telemetry"

    static func header(_ sequence: Int, source: String = "gw-1") -> String {
        #"{"type":"batch","source":"\#(source)","sequence":\#(sequence)}"#
    }

    static func stamp(_ secondsAgo: Double) -> String {
        RFC3339.format(Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970 - secondsAgo))
    }

    static func battery(_ secondsAgo: Double, soc: Double = 0.9) -> String {
        #"{"type":"battery","time":"\#(stamp(secondsAgo))","device":"pump","soc":\#(soc),"remaining_C":\#(9000 * soc),"current_A":4.4e-5}"#
    }

    static func post(_ client: HTTPClient, _ body: String, token: String, path: String = telemetry) throws -> HTTPClient.Response {
        try client.request("POST", path, headers: [("Authorization", "Bearer \(token)")], body: Data(body.utf8))
    }

    static func observations(_ client: HTTPClient, token: String) throws -> Int {
        let response = try client.request("GET", "/v1/twins/icu-monitoring/state", headers: [("Authorization", "Bearer \(token)")])
        guard case .success(let json) = JSONParser.parse(response.text) else { return -1 }
        return Int(json["observations"]?.value.numberValue ?? -1)
    }

    static func code(_ response: HTTPClient.Response) -> String? {
        guard case .success(let json) = JSONParser.parse(response.text) else { return nil }
        return json["diagnostics"]?.value.arrayValue?.first?["code"]?.stringValue
    }

    @Test func badInputGetsACoded4xxAndLeavesTheStateAlone() throws {
        let fixture = try LiveFixture()
        let server = try ServeProcess(["serve", "Generated/icu-monitoring", "--listen", "127.0.0.1:0", "--token-file",
                                       fixture.tokens, "--no-act", "--max-body", "20000"])
        defer { server.stop() }
        let client = server.client()
        let good = try Self.post(client, Self.header(1) + "\n" + Self.battery(60), token: fixture.all)
        #expect(good.status == 202)
        let before = try Self.observations(client, token: fixture.all)
        #expect(before == 1)
        let cases: [(String, String, String, Int, String)] = [
            ("malformed JSON", Self.header(2) + "\n{\"type\": \"battery\",", Self.telemetry, 400, "TL001"),
            ("unknown twin", Self.header(2) + "\n" + Self.battery(50), "/v1/twins/nobody/telemetry", 404, "TL011"),
            ("unknown device", Self.header(2) + "\n" + Self.battery(50).replacingOccurrences(of: "pump", with: "pmp"), Self.telemetry, 400, "TL008"),
            ("unknown link", Self.header(2) + "\n" + #"{"type":"link","time":"\#(Self.stamp(50))","device":"watch","gateway":"bedside-hub","interval_s":10,"framesSent":3,"framesAcked":3}"#, Self.telemetry, 400, "TL008"),
            ("wrong units", Self.header(2) + "\n" + Self.battery(50).replacingOccurrences(of: "current_A", with: "current_mA"), Self.telemetry, 400, "TL004"),
            ("out of order", Self.header(2) + "\n" + Self.battery(120), Self.telemetry, 422, "TL009"),
            ("future", Self.header(2) + "\n" + Self.battery(-3600), Self.telemetry, 422, "TL009"),
            ("oversized", Self.header(2) + "\n" + String(repeating: Self.battery(50) + "\n", count: 200), Self.telemetry, 413, "TL010"),
        ]
        for (name, body, path, status, code) in cases {
            let response = try Self.post(client, body, token: fixture.all, path: path)
            #expect(response.status == status, "\(name): HTTP \(response.status) \(response.text)")
            #expect(Self.code(response) == code, "\(name): \(response.text)")
        }
        let wrongToken = try Self.post(client, Self.header(2) + "\n" + Self.battery(50), token: "twt_wrong")
        #expect(wrongToken.status == 401 && Self.code(wrongToken) == "TL012")
        let wrongScope = try Self.post(client, Self.header(2) + "\n" + Self.battery(50), token: fixture.readOnly)
        #expect(wrongScope.status == 403 && Self.code(wrongScope) == "TL013")
        let noReading = try client.request("GET", "/v1/twins/icu-monitoring/state", headers: [("Authorization", "Bearer \(fixture.ingestOnly)")])
        #expect(noReading.status == 403)
        #expect(try Self.observations(client, token: fixture.all) == before)
        let resend = try Self.post(client, Self.header(1) + "\n" + Self.battery(60), token: fixture.all)
        #expect(resend.status == 200 && resend.text.contains("\"duplicate\": true"))
        #expect(try Self.observations(client, token: fixture.all) == before)
    }

    @Test func anIngestFuzzOfThousandsOfCasesNeverCrashesTheServer() throws {
        let fixture = try LiveFixture()
        let server = try ServeProcess(["serve", "Generated/icu-monitoring", "--listen", "127.0.0.1:0", "--token-file",
                                       fixture.tokens, "--no-act"])
        defer { server.stop() }
        let client = server.client()
        var random = SplitMix64(seed: 2026)
        let alphabet = Array(#"{}[]":,0123456789.-eE truefalsnl\"#.utf8) + [0, 0xff, 0xc3, 10]
        var statuses: [Int: Int] = [:]
        var accepted = 0
        let cases = 3000
        for index in 0..<cases {
            let valid = Self.header(index + 10) + "\n" + Self.battery(Double(cases - index) / 10 + 1)
                + "\n" + #"{"type":"device","time":"\#(Self.stamp(Double(cases - index) / 10 + 1))","device":"ecg","interval_s":10,"generated":47,"delivered":46,"dropped":{"retries-exhausted":1},"latency":{"le_s":[0.1,0.25],"counts":[40,5,1]}}"#
            var bytes = Array(valid.utf8)
            for _ in 0..<(1 + Int(random.next() % 4)) {
                guard !bytes.isEmpty else { break }
                let position = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 5 {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                case 2: bytes[position] = alphabet[Int(random.next() % UInt64(alphabet.count))]
                case 3: bytes = Array(bytes[..<position])
                default: bytes.swapAt(position, Int(random.next() % UInt64(bytes.count)))
                }
            }
            let response = try client.request("POST", Self.telemetry, headers: [("Authorization", "Bearer \(fixture.all)")],
                                              body: Data(bytes))
            statuses[response.status, default: 0] += 1
            if response.status == 202 {
                accepted += (try? JSONParser.parse(response.text).map { Int($0["accepted"]?.value.numberValue ?? 0) }.get()) ?? 0
            }
            #expect(response.status < 500, "case \(index): HTTP \(response.status)")
        }
        #expect(server.process.isRunning)
        #expect(try Self.observations(client, token: fixture.all) == accepted)
        #expect(statuses.keys.allSatisfy { [200, 202, 400, 413, 422].contains($0) }, "\(statuses)")
    }

    @Test func aRestartMidStreamKeepsEveryAcknowledgedObservationAndResendsAddNothing() throws {
        let fixture = try LiveFixture()
        let arguments = ["serve", "Generated/icu-monitoring", "--listen", "127.0.0.1:0", "--token-file", fixture.tokens,
                         "--store", fixture.path("live.sqlite"), "--no-act"]
        var server = try ServeProcess(arguments)
        var batches: [String] = []
        var acknowledged = 0
        for index in 0..<40 {
            let body = Self.header(index + 1) + "\n" + Self.battery(Double(400 - index * 5), soc: 0.9 - Double(index) * 0.001)
            batches.append(body)
            let response = try Self.post(server.client(), body, token: fixture.all)
            if response.status == 202 { acknowledged += 1 }
        }
        #expect(acknowledged == 40)
        server.stop(kill: true)
        server = try ServeProcess(arguments)
        defer { server.stop() }
        let client = server.client()
        #expect(try Self.observations(client, token: fixture.all) == acknowledged)
        for body in batches {
            let response = try Self.post(client, body, token: fixture.all)
            #expect(response.status == 200)
        }
        #expect(try Self.observations(client, token: fixture.all) == acknowledged)
    }

    @Test func aGatewayFailureIsAGoalEventWithinTwoSeconds() throws {
        let fixture = try LiveFixture()
        let server = try ServeProcess(["serve", "Generated/icu-monitoring", "--listen", "127.0.0.1:0", "--token-file",
                                       fixture.tokens, "--no-act"])
        defer { server.stop() }
        _ = try Self.post(server.client(), Self.header(1) + "\n" + Self.battery(30), token: fixture.all)
        let streamed = Date()
        nonisolated(unsafe) var sentAt: Date?
        var arrivedAt: Date?
        // The event stream: read it on this client after the request line.
        let sse = HTTPClient(host: "127.0.0.1", port: server.port)
        try sse.sendRaw("GET /v1/twins/icu-monitoring/live?token=\(fixture.all) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let poster = Thread { [fixture] in
            Thread.sleep(forTimeInterval: 0.5)
            let body = Self.header(2) + "\n" + #"{"type":"gateway","time":"\#(Self.stamp(1))","gateway":"phone","status":"down"}"#
            sentAt = Date()
            _ = try? Self.post(server.client(), body, token: fixture.all)
        }
        poster.start()
        while Date().timeIntervalSince(streamed) < 20, let line = try sse.readLine() {
            if line.contains("survive-gateway-loss") && line.contains("at-risk") && line.contains("\"kind\":\"goal\"") {
                arrivedAt = Date()
                break
            }
        }
        sse.close()
        let delay = try #require(arrivedAt).timeIntervalSince(try #require(sentAt))
        #expect(delay < 2, "goal event \(delay) s after the telemetry was sent")
    }

    @Test func tokenCreatePrintsTheTokenOnceOnItsLastLineAndStoresOnlyItsHash() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("tokens").path
        let result = try ServeProcess.run(["token", "create", "--twin", "icu-monitoring", "--scopes", "ingest,read", "--file", file])
        #expect(result.status == 0)
        let token = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("twt_") && token.count > 40)
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!stored.contains(token))
        #expect(stored.contains(TokenFile.hash(token)))
        let tokens = try TokenFile.load(path: file)
        #expect(tokens.scopes(token: token, twin: "icu-monitoring") == [.ingest, .read])
        #expect(tokens.scopes(token: token, twin: "other").isEmpty)
    }
}
