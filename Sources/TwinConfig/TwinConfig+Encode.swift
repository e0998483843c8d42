import TwinJSON
import TwinUnits
import TwinVocabulary

/// Writes a `TwinConfig` as canonical twin.json: sorted keys, SI values with the unit
/// in the member name, numbers in the writer's fixed format. Same config → same bytes.
extension TwinConfig {
    public func jsonValue() -> JSONValue {
        .object([
            "format": .object(["name": "twinc-twin", "version": .int(TwinConfig.formatVersion)]),
            "name": .string(name),
            "title": .string(title),
            "usecase": .string(usecase),
            "generator": .string(generator),
            "run": run.jsonValue(),
            "network": network.jsonValue(),
            "models": .array(models.map { $0.jsonValue() }),
            "applications": .array(applications.map { $0.jsonValue() }),
            "goals": .array(goals.map { $0.jsonValue() }),
            "scenarios": .array(scenarios.map { $0.jsonValue() }),
            "knobs": .array(knobs.map { $0.jsonValue() }),
            "objectives": strings(objectives.map(\.rawValue)),
            "provenance": provenance?.jsonValue(),
            "activity": activity?.jsonValue(),
        ])
    }

    /// The canonical text of twin.json.
    public func canonicalJSON() -> String { JSONWriter.canonical.string(jsonValue()) }
}

private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

private func numbers(_ values: [String: Double]) -> JSONValue {
    .object(values.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })
}

extension RunSettings {
    func jsonValue() -> JSONValue {
        .object([
            "horizon_s": .number(horizon.si),
            "replications": .int(replications),
            "seed": .number(Double(seed)),
            "warmup_s": .number(warmup.si),
            "sampleInterval_s": .number(sampleInterval.si),
        ])
    }
}

extension ModelChoice {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "family": .string(family.rawValue), "method": .string(method),
            "applications": strings(applications.map(\.rawValue)), "parameters": numbers(parameters),
            "source": .string(source),
        ])
    }
}

extension ApplicationConfig {
    func jsonValue() -> JSONValue {
        .object(["id": .string(id.rawValue), "goals": strings(goals), "kpis": strings(kpis.map(\.rawValue))])
    }
}

extension GoalConfig {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "kpi": .string(kpi.rawValue), "priority": .string(priority.rawValue),
            "threshold": threshold.map { t in
                .object([
                    "statistic": .string(t.statistic.description),
                    "op": .string(t.op.rawValue),
                    "bound": .number(t.bound.value),
                    "unit": .string(t.bound.dimension.canonicalUnit),
                    "dimension": .string(t.bound.dimension.rawValue),
                ])
            },
            "devices": strings(devices), "threats": strings(threats.map(\.rawValue)), "faults": strings(faults.map(\.rawValue)),
            "within_s": within.map { .number($0.si) },
            "securityLevel": securityLevel.map { .int($0) },
        ])
    }
}

extension ScenarioConfig {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "kind": .string(kind.name), "description": .string(description),
            "goals": strings(goals),
            "events": .array(events.map { event in
                .object([
                    "at_s": event.atFraction == nil ? .number(event.at.si) : nil,
                    "at_fraction": event.atFraction.map(JSONValue.number), "kind": .string(event.kind.name),
                    "target": .string(event.target),
                    "duration_s": event.durationFraction == nil ? event.duration.map { .number($0.si) } : nil,
                    "duration_fraction": event.durationFraction.map(JSONValue.number),
                    "parameters": numbers(event.parameters),
                ])
            }),
        ])
    }
}

extension KnobConfig {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "parameter": .string(parameter.rawValue), "targets": strings(targets),
            "values": .array(values.map(JSONValue.number)), "current": .number(current),
            "unit": .string(unit), "labels": labels.isEmpty ? nil : strings(labels),
        ])
    }
}

