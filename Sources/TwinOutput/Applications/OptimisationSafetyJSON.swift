import TwinApplications
import TwinJSON
import TwinRuntime
import TwinUnits

/// The safety members of the results JSON's `optimisation`: floors, side effects, the
/// common-random-numbers check, paired differences and the unmet critical goals. Values
/// in SI (ratios as fractions, times in seconds).
private func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }

extension PairedDifference {
    func jsonValue() -> JSONValue {
        .object(["mean": number(mean), "low": number(lower), "high": number(upper), "pairs": .int(pairs),
                 "method": .string("paired-student-t")])
    }
}

extension CommonRandomNumbers {
    func jsonValue() -> JSONValue {
        .object(["seed": .number(Double(seed)), "replications": .array(replications.map(JSONValue.int)),
                 "horizon_s": .number(horizon.si),
                 "pairs": .int(pairs), "verified": .bool(verified)])
    }
}

extension DeviceFloor {
    func jsonValue() -> JSONValue {
        .object([
            "device": .string(device), "class": .string(trafficClass?.rawValue ?? ""),
            "delivery": .number(delivery), "deliveryBasis": .string(deliveryBasis),
            "latency_s": .number(latency.si), "latencyBasis": .string(latencyBasis),
            "outage": .number(outage), "outageBasis": .string(outageBasis),
        ])
    }
}

extension FloorViolation {
    func jsonValue() -> JSONValue {
        .object(["kind": .string(kind.rawValue), "device": .string(device),
                 "scenario": scenario.map(JSONValue.string) ?? .null, "value": number(value), "limit": number(limit),
                 "detail": .string(detail)])
    }
}

extension DeviceSideEffect {
    func jsonValue() -> JSONValue {
        func estimate(_ value: Estimate?) -> JSONValue {
            value.map { .object(["value": number($0.point), "low": number($0.lower), "high": number($0.upper)]) } ?? .null
        }
        return .object([
            "device": .string(device), "scenario": .string(scenario),
            "floor": floor.jsonValue(),
            "deliveryBefore": estimate(deliveryBefore), "deliveryAfter": estimate(deliveryAfter),
            "deliveryChange": deliveryChange.map { $0.jsonValue() } ?? .null,
            "p99Before_s": number(p99Before?.si), "p99After_s": number(p99After?.si),
            "p99Change_s": p99Change.map { $0.jsonValue() } ?? .null,
            "lifetimeBefore_s": estimate(lifetimeBefore), "lifetimeAfter_s": estimate(lifetimeAfter),
            "violations": .array(violations.map { $0.jsonValue() }),
        ])
    }
}

extension UnmetCriticalGoal {
    func jsonValue() -> JSONValue {
        .object([
            "goal": .string(goal), "target": .string(target), "verdict": .string(verdict.rawValue),
            "bestMeasured": bestMeasured.map { $0.jsonValue() } ?? .null,
            "bestMeasuredSetting": .string(bestMeasuredSetting),
            "scored": .int(scored), "predictedToMeet": .int(predictedToMeet), "bestPredicted": number(bestPredicted),
            "simulated": .int(simulated), "metByIneligible": .array(metByIneligible.map(JSONValue.string)),
            "bottleneck": bottleneck.map { $0.jsonValue() } ?? .null,
            "statement": .string(statement),
        ])
    }
}

extension Bottleneck {
    func jsonValue() -> JSONValue {
        .object([
            "goal": .string(goal), "device": .string(device), "scenario": .string(scenario), "unit": .string(unit),
            "summary": .string(summary),
            "parts": .array(parts.map { part in
                .object(["hop": .string(part.hop), "cause": .string(part.cause), "amount": number(part.amount),
                         "share": number(part.share)])
            }),
        ])
    }
}
