import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

extension OptimisationResult {
    /// The `optimisation` member of the results JSON (see the contract in
    /// `TwinAnalysis`): values in SI, in the KPI's canonical unit.
    public func jsonValue() -> JSONValue {
        var members = coreJSON().objectValue ?? []
        members += safetyMembers()
        return .object(members)
    }

    private func coreJSON() -> JSONValue {
        .object([
            "objectives": .array(objectives.map(JSONValue.string)),
            "objectiveCategories": .array(objectiveCategories.map { .string($0.rawValue) }),
            "knobs": .array(knobs.map { knob in
                .object([
                    "id": .string(knob.id), "parameter": .string(knob.parameter.rawValue), "unit": .string(knob.unit),
                    "baseline": .number(knob.baseline), "recommended": .number(knob.recommended),
                    "changed": .bool(knob.changed),
                    "labels": knob.labels.isEmpty ? nil : .array(knob.labels.map(JSONValue.string)),
                ])
            }),
            "search": .string(method.rawValue),
            "spaceSize": .number(spaceSize),
            "candidatesConsidered": .int(candidatesConsidered),
            "candidatesSimulated": .int(candidatesSimulated),
            "confirmation": confirmation.map { settings in
                .object([
                    "horizon_s": .number(settings.horizon.si), "replications": .int(settings.replications),
                    "seed": .number(Double(settings.seed)), "warmup_s": .number(settings.warmup.si),
                    "eventScale": .number(settings.eventScale),
                ])
            } ?? .null,
            "verdictSettings": verdictSettings.map { settings in
                .object([
                    "horizon_s": .number(settings.horizon.si),
                    "replications": .int(verdictReplications.max() ?? settings.replications),
                    "replicationsPerScenario": .array(verdictReplications.map(JSONValue.int)),
                    "seed": .number(Double(settings.seed)), "warmup_s": .number(settings.warmup.si),
                ])
            } ?? .null,
            "verdicts": .array(verdicts.map { row in
                .object([
                    "goal": .string(row.goal), "kpi": .string(row.kpi.rawValue), "priority": .string(row.priority.rawValue),
                    "target": .string(row.target),
                    "unit": row.dimension.map { .string($0.canonicalUnit) } ?? .null,
                    "baseline": row.baseline.jsonValue(), "recommended": row.recommended.jsonValue(),
                    "difference": row.difference.map { $0.jsonValue() } ?? .null,
                ])
            }),
            "evidence": .array(evidence.map { $0.jsonValue() }),
            "notes": .array(notes.map(JSONValue.string)),
        ])
    }

    /// Floors, side effects, the common-random-numbers check, unmet critical goals,
    /// refused settings and other applications' proposals.
    private func safetyMembers() -> [(String, JSONValue)] {
        let proposals: [JSONValue] = self.proposals.map { proposal in
            .object(["origin": .string(proposal.origin), "agrees": .bool(proposal.agrees),
                     "explanation": .string(proposal.explanation),
                     "knobs": .object(proposal.settings.map { ($0.id, JSONValue.number($0.value)) })])
        }
        let excluded: [JSONValue] = self.excluded.map { setting in
            .object(["knob": .string(setting.knob), "value": .number(setting.value),
                     "application": .string(setting.application), "reason": .string(setting.reason)])
        }
        return [
            ("commonRandomNumbers", commonRandomNumbers.map { $0.jsonValue() } ?? .null),
            ("floors", .array(floors.map { $0.jsonValue() })),
            ("sideEffects", .array(sideEffects.map { $0.jsonValue() })),
            ("unmetCriticalGoals", .array(unmetCriticalGoals.map { $0.jsonValue() })),
            ("excluded", .array(excluded)),
            ("proposals", .array(proposals)),
        ]
    }
}

extension MeasuredGoal {
    func jsonValue() -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        return .object([
            "value": number(value?.point), "low": number(value?.lower), "high": number(value?.upper),
            "verdict": .string(verdict.rawValue), "scenario": scenario.map(JSONValue.string) ?? .null,
            "securityLevelReached": securityLevelReached.map(JSONValue.int),
        ])
    }
}

extension CandidateEvidence {
    func jsonValue() -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        return .object([
            "analyticRank": .int(analyticRank), "baseline": .bool(isBaseline), "recommended": .bool(isRecommended),
            "eligible": .bool(eligible), "origin": .string(origin), "simulated": .bool(simulated),
            "ineligibleBecause": .array(ineligibleBecause.map(JSONValue.string)),
            "knobs": .object(changes.map { ($0.id, JSONValue.number($0.value)) }),
            "relativeCurrent": number(relativeCurrent),
            "analytic": .array(analytic.map { score in
                .object([
                    "goal": .string(score.goal), "value": number(score.value), "verdict": .string(score.verdict.rawValue),
                    "slack": number(score.slack),
                ])
            }),
            "measured": .array(measured.map { goal in
                var members = goal.jsonValue().objectValue ?? []
                members.append(("goal", .string(goal.goal)))
                return .object(members)
            }),
        ])
    }
}
