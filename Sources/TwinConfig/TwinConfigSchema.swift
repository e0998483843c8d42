import TwinJSON
import TwinUnits
import TwinVocabulary

/// The JSON Schema (draft-07) of twin.json, published beside the document schemas
/// (`twinc schema twin`, `Generated/schema/twin.schema.json`) so tools that consume a
/// twin can validate it. Written by hand from the same member names the encoder uses;
/// a test checks that every member of a generated twin.json is described here.
extension TwinConfig {
    public static func jsonSchema() -> String {
        JSONWriter.canonical.string(TwinSchemaBuilder.root())
    }
}

enum TwinSchemaBuilder {
    static func root() -> JSONValue {
        var schema = members("A ready-to-run twin configuration written by `twinc compile`.", [
            ("format", object("Format name and version; readers refuse newer versions.", [
                ("name", string("Always `twinc-twin`.", enumeration: ["twinc-twin"])),
                ("version", integer("Format version.", minimum: 1)),
            ])),
            ("name", string("The intent's name.")),
            ("title", string("Human title.")),
            ("usecase", string("The use case the intent refers to.")),
            ("generator", string("The twinc version that wrote the file.")),
            ("run", object("How to run the twin.", [
                ("horizon_s", number("Simulated horizon in seconds.", minimum: 0)),
                ("replications", integer("Independent replications per scenario.", minimum: 1)),
                ("seed", integer("Base seed of the random streams.", minimum: 0)),
                ("warmup_s", number("Warm-up excluded from statistics, seconds.", minimum: 0)),
                ("sampleInterval_s", number("Time-series sampling interval, seconds.", minimum: 0)),
            ])),
            ("network", network()),
            ("models", array("Chosen models with their representation method.", object("A chosen model.", [
                ("id", string("Catalogue id.")), ("family", closedSet("Model family.", ModelFamily.self)),
                ("method", string("Representation method id (a catalogue method).")),
                ("applications", closedSets("Applications that use it.", ApplicationKind.self)),
                ("parameters", numberMap("Numeric parameters in SI; the key ends in its unit.")),
                ("source", string("Citation of the model's published source.")),
            ]))),
            ("applications", array("Selected twin applications.", object("An application.", [
                ("id", closedSet("Which twin application.", ApplicationKind.self)), ("goals", strings("Goals it evaluates.")),
                ("kpis", closedSets("KPIs it monitors.", KPI.self)),
            ]))),
            ("goals", array("The intent's goals as KPI monitors.", goal())),
            ("scenarios", array("Scenarios to evaluate.", scenario())),
            ("knobs", array("Settings the optimiser may change.", .object(members("A knob.", [
                ("id", string("`device.parameter`.")), ("parameter", closedSet("What it sets.", KnobParameter.self)),
                ("targets", strings("Devices it applies to.")),
                ("values", array("The discrete range.", number("A value in `unit`."))),
                ("current", number("The configured value.")), ("unit", string("Unit of the values.")),
                ("labels", array("For `unit` `index`: what value i selects (the `gateway` knob: gateway ids, "
                                 + "value i makes labels[i] the primary gateway; the `relay` knob: `none`, then "
                                 + "device ids, value i > 0 makes labels[i] the device's relay).", string("A label."))),
            ], optional: ["labels"])))),
            ("objectives", closedSets("Objective order (lexicographic).", Objective.self)),
            ("provenance", TwinProvenance.schema()),
            ("activity", ActivityConfig.schema()),
        ], optional: ["provenance", "activity"])
        schema.insert(("$schema", .string("http://json-schema.org/draft-07/schema#")), at: 0)
        schema.insert(("$id", .string("https://twinc.dev/schema/twin.schema.json")), at: 1)
        schema.insert(("title", .string("twinc twin configuration (twin.json)")), at: 2)
        return .object(schema)
    }

