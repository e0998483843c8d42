/// How the runtime represents one device's traffic flow (intent `flows:`, plan, twin.json
/// `traffic.representation`).
///
/// Packet level is the default and answers every question; the aggregate
/// representation serves a bulk flow's batches in expectation (TwinRuntime
/// `AggregateFlow`), orders of magnitude cheaper, and is chosen only where no goal needs
/// the flow frame by frame (TwinSynthesis `FlowRepresentationChoice`).
public enum FlowRepresentation: String, Sendable, Hashable, CaseIterable {
    /// Every frame is simulated: queueing, each attempt, each delivery.
    case packet
    /// The flow's batches in expectation: energy, air time and counts kept, no per-frame draws.
    case aggregate
}
