import Prometheus
import TwinLive

/// The server's Prometheus metrics (`GET /metrics`): per twin and goal the KPI value and
/// its assurance state (0 met, 1 at risk, 2 violated, 3 inconclusive), ingest counters
/// and latency, drift events. Names follow Prometheus conventions (`_total`, base units).
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    public func batchAccepted(twin: String, observations: Int, seconds: Double) {
        registry.makeCounter(name: "twinc_ingest_batches_total", labels: [("twin", twin), ("result", "accepted")]).increment()
        registry.makeCounter(name: "twinc_ingest_observations_total", labels: [("twin", twin)]).increment(by: Int64(observations))
        registry.makeValueHistogram(name: "twinc_ingest_seconds", labels: [("twin", twin)],
                                    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1])
            .record(seconds)
    }

    public func batchRefused(twin: String, code: String) {
        registry.makeCounter(name: "twinc_ingest_batches_total", labels: [("twin", twin), ("result", code)]).increment()
    }

    public func duplicate(twin: String) {
        registry.makeCounter(name: "twinc_ingest_batches_total", labels: [("twin", twin), ("result", "duplicate")]).increment()
    }

    public func events(twin: String, _ events: [LiveEvent]) {
        for event in events where event.kind == .drift {
            registry.makeCounter(name: "twinc_drift_events_total", labels: [("twin", twin), ("subject", event.subject)]).increment()
        }
    }

    public func goals(twin: String, _ goals: [GoalAssurance]) {
        for goal in goals {
            let state: Double
            switch goal.state {
            case .met: state = 0
            case .atRisk: state = 1
            case .violated: state = 2
            case .inconclusive: state = 3
            }
            registry.makeGauge(name: "twinc_goal_state", labels: [("twin", twin), ("goal", goal.goal)]).set(state)
            if let value = goal.value, value.isFinite {
                registry.makeGauge(name: "twinc_goal_value", labels: [("twin", twin), ("goal", goal.goal), ("kpi", goal.kpi.rawValue)])
                    .set(value)
            }
        }
    }

    public func text() -> String { registry.emitToString() }
}
