/// How finely a model or method represents the network.
public enum Fidelity: String, Sendable, Hashable, CaseIterable {
    case packet, flow, analytic
}

public enum ModelFamily: String, Sendable, Hashable, CaseIterable {
    case channel, phy, mac, traffic, energy, battery, mobility, reliability, security, compute
}

/// Representation methods: how a model is evaluated.
public enum Representation: String, Sendable, Hashable, CaseIterable {
    case discreteEvent = "discrete-event"
    case analytic, markov
    case lookupTable = "lookup-table"
    case traceReplay = "trace-replay"
    case surrogate
}

public enum BatteryChemistry: String, Sendable, Hashable, CaseIterable {
    case liMnO2 = "li-mno2"
    case liIon = "li-ion"
    case liPolymer = "li-polymer"
    case liIodine = "li-iodine"
    case alkaline, nimh
    case zincAir = "zinc-air"
}
