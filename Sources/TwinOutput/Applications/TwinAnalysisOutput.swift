import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

extension TwinAnalysis {
    /// The results JSON: the runtime report's members (unchanged, so readers of
    /// `twinc run --format json` keep working) plus `applications` and `optimisation`.
    /// `TwinReport` draws the HTML page from this value alone.
    public func jsonValue() -> JSONValue {
        var members = report.jsonValue().objectValue ?? []
        var applications: [(String, JSONValue)] = []
        if let view { applications.append((ApplicationKind.networkView.rawValue, view.jsonValue())) }
        if let resilience { applications.append((ApplicationKind.resilience.rawValue, resilience.jsonValue())) }
        if let energy { applications.append((ApplicationKind.energy.rawValue, energy.jsonValue())) }
        if let security { applications.append((ApplicationKind.security.rawValue, security.jsonValue())) }
        members.append(("applications", .object(applications)))
        if let optimisation { members.append(("optimisation", optimisation.jsonValue())) }
        return .object(members)
    }

    public func canonicalJSON() -> String { JSONWriter.canonical.string(jsonValue()) }

    /// The text report: the run's header and verdict matrix, the optimiser's
    /// recommendation in one paragraph, then the runtime's tables per scenario, each
    /// application's section and the verdict table (baseline vs recommended).
    public func text() -> String {
        var out = report.headerText() + "\n" + report.verdictMatrixText()
        if let headline = optimisation?.headline() { out += "\n" + headline }
        out += report.detailsText()
        // The energy section says whether the optimiser's recommendation is its own.
        let energyText = energy.map { $0.text() + (optimisation?.proposalsText() ?? "") }
        for section in [resilience?.text(), energyText, security?.text(), optimisation?.text()] {
            if let section, !section.isEmpty { out += "\n" + section }
        }
        return out
    }
}
