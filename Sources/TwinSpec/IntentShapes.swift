import TwinUnits
import TwinVocabulary

/// The shapes of an intent document (see docs/documents.md, `kind: intent`).
public enum IntentShapes {
    public static let scope = ObjectShape(
        "scope", "Which devices a goal covers: any device matching a listed id, class or tag.", fields: [
            FieldShape("devices", .listOf(.identifier), "Device ids of the use case.", example: .list([.string("ecg")])),
            FieldShape("classes", .listOf(.identifier), "Device classes present in the use case.",
                       example: .list([.string("insulin-pump")])),
            FieldShape("tags", .listOf(.identifier), "Device tags of the use case.", example: .list([.string("vital")])),
        ],
        anyOfRequired: [["devices", "classes", "tags"]])

    public static let goal = ObjectShape("goal", "One outcome the network must achieve.", fields: [
        FieldShape("id", .identifier, required: true, "Unique in the intent.", example: .string("ecg-latency")),
        FieldShape("description", .text, "The goal in the stakeholder's words.",
                   example: .string("ECG samples reach the ward MEC in time.")),
        FieldShape("kpi", .oneOf(KPI.self), required: true, "What is measured.", example: .string("latency")),
        FieldShape("target", .threshold,
                   "The condition `[statistic] operator value`; the value has the KPI's dimension. Quote it when it starts with `>`.",
                   example: .string("p99 <= 250 ms")),
        FieldShape("scope", .object(scope), "Which devices; omit for every device."),
        FieldShape("priority", .oneOf(GoalPriority.self), required: true, "How much the goal matters.",
                   example: .string("critical")),
        FieldShape("within", .quantity(DeclaredRanges.goalWithin),
                   "Deadline: late packets count as lost (`delivery-ratio`); detection time (`security-detect`).",
                   example: .string("2 s")),
        FieldShape("threats", .listOf(.oneOf(Threat.self), atLeast: 1), "Threats of a security goal.",
                   example: .list([.string("jamming")])),
        FieldShape("level", .integer(DeclaredRanges.securityLevel),
                   "Minimum IEEE 802.15.6 security level of a `security-protect` goal: 0 none, 1 authentication, 2 authentication and encryption.",
                   example: .integer(2)),
        FieldShape("faults", .listOf(.oneOf(Fault.self)), "The target must hold under each of these faults.",
                   example: .list([.string("gateway-failure")])),
        FieldShape("at", .quantity(DeclaredRanges.eventTime),
                   "When the goal's faults or attacks happen, as a time into the run before the horizon; omit to place them a quarter into whatever horizon is run.",
                   example: .string("2 h")),
    ])

    public static let flowPin = ObjectShape(
        "flow", "How one device's traffic is represented when the twin runs, overriding the compiler's choice.", fields: [
            FieldShape("device", .identifier, required: true, "Device id of the use case.", example: .string("ar")),
            FieldShape("representation", .oneOf(FlowRepresentation.self), required: true,
                       "`packet` simulates every frame; `aggregate` serves a bulk flow's batches in expectation "
                       + "(wideband devices only).", example: .string("packet")),
        ])

    public static let document = ObjectShape(
        "intent", "What a use case's body network must achieve, in outcome terms.",
        fields: HeaderShapes.fields(.intent) + [
            FieldShape("name", .identifier, required: true, "The intent's name.", example: .string("icu-monitoring")),
            FieldShape("title", .text, "One-line title.", example: .string("ICU step-down monitoring")),
            FieldShape("description", .text, "A paragraph for the design report.",
                       example: .string("What the ward needs from one patient's BAN.")),
            FieldShape("usecase", .identifier, required: true, "The `name` of the use case the goals are about.",
                       example: .string("proactive-qa")),
            FieldShape("horizon", .quantity(DeclaredRanges.horizon), required: true, "How long the twin evaluates.",
                       example: .string("24 h")),
            FieldShape("goals", .listOf(.object(goal), atLeast: 1, atMost: DeclaredRanges.goals), required: true,
                       "The goals."),
            FieldShape("objectives", .listOf(.oneOf(Objective.self), atLeast: 1), required: true,
                       "Trade-off order, most important first.",
                       example: .list([.string("safety"), .string("reliability"), .string("lifetime")])),
            FieldShape("activity", .oneOf(ActivityProfileName.self),
                       "Overrides the use case's activity profile for this intent (who wears the network while the goals apply).",
                       example: .string("ward-patient")),
            FieldShape("flows", .listOf(.object(flowPin)),
                       "Pins how devices' flows are represented; the compiler chooses for the others (design.md says how)."),
        ])
}
