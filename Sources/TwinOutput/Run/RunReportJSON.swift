import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The report as JSON, written by the canonical writer (sorted keys, fixed number
/// format): same twin, same overrides → same bytes. Values are in SI with the unit in
/// the member name, like twin.json; a goal's value carries its unit beside it because
/// it depends on the KPI.
extension RunReport {
    public static let formatName = "twinc-run"
    /// 2: three verdicts (`inconclusive`), estimates with their interval's method and
    /// ends cut to the KPI's range (`estimate`, `lower`, `upper`, `method`).
    public static let formatVersion = 2

    public func jsonValue() -> JSONValue {
        .object([
            "format": .object(["name": .string(Self.formatName), "version": .int(Self.formatVersion)]),
            "twin": .string(twin),
            "title": .string(title),
            "settings": .object([
                "horizon_s": .number(settings.horizon.si),
                "warmup_s": .number(settings.warmup.si),
                "warmupShortened": .bool(warmupShortened),
                "replications": .int(settings.replications),
                "sequential": stopping.map { record in
                    .object([
                        "batch": .int(record.stopping.batch), "maximum": .int(record.stopping.maximum),
                        "timeBudget_s": record.stopping.wallClockBudget.map { .number($0.si) },
                        "reason": .string(record.reason.rawValue), "batches": .int(record.batches),
                        "open": .array(record.open.map { goal in
                            .object([
                                "goal": .string(goal.goalID), "scenario": .string(goal.scenarioID),
                                "replications": .int(goal.replications), "value": goal.estimate?.jsonValue(),
                                "needs": goal.requirement.map { .string($0) },
                            ])
                        }),
                    ])
                },
                "seed": .number(Double(settings.seed)),
            ]),
            "eventsHandled": .int(eventsHandled),
            "scenarios": .array(scenarios.map { $0.jsonValue() }),
            "summary": .object([
                "met": .int(summary.filter { $0.verdict == .met }.count),
                "notMet": .int(summary.filter { $0.verdict == .notMet }.count),
                "inconclusive": .int(summary.filter { $0.verdict == .inconclusive }.count),
                "notEvaluated": .int(summary.filter { $0.verdict == .notEvaluated }.count),
                "goals": .array(summary.map { goal in
                    .object([
                        "id": .string(goal.goalID), "kpi": .string(goal.kpi.rawValue), "priority": .string(goal.priority.rawValue),
                        "verdict": .string(goal.verdict.rawValue),
                        "failedIn": .array(goal.failedIn.map(JSONValue.string)),
                        "inconclusiveIn": .array(goal.inconclusiveIn.map(JSONValue.string)),
                        "evaluatedIn": .array(goal.evaluatedIn.map(JSONValue.string)),
                        "notEvaluatedReason": goal.notEvaluatedReason.map(JSONValue.string),
                    ])
                }),
            ]),
            "errors": .array(errors.map(JSONValue.string)),
        ])
    }

    /// The canonical JSON text.
    public func canonicalJSON() -> String { JSONWriter.canonical.string(jsonValue()) }
}

extension ScenarioReport {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "kind": .string(kind.name), "description": .string(description),
            "eventsHandled": .int(eventsHandled), "eventsAfterHorizon": .int(eventsAfterHorizon),
            "replications": .int(replications),
            // Only a scenario stopped where its goals settled (`GoalSettling`) has it.
            "simulatedUntil_s": simulatedUntil.map { .number($0.si) },
            "goals": .array(goals.map { $0.jsonValue() }),
            "devices": .array(devices.map { $0.jsonValue() }),
        ])
    }
}

extension GoalResult {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(goalID), "kpi": .string(kpi.rawValue), "priority": .string(priority.rawValue),
            "threshold": threshold.map { t in
                .object([
                    "statistic": .string(t.statistic.description), "op": .string(t.op.rawValue),
                    "bound": .number(t.bound.value), "unit": .string(t.bound.dimension.canonicalUnit),
                    "dimension": .string(t.bound.dimension.rawValue),
                ])
            },
            "within_s": within.map { .number($0.si) },
            "securityLevel": securityLevel.map { .int($0) },
            "securityLevelReached": securityLevelReached.map { .int($0) },
            "value": value?.jsonValue(),
            "samples": .array(samples.map { $0.map(JSONValue.number) ?? .null }),
            "verdict": .string(verdict.rawValue),
            "limitingDevice": limitingDevice.map(JSONValue.string),
            "limitingLoss": limitingLoss.map { $0.jsonValue() },
            "note": note.map(JSONValue.string),
        ])
    }
}

extension Estimate {
    public func jsonValue() -> JSONValue {
        .object([
            "estimate": .number(point), "lower": lower.map(JSONValue.number), "upper": upper.map(JSONValue.number),
            "method": .string(method.rawValue),
            "replications": .int(replications), "unit": .string(dimension.canonicalUnit),
            "dimension": .string(dimension.rawValue),
        ])
    }
}

extension DeviceFigures {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "class": .string(deviceClass),
            "generated": .number(generated), "delivered": .number(delivered),
            "dropped": .object(DropReason.allCases.map { ($0.description, .number(dropped($0))) }),
            "onTime": .number(onTime), "pending": .number(pending),
            "losses": .array(losses.map { $0.jsonValue() }),
            "retransmissions": .number(retransmissions),
            "deliveryRatio": deliveryRatio?.jsonValue(),
            "onTimeRatio": onTimeRatio?.jsonValue(),
            "latency": latency.map { l in
                .object([
                    "packets": .int(l.packets), "mean_s": .number(l.mean.si), "p50_s": .number(l.p50.si),
                    "p95_s": .number(l.p95.si), "p99_s": .number(l.p99.si), "max_s": .number(l.maximum.si),
                ])
            },
            "energy_J": .object([
                "transmit": .number(energy.transmit.si), "receive": .number(energy.receive.si),
                "listen": .number(energy.listen.si), "sleep": .number(energy.sleep.si),
                "wakeUp": .number(energy.wakeUp.si), "baseline": .number(energy.baseline.si),
                "total": .number(energy.total.si),
            ]),
            "averageCurrent": averageCurrent?.jsonValue(),
            "lifetime": lifetime?.jsonValue(),
            "diedIn": .int(diedIn),
            // Only for relayed devices and relays, so other twins' results are unchanged.
            "relay": relay.map(JSONValue.string),
            "relayedDeliveries": relay == nil ? nil : .number(relayedDeliveries),
            "framesRelayed": framesRelayed > 0 ? .number(framesRelayed) : nil,
        ])
    }
}

extension LossShare {
    func jsonValue() -> JSONValue {
        .object([
            "device": .string(device), "hop": .string(hop.rawValue), "cause": .string(cause.rawValue),
            "packets": .number(packets), "share": .number(share),
        ])
    }
}
