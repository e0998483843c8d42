import TwinConfig
import TwinVocabulary

/// The order goals are weighed in: priority (critical, high, medium, low), then the
/// intent's `objectives` order (the first objective that covers the goal's KPI), then
/// the order of the goals in twin.json.
///
/// Which objectives cover a KPI (`coverage`; an objective may cover several; a KPI no
/// listed objective covers comes after those that are): safety covers the timely
/// clinical data and attacks noticed (latency, delivery ratio, recovery time, attack
/// detection), reliability the delivery, availability and recovery, energy the energy
/// and lifetime, security protection and detection, privacy protection, cost energy;
/// latency, throughput and lifetime cover their own KPI. A switch over both enums, so
/// a new objective or KPI cannot be left out.
public enum GoalOrder {
    /// Priorities from the most important: critical, high, medium, low.
    public static let priorities = GoalPriority.allCases

    static func coverage(_ objective: Objective) -> [KPI] {
        switch objective {
        case .safety: [.latency, .deliveryRatio, .recoveryTime, .securityDetect]
        case .reliability: [.deliveryRatio, .availability, .recoveryTime]
        case .latency: [.latency]
        case .throughput: [.throughput]
        case .lifetime: [.lifetime]
        case .energy: [.energy, .lifetime]
        case .security: [.securityProtect, .securityDetect]
        case .privacy: [.securityProtect]
        case .cost: [.energy]
        }
    }

    /// Rank of a priority: 0 critical … 3 low.
    public static func priorityRank(_ priority: GoalPriority) -> Int {
        priorities.firstIndex(of: priority) ?? priorities.count
    }

    /// Rank of a KPI in the objectives: the index of the first objective covering it.
    public static func objectiveRank(_ kpi: KPI, objectives: [Objective]) -> Int {
        objectives.firstIndex { coverage($0).contains(kpi) } ?? objectives.count
    }

    /// The goals of `config` in lexicographic order.
    public static func ordered(_ config: TwinConfig) -> [GoalConfig] {
        config.goals.enumerated().sorted { a, b in
            let keyA = (priorityRank(a.element.priority), objectiveRank(a.element.kpi, objectives: config.objectives), a.offset)
            let keyB = (priorityRank(b.element.priority), objectiveRank(b.element.kpi, objectives: config.objectives), b.offset)
            return keyA < keyB
        }.map(\.element)
    }
}
