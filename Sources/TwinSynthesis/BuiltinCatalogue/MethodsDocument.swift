import TwinVocabulary

/// Representation methods: how a chosen model is evaluated, which model families each
/// can represent, at which fidelity, and at what relative cost. Synthesis pairs each
/// model with the cheapest method that represents its family at the fidelity its goals
/// need (critical goals: packet level, i.e. discrete-event simulation).
extension BuiltinCatalogue {
    static let methods = BuiltinDocument(path: "builtin/methods.yaml", text: """
    # Representation methods and the model families they can represent.
    twin: 1
    kind: catalogue
    name: builtin-methods
    description: Representation methods of the seed - graph, time series, simulation, closed form, Markov, attack tree, lookup table.
    methods:
      - id: graph
        title: Graph
        description: >-
          The network as a graph of devices, gateways and edge tiers; reachability,
          alternative paths and cut sets after a failure.
        representation: analytic
        families: [reliability, compute]
        fidelity: [analytic]
        cost: 0.5
      - id: time-series
        title: Time series
        description: >-
          A model evaluated as a sampled time series (traffic profiles, posture sequences,
          battery state of charge) at the run's sample interval.
        representation: trace-replay
        families: [traffic, mobility, energy, battery]
        fidelity: [flow, analytic]
        cost: 1
      - id: discrete-event
        title: Discrete-event simulation
        description: >-
          Packet-level simulation on the runtime's deterministic event loop; the only
          method that gives packet-level fidelity, required by critical goals.
        representation: discrete-event
        families: [channel, phy, mac, traffic, energy, battery, mobility, reliability, security, compute]
        fidelity: [packet, flow]
        cost: 4
      - id: analytic
        title: Analytic closed form
        description: >-
          A closed-form expression evaluated once per scenario (path-loss budget, airtime,
          Tachtatzis lifetime, CVSS score, M/D/1 delay).
        representation: analytic
        families: [channel, phy, mac, traffic, energy, battery, reliability, security, compute]
        fidelity: [analytic]
        cost: 1
      - id: markov
        title: Markov chain
        description: >-
          A continuous-time Markov chain solved for its steady state or transient (posture
          chain, failure and repair, availability, back-off states).
        representation: markov
        families: [mobility, reliability, mac, channel]
        fidelity: [flow, analytic]
        cost: 2
      - id: attack-tree
        title: Attack tree
        description: >-
          AND/OR tree over threat steps; the root probability is the product over AND-nodes
          and 1 - prod(1 - p) over OR-nodes, scored with CVSS v3.1.
        representation: analytic
        families: [security]
        fidelity: [analytic]
        cost: 0.5
      - id: lookup-table
        title: Lookup table
        description: >-
          Precomputed or measured tables indexed by the model's inputs (path-loss map, BER
          table, TX-level currents, battery capacity).
        representation: lookup-table
        families: [channel, phy, energy, battery]
        fidelity: [analytic]
        cost: 0.5
    """)
}