    static func network() -> JSONValue {
        .object(members("Devices, gateways, edge tiers and links.", [
            ("devices", array("Body devices.", device())),
            ("gateways", array("Gateways that terminate the BAN.", .object(members("A gateway.", [
                ("id", string("Id.")), ("kind", closedSet("What the gateway is.", GatewayKind.self)),
                ("placement", closedSet("Body placement or off-body.", Placement.self)),
                ("distance_m", number("Distance from the body for off-body hubs, metres.", minimum: 0)),
                ("uplink", string("The node its uplink leads to.")),
                ("failoverTime_s", number("Time for devices to move to their backup, seconds.", minimum: 0)),
                ("mtbf_s", nullableNumber("Mean time between failures, seconds.")),
                ("mttr_s", nullableNumber("Mean time to repair, seconds.")),
            ], optional: ["mtbf_s", "mttr_s"])))),
            ("edges", array("Edge tiers.", .object(members("An edge tier.", [
                ("id", string("Id.")), ("tier", closedSet("Which tier.", EdgeTierKind.self)),
                ("processingLatency_s", number("Processing delay, seconds.", minimum: 0)),
            ])))),
            ("links", array("Links between tiers.", .object(members("A link.", [
                ("from", string("Node id.")), ("to", string("Node id.")), ("technology", closedSet("Link technology.", Technology.self)),
                ("latency_s", number("Mean latency, seconds.", minimum: 0)),
                ("jitter_s", number("Jitter, seconds.", minimum: 0)), ("rate_bps", number("Capacity, bit/s.", minimum: 0)),
                ("availability", number("Availability as a fraction.", minimum: 0, maximum: 1)),
            ])))),
        ]))
    }

