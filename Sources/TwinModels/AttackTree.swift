import Foundation

/// An attack tree: leaves are attack steps with a success probability; an AND node
/// succeeds when all children succeed, an OR node when any does (children independent).
///
/// Source: ban-numbers.md §6 ("the root probability is the product over AND-nodes and
/// `1 − Π(1 − p)` over OR-nodes"); Schneier, "Attack Trees", Dr. Dobb's Journal 1999.
public indirect enum AttackTree: Sendable, Hashable {
    case leaf(name: String, probability: Double)
    case all(name: String, children: [AttackTree])
    case any(name: String, children: [AttackTree])

    public static let source = "Schneier 1999 attack trees; AND = product, OR = 1 - prod(1 - p) (ban-numbers.md §6)"

    public var name: String {
        switch self {
        case .leaf(let name, _), .all(let name, _), .any(let name, _): name
        }
    }

    /// Probability that the goal at this node is achieved. Leaf probabilities are
    /// clamped to 0…1; an empty AND is certain, an empty OR impossible.
    public var probability: Double {
        switch self {
        case .leaf(_, let p): Swift.min(Swift.max(p, 0), 1)
        case .all(_, let children): children.reduce(1) { $0 * $1.probability }
        case .any(_, let children): 1 - children.reduce(1) { $0 * (1 - $1.probability) }
        }
    }

    /// Leaf names in depth-first order.
    public var leafNames: [String] {
        switch self {
        case .leaf(let name, _): [name]
        case .all(_, let children), .any(_, let children): children.flatMap(\.leafNames)
        }
    }

    /// The tree with every leaf called `name` set to `probability` (e.g. a
    /// countermeasure that lowers one step).
    public func settingLeaf(_ name: String, to probability: Double) -> AttackTree {
        switch self {
        case .leaf(let leafName, let p): .leaf(name: leafName, probability: leafName == name ? probability : p)
        case .all(let n, let children): .all(name: n, children: children.map { $0.settingLeaf(name, to: probability) })
        case .any(let n, let children): .any(name: n, children: children.map { $0.settingLeaf(name, to: probability) })
        }
    }

    /// Each distinct leaf with the root probability that remains when that step is made
    /// impossible (probability 0), most effective countermeasure first; ties keep
    /// depth-first order. The security application uses it to rank protections.
    public func countermeasureRanking() -> [(leaf: String, residualProbability: Double)] {
        var seen: Set<String> = []
        let leaves = leafNames.filter { seen.insert($0).inserted }
        return leaves.enumerated()
            .map { (offset: $0.offset, leaf: $0.element, residual: settingLeaf($0.element, to: 0).probability) }
            .sorted { $0.residual != $1.residual ? $0.residual < $1.residual : $0.offset < $1.offset }
            .map { (leaf: $0.leaf, residualProbability: $0.residual) }
    }
}