extension NetworkConfig {
    func jsonValue() -> JSONValue {
        .object([
            "devices": .array(devices.map { $0.jsonValue() }),
            "gateways": .array(gateways.map { $0.jsonValue() }),
            "edges": .array(edges.map { edge in
                .object(["id": .string(edge.id), "tier": .string(edge.tier.rawValue),
                         "processingLatency_s": .number(edge.processingLatency.si)])
            }),
            "links": .array(links.map { link in
                .object([
                    "from": .string(link.from), "to": .string(link.to),
                    "technology": .string(link.technology.rawValue), "latency_s": .number(link.latency.si),
                    "jitter_s": .number(link.jitter.si), "rate_bps": .number(link.rate.si),
                    "availability": .number(link.availability.si),
                ])
            }),
        ])
    }
}

extension DeviceConfig {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "class": .string(deviceClass), "placement": .string(placement.rawValue),
            "inBody": .bool(inBody), "tags": strings(tags),
            "radio": .object([
                "profile": .string(radio.profile), "technology": .string(radio.technology.rawValue),
                "modulation": .string(radio.modulation), "frequency_Hz": .number(radio.frequency.si),
                "bitRate_bps": .number(radio.bitRate.si), "txPower_dBm": .number(radio.txPower.dBm),
                "txLevels": .array(radio.txLevels.map { level in
                    .object(["level_dBm": .number(level.level.dBm), "current_A": .number(level.current.si)])
                }),
                "rxCurrent_A": .number(radio.rxCurrent.si), "listenCurrent_A": .number(radio.listenCurrent.si),
                "sleepCurrent_A": .number(radio.sleepCurrent.si), "wakeupCurrent_A": .number(radio.wakeupCurrent.si),
                "wakeupTime_s": .number(radio.wakeupTime.si), "voltage_V": .number(radio.voltage.si),
                "sensitivity_dBm": .number(radio.sensitivity.dBm), "noiseFloor_dBm": .number(radio.noiseFloor.dBm),
            ]),
            "battery": .object([
                "profile": .string(battery.profile), "capacity_C": .number(battery.capacity.si),
                "voltage_V": .number(battery.voltage.si), "model": .string(battery.model.rawValue),
                "peukertExponent": .number(battery.peukertExponent),
                "ratedCurrent_A": .number(battery.ratedCurrent.si),
                "chemistry": battery.chemistry.map { .string($0.rawValue) },
                "cells": battery.cells == 1 ? nil : .int(battery.cells),
                "curve": battery.curve.isEmpty ? nil : .array(battery.curve.map { point in
                    .object(["delivered": .number(point.delivered), "voltage_V": .number(point.voltage.si)])
                }),
                "selfDischarge_per_year": battery.selfDischargePerYear == 0 ? nil : .number(battery.selfDischargePerYear),
            ]),
            "platform": platform.jsonValue(),
            "traffic": .object([
                "class": .string(traffic.trafficClass?.rawValue ?? ""), "payload_bits": .number(traffic.payload.si),
                "interval_s": .number(traffic.interval.si), "alarmRate_per_s": .number(traffic.alarmRate),
                "alarmPayload_bits": .number(traffic.alarmPayload.si),
                "latencyBudget_s": .number(traffic.latencyBudget.si),
                "aggregation": traffic.aggregation == 1 ? nil : .int(traffic.aggregation),
                "representation": traffic.representation == .packet ? nil : .string(traffic.representation.rawValue),
            ]),
            "mac": .object([
                "access": .string(mac.access.rawValue), "userPriority": .int(mac.userPriority),
                "slotLength_s": .number(mac.slotLength.si), "slots": .int(mac.slots),
                "period": .int(mac.period), "maxRetries": .int(mac.maxRetries),
                "connectionInterval_s": .number(mac.connectionInterval.si),
            ]),
            "gateway": .object(["primary": .string(primaryGateway), "backup": backupGateway.map(JSONValue.string)]),
            "securityLevel": .int(securityLevel),
            "relay": relay.map(JSONValue.string),
        ])
    }
}

extension GatewayConfig {
    func jsonValue() -> JSONValue {
        .object([
            "id": .string(id), "kind": .string(kind.rawValue), "placement": .string(placement.rawValue),
            "distance_m": .number(distance.si), "uplink": .string(uplink),
            "failoverTime_s": .number(failoverTime.si),
            "mtbf_s": mtbf.map { .number($0.si) }, "mttr_s": mttr.map { .number($0.si) },
        ])
    }
}