    static func device() -> JSONValue {
        .object(members("A body device with every parameter resolved.", [
            ("id", string("Id.")), ("class", string("Device class (built-in or a catalogue's).")),
            ("placement", closedSet("Body placement.", Placement.self)),
            ("inBody", boolean("True for implants.")), ("tags", strings("Tags goals scope by.")),
            ("radio", .object(members("Radio.", [
                ("profile", string("Catalogue radio profile.")), ("technology", closedSet("Radio technology.", Technology.self)),
                ("modulation", string("The PHY model's modulation (dqpsk, dbpsk, gfsk, oqpsk, wideband, or a catalogue's).")),
                ("frequency_Hz", number("Centre frequency, Hz.", minimum: 0)),
                ("bitRate_bps", number("PHY data rate, bit/s.", minimum: 0)),
                ("txPower_dBm", number("Configured TX power, dBm.")),
                ("txLevels", array("TX levels and the supply current at each.", .object(members("A TX level.", [
                    ("level_dBm", number("Output power, dBm.")), ("current_A", number("Supply current, A.", minimum: 0)),
                ])))),
                ("rxCurrent_A", number("Receive current, A.", minimum: 0)),
                ("listenCurrent_A", number("Idle-listening current, A.", minimum: 0)),
                ("sleepCurrent_A", number("Sleep current, A.", minimum: 0)),
                ("wakeupCurrent_A", number("Wake-up current, A.", minimum: 0)),
                ("wakeupTime_s", number("Sleep-to-active time, seconds.", minimum: 0)),
                ("voltage_V", number("Supply voltage, V.", minimum: 0)),
                ("sensitivity_dBm", number("Receiver sensitivity, dBm.")),
                ("noiseFloor_dBm", number("Receiver noise floor, dBm.")),
            ]))),
            ("battery", .object(members("Battery.", [
                ("profile", string("Catalogue cell profile.")), ("capacity_C", number("Capacity, coulombs.", minimum: 0)),
                ("voltage_V", number("Nominal voltage, V.", minimum: 0)),
                ("model", closedSet("Drain model.", BatteryDrainModel.self)),
                ("peukertExponent", number("Peukert exponent k.", minimum: 1)),
                ("ratedCurrent_A", number("Current at which the capacity is rated, A.", minimum: 0)),
                ("chemistry", closedSet("Cell chemistry.", BatteryChemistry.self)),
                ("cells", integer("Cells in series (default 1).", minimum: 1, maximum: 64)),
                ("curve", array("One cell's loaded voltage against the share of the capacity delivered, full to "
                                + "cutoff (the last point); absent: flat at the nominal voltage.",
                                .object(members("A point of the discharge curve.", [
                    ("delivered", number("Share of the rated capacity delivered, 0-1.", minimum: 0, maximum: 1)),
                    ("voltage_V", number("Loaded cell voltage, V.", minimum: 0)),
                ])))),
                ("selfDischarge_per_year", number("Self-discharge, share of the capacity per year.", minimum: 0, maximum: 1)),
            ], optional: ["chemistry", "cells", "curve", "selfDischarge_per_year"]))),
            ("platform", .object(members("Loads besides the radio and the regulator from the battery (issue 11).", [
                ("name", string("Platform name (the device class's).")),
                ("regulator", .object(members("Converter between battery and rail.", [
                    ("name", string("Part.")), ("source", string("Datasheet.")),
                    ("kind", closedSet("Converter kind.", RegulatorKind.self)),
                    ("outputVoltage_V", number("Rail voltage, V (absent for direct).", minimum: 0)),
                    ("efficiency", number("Switching efficiency in power save (1 for direct/linear).", minimum: 0, maximum: 1)),
                    ("quiescentCurrent_A", number("Quiescent current from the battery, A.", minimum: 0)),
                    ("minimumInput_V", number("Lowest battery voltage holding the rail, V.", minimum: 0)),
                ], optional: ["outputVoltage_V"]))),
                ("components", array("Loads on the rail.", .object(members("One load.", [
                    ("name", string("Part.")), ("source", string("Datasheet or product figure.")),
                    ("role", closedSet("Role.", PlatformRole.self)),
                    ("activePower_W", number("Draw while active, W.", minimum: 0)),
                    ("idlePower_W", number("Draw while idle, W.", minimum: 0)),
                    ("dutyCycle", number("Share of time active.", minimum: 0, maximum: 1)),
                    ("energyPerEvent_J", number("Energy per actuator event, J.", minimum: 0)),
                    ("eventsPerDay", number("Actuator events per day.", minimum: 0)),
                ])))),
            ]))),
            ("traffic", .object(members("Traffic.", [
                ("class", string("ISO/IEEE 11073 class, or empty for none.",
                                 enumeration: [""] + TrafficClass.allCases.map(\.rawValue))),
                ("payload_bits", number("Periodic payload, bits.", minimum: 0)),
                ("interval_s", number("Period between packets, seconds.", minimum: 0)),
                ("alarmRate_per_s", number("Poisson alarm rate, per second.", minimum: 0)),
                ("alarmPayload_bits", number("Alarm payload, bits.", minimum: 0)),
                ("latencyBudget_s", number("Deadline, seconds.", minimum: 0)),
                ("aggregation", integer("Samples per packet (default 1): a packet every k intervals carrying k "
                                        + "samples; latency counts from the first sample.", minimum: 1)),
                ("representation", string("How the runtime represents the flow (default packet): packet, or aggregate "
                                          + "(a wideband flow's batches in expectation).",
                                          enumeration: FlowRepresentation.allCases.map(\.rawValue))),
            ], optional: ["aggregation", "representation"]))),
            ("mac", .object(members("Medium access.", [
                ("access", closedSet("Access method.", AccessMode.self)),
                ("userPriority", integer("802.15.6 user priority 0-7.", minimum: 0, maximum: 7)),
                ("slotLength_s", number("Scheduled-access slot length, seconds.", minimum: 0)),
                ("slots", integer("Slots per superframe.", minimum: 0)),
                ("period", integer("Superframes per allocation.", minimum: 0)),
                ("maxRetries", integer("Retransmissions before a drop.", minimum: 0)),
                ("connectionInterval_s", number("BLE connection interval, seconds.", minimum: 0)),
            ]))),
            ("gateway", .object(members("Gateways the device uses.", [
                ("primary", string("Primary gateway id.")),
                ("backup", .object([("type", .array([.string("string"), .string("null")])),
                                    ("description", .string("Backup gateway id."))])),
            ], optional: ["backup"]))),
            ("securityLevel", integer("802.15.6 security level 0-2.", minimum: 0, maximum: 2)),
            ("relay", string("Id of the on-body device that relays this device's frames (IEEE 802.15.6 two-hop, "
                             + "incremental decode-and-forward); absent: direct only.")),
        ], optional: ["relay"]))
    }

