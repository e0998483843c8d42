import Foundation
import TwinJSON
import TwinLive

/// Sends synthetic, valid telemetry to a server as fast as it takes it, or at a fixed
/// rate, from several connections, and measures what came back: observations accepted
/// per second and each request's latency. Connection c reports device c mod D only, so
/// concurrent connections never interleave one stream's timestamps.
public struct LoadGenerator: Sendable {
    public var url: String
    public var token: String
    public var model: LiveModel
    public var connections: Int
    public var batchSize: Int
    /// Observations per second over all connections; nil: as fast as possible.
    public var rate: Double?
    public var duration: Double

    public init(url: String, token: String, model: LiveModel, connections: Int, batchSize: Int, rate: Double?,
                duration: Double) {
        self.url = url
        self.token = token
        self.model = model
        self.connections = connections
        self.batchSize = batchSize
        self.rate = rate
        self.duration = duration
    }

    public struct Result: Sendable {
        public var observations: Int
        public var requests: Int
        public var failures: Int
        public var seconds: Double
        public var latencies: [Double]

        public var throughput: Double { Double(observations) / seconds }

        public func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let sorted = latencies.sorted()
            return sorted[Swift.min(sorted.count - 1, Swift.max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }

        public var json: JSONValue {
            .object([
                ("observations", .int(observations)), ("requests", .int(requests)), ("failures", .int(failures)),
                ("seconds", .number(seconds)), ("observationsPerSecond", .number(throughput)),
                ("latencyP50_s", .number(percentile(0.5))), ("latencyP99_s", .number(percentile(0.99))),
                ("latencyMax_s", .number(percentile(1))),
            ])
        }
    }

    func body(connection: Int, batch: Int, base: Double) -> Data {
        let device = model.devices[connection % model.devices.count].id
        var text = "{\"type\":\"batch\",\"source\":\"load-\(connection)\",\"sequence\":\(batch)}\n"
        for index in 0..<batchSize {
            let time = RFC3339.format(Timestamp(secondsSinceEpoch: base + Double(batch * batchSize + index) * 0.001))
            text += "{\"type\":\"device\",\"time\":\"\(time)\",\"device\":\"\(device)\",\"interval_s\":1,\"generated\":5,\"delivered\":5}\n"
        }
        return Data(text.utf8)
    }

    /// Per-connection results gathered under a lock.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var total = Result(observations: 0, requests: 0, failures: 0, seconds: 0, latencies: [])

        func add(_ local: Result) {
            lock.lock()
            total.observations += local.observations
            total.requests += local.requests
            total.failures += local.failures
            total.latencies += local.latencies
            lock.unlock()
        }
    }

    public func run() throws -> Result {
        guard let target = HTTPClient.parse(url) else { throw HTTPClientError.connect("bad URL \(url)") }
        let base = Date().timeIntervalSince1970 - 2 * 86_400
        let collected = Collected()
        let started = Date()
        let perConnectionInterval = rate.map { Double(batchSize * connections) / $0 }
        DispatchQueue.concurrentPerform(iterations: connections) { connection in
            let client = HTTPClient(host: target.host, port: target.port)
            defer { client.close() }
            var local = Result(observations: 0, requests: 0, failures: 0, seconds: 0, latencies: [])
            var batch = 0
            let first = Date()
            while Date().timeIntervalSince(started) < duration {
                batch += 1
                if let interval = perConnectionInterval {
                    let due = first.addingTimeInterval(Double(batch - 1) * interval)
                    let wait = due.timeIntervalSinceNow
                    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                }
                let data = body(connection: connection, batch: batch, base: base)
                let sent = Date()
                do {
                    let response = try client.request("POST", target.path, headers: [
                        ("Authorization", "Bearer \(token)"), ("Content-Type", "application/x-ndjson"),
                    ], body: data)
                    local.latencies.append(Date().timeIntervalSince(sent))
                    local.requests += 1
                    if response.status == 202 { local.observations += batchSize } else { local.failures += 1 }
                } catch {
                    local.failures += 1
                    client.close()
                }
            }
            collected.add(local)
        }
        var total = collected.total
        total.seconds = Date().timeIntervalSince(started)
        return total
    }
}
