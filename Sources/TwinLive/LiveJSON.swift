import TwinDiagnostics
import TwinJSON
import TwinUnits

/// The live twin's answers as JSON (the API's bodies, `twinc calibrate --format json`):
/// built as `JSONValue`s in a fixed member order, so the same state prints the same bytes.
public enum LiveJSON {
    static func number(_ value: Double?) -> JSONValue? {
        guard let value, value.isFinite else { return nil }
        return .number(value)
    }

    static func time(_ value: Timestamp?) -> JSONValue? { value.map { .string(RFC3339.format($0)) } }

    public static func assurance(_ goals: [GoalAssurance], at now: Timestamp?) -> JSONValue {
        .object([
            ("time", time(now) ?? .null),
            ("goals", .array(goals.map(goal))),
        ])
    }

    public static func goal(_ goal: GoalAssurance) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("goal", .string(goal.goal)), ("kpi", .string(goal.kpi.rawValue)), ("priority", .string(goal.priority.rawValue)),
            ("target", .string(goal.target)), ("state", .string(goal.state.rawValue)),
        ]
        if let value = number(goal.value) { members.append(("value", value)) }
        if let lower = number(goal.lower) { members.append(("lower", lower)) }
        if let upper = number(goal.upper) { members.append(("upper", upper)) }
        if let bound = number(goal.bound) { members.append(("bound", bound)) }
        if let dimension = goal.dimension { members.append(("unit", .string(dimension.canonicalUnit))) }
        if let value = goal.value, let dimension = goal.dimension {
            members.append(("text", .string(Quantity(value, dimension).formatted)))
        }
        if let device = goal.limitingDevice { members.append(("limitingDevice", .string(device))) }
        if let forecast = goal.forecast { members.append(("forecast", self.forecast(forecast))) }
        if let note = goal.note { members.append(("note", .string(note))) }
        return .object(members)
    }

    public static func forecast(_ forecast: GoalForecast) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("method", .string(forecast.method.rawValue)), ("value", number(forecast.value) ?? .null),
            ("lower", number(forecast.lower) ?? .null), ("upper", number(forecast.upper) ?? .null),
            ("verdict", .string(forecast.verdict.rawValue)),
        ]
        if let t = number(forecast.timeToViolation) { members.append(("timeToViolation_s", t)) }
        if let e = number(forecast.timeToViolationError) { members.append(("timeToViolationError_s", e)) }
        members.append(("text", .string(forecast.text)))
        return .object(members)
    }

    public static func event(_ event: LiveEvent, index: Int? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let index { members.append(("id", .int(index))) }
        members += [
            ("time", .string(RFC3339.format(event.time))), ("kind", .string(event.kind.rawValue)),
            ("subject", .string(event.subject)), ("message", .string(event.message)),
        ]
        if !event.evidence.isEmpty {
            members.append(("evidence", .object(event.evidence.map { ($0.0, number($0.1) ?? .null) })))
        }
        return .object(members)
    }

    public static func calibration(_ calibration: Calibration) -> JSONValue {
        .object([
            ("links", .array(calibration.links.map { link in
                var members: [(String, JSONValue)] = [
                    ("link", .string(link.link)), ("device", .string(link.device)), ("gateway", .string(link.gateway)),
                    ("primary", .bool(link.isPrimary)), ("offset_dB", number(link.offset.dB) ?? .null),
                    ("offsetSigma_dB", number(link.offsetSigma.dB) ?? .null),
                    ("modelSigma_dB", number(link.modelSigma.dB) ?? .null),
                ]
                if let spread = link.observedSpread { members.append(("observedSpread_dB", number(spread.dB) ?? .null)) }
                members.append(("evidence", .int(link.evidence)))
                if let since = time(link.since) { members.append(("since", since)) }
                return .object(members)
            })),
            ("batteries", .array(calibration.batteries.map { battery in
                .object([
                    ("device", .string(battery.device)), ("nominalCapacity_C", number(battery.nominalCapacity.si)),
                    ("capacity_C", number(battery.capacity?.si)), ("drain_A", number(battery.drain?.si)),
                    ("drainError_A", number(battery.drainError?.si)),
                    ("predictedCurrent_A", number(battery.predictedCurrent?.si)),
                    ("extraCurrent_A", number(battery.extraCurrent?.si)), ("readings", .int(battery.readings)),
                ].compactMap { key, value in value.map { (key, $0) } })
            })),
            ("activity", .object(calibration.activity.map { ($0.posture, number($0.share) ?? .null) })),
            ("provenance", .object([
                ("from", time(calibration.provenance.from) ?? .null), ("to", time(calibration.provenance.to) ?? .null),
                ("batches", .int(calibration.provenance.batches)),
                ("observations", .int(calibration.provenance.observations)),
                ("method", .string(calibration.provenance.method)),
            ])),
        ])
    }

    public static func state(_ twin: LiveTwin) -> JSONValue {
        let model = twin.model, state = twin.state
        let now = state.clock
        return .object([
            ("twin", .string(model.name)), ("time", time(now) ?? .null),
            ("posture", state.posture.map { .string($0.rawValue) } ?? .null),
            ("batches", .int(state.batchesAccepted)), ("observations", .int(state.observationsAccepted)),
            ("duplicates", .int(state.duplicatesIgnored)),
            ("gateways", .array(model.gateways.indices.map { index in
                .object([("id", .string(model.gateways[index])), ("up", .bool(state.gateways[index].up)),
                         ("since", time(state.gateways[index].since) ?? .null)])
            })),
            ("links", .array(model.links.indices.map { index in
                let link = state.links[index], info = model.links[index]
                let level = link.tracker.staticLevel
                return .object([
                    ("link", .string(info.id)), ("modelLevel_dBm", .number(info.modelLevel.dBm)),
                    ("level_dBm", number(link.lastLevel) ?? .null), ("staticLevel_dBm", number(level.mean) ?? .null),
                    ("predicted_dBm", number(link.lastPredicted?.mean) ?? .null),
                    ("predictedSigma_dB", number(link.lastPredicted?.sigma) ?? .null),
                    ("framesSent", .int(link.framesSent)), ("framesAcked", .int(link.framesAcknowledged)),
                    ("driftEvidence", number(link.test.evidence) ?? .null), ("drifts", .int(link.drifts)),
                ])
            })),
            ("devices", .array(model.devices.indices.map { index in
                let device = state.devices[index]
                let totals = now.map { device.window.totals(now: $0) }
                return .object([
                    ("device", .string(model.devices[index].id)),
                    ("generated", .int(totals?.generated ?? 0)), ("delivered", .int(totals?.delivered ?? 0)),
                    ("deliveryRatio", totals.flatMap { $0.generated > 0 ? .number(Double($0.delivered) / Double($0.generated)) : nil } ?? .null),
                    ("batteryRemaining_C", number(device.battery.remaining?.si) ?? .null),
                    ("drain_A", number(device.battery.drain?.current.si) ?? .null),
                    ("dead", .bool(device.dead)),
                ])
            })),
        ])
    }

    public static func diagnostics(_ diagnostics: [Diagnostic]) -> JSONValue { JSONRenderer().value(diagnostics) }
}