    static func goal() -> JSONValue {
        .object(members("A goal.", [
            ("id", string("Goal id.")), ("kpi", closedSet("KPI.", KPI.self)), ("priority", closedSet("Priority.", GoalPriority.self)),
            ("threshold", .object(members("Comparison the KPI must satisfy.", [
                ("statistic", string("mean, min, max or pNN.")),
                ("op", string("Comparison operator.", enumeration: ComparisonOperator.allCases.map(\.rawValue))),
                ("bound", number("Bound in SI.")), ("unit", string("SI unit of the bound.")),
                ("dimension", string("Dimension of the bound.", enumeration: Dimension.allCases.map(\.rawValue))),
            ]))),
            ("devices", strings("Devices in scope.")), ("threats", closedSets("Threats.", Threat.self)),
            ("faults", closedSets("Faults.", Fault.self)),
            ("within_s", nullableNumber("Deadline or detection time, seconds.")),
            ("securityLevel", .object([("type", .array([.string("integer"), .string("null")])),
                                       ("description", .string("Required 802.15.6 security level."))])),
        ], optional: ["threshold", "within_s", "securityLevel"]))
    }

    static func scenario() -> JSONValue {
        .object(members("A scenario.", [
            ("id", string("Scenario id.")),
            ("kind", string("baseline, a fault, a threat or script.", enumeration: ScenarioKind.allCases.map(\.name))),
            ("description", string("What happens.")), ("goals", strings("Goals evaluated in it.")),
            ("events", array("Timed events.", .object(members("An injected event.", [
                ("at_s", number("Start, seconds (a time the intent gave); or `at_fraction`.", minimum: 0)),
                ("at_fraction", number("Start as a share of the horizon (0 to 0.99), resolved against the horizon run; "
                    + "or `at_s`.", minimum: 0, maximum: 0.99)),
                ("kind", string("Event kind.", enumeration: ScenarioEventKind.allCases.map(\.name))),
                ("target", string("Device, gateway, posture or `body`.")),
                ("duration_s", nullableNumber("Duration, seconds; absent for permanent events.")),
                ("duration_fraction", number("Duration as a share of the horizon; or `duration_s`.", minimum: 0, maximum: 1)),
                ("parameters", numberMap("Numeric parameters; the key ends in its unit.")),
            ], optional: ["at_s", "at_fraction", "duration_s", "duration_fraction"])))),
        ]))
    }

    // MARK: - Building blocks

    static func members(_ description: String, _ properties: [(String, JSONValue)],
                        optional: Set<String> = []) -> [(String, JSONValue)] {
        [("type", .string("object")), ("description", .string(description)), ("additionalProperties", .bool(false)),
         ("properties", .object(properties)),
         ("required", .array(properties.map(\.0).filter { !optional.contains($0) }.map(JSONValue.string)))]
    }

    static func object(_ description: String, _ properties: [(String, JSONValue)]) -> JSONValue {
        .object(members(description, properties, optional: []))
    }

    static func string(_ description: String, enumeration: [String] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string("string")), ("description", .string(description))]
        if !enumeration.isEmpty { members.append(("enum", .array(enumeration.map(JSONValue.string)))) }
        return .object(members)
    }

    /// A member naming one case of a vocabulary enum: the schema lists `allCases`, so it
    /// cannot drift from what the reader accepts.
    static func closedSet<Value>(_ description: String, _: Value.Type) -> JSONValue
    where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
        string(description, enumeration: Value.allCases.map(\.rawValue))
    }

    static func closedSets<Value>(_ description: String, _ type: Value.Type) -> JSONValue
    where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
        array(description, closedSet("A name.", type))
    }

    static func number(_ description: String, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
        bounded("number", description, minimum, maximum)
    }

    static func integer(_ description: String, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
        bounded("integer", description, minimum, maximum)
    }

    private static func bounded(_ type: String, _ description: String, _ minimum: Double?, _ maximum: Double?) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(type)), ("description", .string(description))]
        if let minimum { members.append(("minimum", .number(minimum))) }
        if let maximum { members.append(("maximum", .number(maximum))) }
        return .object(members)
    }

    static func nullableNumber(_ description: String) -> JSONValue {
        .object([("type", .array([.string("number"), .string("null")])), ("description", .string(description))])
    }

    static func boolean(_ description: String) -> JSONValue {
        .object([("type", .string("boolean")), ("description", .string(description))])
    }

    static func array(_ description: String, _ items: JSONValue) -> JSONValue {
        .object([("type", .string("array")), ("description", .string(description)), ("items", items)])
    }

    static func strings(_ description: String) -> JSONValue { array(description, string("An id or name.")) }

    static func numberMap(_ description: String) -> JSONValue {
        .object([("type", .string("object")), ("description", .string(description)),
                 ("additionalProperties", .object([("type", .string("number"))]))])
    }
}
