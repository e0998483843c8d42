import TwinDiagnostics
import TwinSpec
import TwinVocabulary

/// The applications of a plan: one catalogue entry for each application the use case
/// lists, plus the cheapest set of further entries that evaluates every goal; each goal
/// is evaluated by one of them.
struct ApplicationChoice: Sendable {
    struct Chosen: Sendable {
        var entry: CatalogueEntry
        var requestedByUseCase: Bool
        var goals: [String]
    }

    var chosen: [Chosen]
    /// Goal id → the application entry id evaluating it.
    var assignment: [String: String]

    var injectsFaults: Bool { chosen.contains { $0.entry.providedCapabilities.contains("fault-injection") } }

    static func eligible(_ entry: CatalogueEntry, for goal: Goal) -> Bool {
        entry.evaluatedKPIs.contains(goal.kpi.value)
            && (goal.faults.isEmpty || entry.providedCapabilities.contains("fault-injection"))
    }

    static func choose(intent: Intent, useCase: UseCase, catalogue: SynthesisCatalogue,
                       diagnostics: inout [Diagnostic]) -> ApplicationChoice {
        let entries = catalogue.applications.sorted { ($0.costValue, $0.id.value) < ($1.costValue, $1.id.value) }
        var included: [CatalogueEntry] = []
        var requested = Set<String>()
        for use in useCase.applications {
            guard let entry = entries.first(where: { $0.applicationKind == use.id.value }) else {
                diagnostics.append(.error(
                    SynthesisDiagnostics.noApplication,
                    "no catalogue application implements `\(use.id.value.rawValue)`", at: use.id.range))
                continue
            }
            if !included.contains(where: { $0.id.value == entry.id.value }) { included.append(entry) }
            requested.insert(entry.id.value)
        }
        // Goals no requested application evaluates: add the cheapest set of entries that
        // evaluates all of them (exhaustive over subsets of the candidates; few exist).
        let uncovered = intent.goals.filter { goal in !included.contains { eligible($0, for: goal) } }
        let candidates = entries.filter { entry in
            !included.contains { $0.id.value == entry.id.value } && uncovered.contains { eligible(entry, for: $0) }
        }
        var bestExtra: [CatalogueEntry] = []
        if !uncovered.isEmpty, candidates.count <= 16 {
            var bestCost = Double.infinity
            var bestKey: [String] = []
            for mask in 1..<(1 << candidates.count) {
                let subset = candidates.indices.filter { mask & (1 << $0) != 0 }.map { candidates[$0] }
                let coverable = uncovered.filter { goal in candidates.contains { eligible($0, for: goal) } }
                guard coverable.allSatisfy({ goal in subset.contains { eligible($0, for: goal) } }) else { continue }
                let cost = subset.map(\.costValue).reduce(0, +)
                let key = subset.map(\.id.value).sorted()
                if cost < bestCost - 1e-9 || (abs(cost - bestCost) <= 1e-9 && key.lexicographicallyPrecedes(bestKey)) {
                    bestCost = cost
                    bestKey = key
                    bestExtra = subset
                }
            }
        }
        included += bestExtra
        var assignment: [String: String] = [:]
        var goalsByApplication: [String: [String]] = [:]
        for goal in intent.goals {
            let options = included.filter { eligible($0, for: goal) }.sorted { $0.id.value < $1.id.value }
            guard let application = options.first else {
                let kpi = goal.kpi.value.rawValue
                let what = goal.faults.isEmpty ? "KPI `\(kpi)`" : "KPI `\(kpi)` under faults"
                diagnostics.append(.error(
                    SynthesisDiagnostics.noApplication, "no application evaluates goal `\(goal.id.value)` (\(what))",
                    at: goal.kpi.range,
                    notes: [DiagnosticNote("applications in the catalogue: "
                        + entries.map { "`\($0.id.value)` (\($0.evaluatedKPIs.map(\.rawValue).joined(separator: ", ")))" }
                        .joined(separator: "; "))]))
                continue
            }
            assignment[goal.id.value] = application.id.value
            goalsByApplication[application.id.value, default: []].append(goal.id.value)
        }
        let chosen = included.sorted { $0.id.value < $1.id.value }.map {
            Chosen(entry: $0, requestedByUseCase: requested.contains($0.id.value), goals: goalsByApplication[$0.id.value] ?? [])
        }
        return ApplicationChoice(chosen: chosen, assignment: assignment)
    }
}
