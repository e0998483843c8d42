import Foundation

/// Why a CVSS vector string was rejected; each case names the offending part so the
/// spec stage can point at it.
public enum CVSSParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The string does not start with `CVSS:3.1/`.
    case missingPrefix(String)
    /// A part is not `Metric:Value`.
    case malformedPart(String)
    /// A metric name that is not a v3.1 base metric.
    case unknownMetric(String)
    /// A value the metric does not define; `allowed` lists the valid ones.
    case invalidValue(metric: String, value: String, allowed: [String])
    case duplicateMetric(String)
    /// Base metrics absent from the vector, in specification order.
    case missingMetrics([String])

    public var description: String {
        switch self {
        case .missingPrefix(let text): "CVSS vector must start with 'CVSS:3.1/', found '\(text)'"
        case .malformedPart(let part): "'\(part)' is not of the form Metric:Value"
        case .unknownMetric(let name): "'\(name)' is not a CVSS v3.1 base metric"
        case let .invalidValue(metric, value, allowed):
            "'\(value)' is not a value of \(metric) (expected one of \(allowed.joined(separator: ", ")))"
        case .duplicateMetric(let name): "metric '\(name)' appears more than once"
        case .missingMetrics(let names): "missing base metric(s) \(names.joined(separator: ", "))"
        }
    }
}

extension CVSSVector {
    /// The base metrics in specification order.
    public static let baseMetricNames = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"]

    /// Parses `CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H` (metrics in any order, each
    /// exactly once; temporal and environmental metrics are not accepted).
    public static func parse(_ text: String) -> Result<CVSSVector, CVSSParseError> {
        let prefix = "CVSS:3.1/"
        guard text.hasPrefix(prefix) else { return .failure(.missingPrefix(String(text.prefix(9)))) }
        var values: [String: String] = [:]
        for part in text.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                return .failure(.malformedPart(String(part)))
            }
            let name = String(pieces[0]), value = String(pieces[1])
            guard baseMetricNames.contains(name) else { return .failure(.unknownMetric(name)) }
            guard values[name] == nil else { return .failure(.duplicateMetric(name)) }
            values[name] = value
        }
        let missing = baseMetricNames.filter { values[$0] == nil }
        guard missing.isEmpty else { return .failure(.missingMetrics(missing)) }

        func read<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) -> Result<T, CVSSParseError>
        where T.RawValue == String {
            let value = values[name] ?? ""
            guard let parsed = T(rawValue: value) else {
                return .failure(.invalidValue(metric: name, value: value, allowed: T.allCases.map(\.rawValue)))
            }
            return .success(parsed)
        }
        do throws(CVSSParseError) {
            return .success(CVSSVector(
                attackVector: try read("AV", AttackVector.self).get(),
                attackComplexity: try read("AC", AttackComplexity.self).get(),
                privilegesRequired: try read("PR", PrivilegesRequired.self).get(),
                userInteraction: try read("UI", UserInteraction.self).get(),
                scope: try read("S", Scope.self).get(),
                confidentiality: try read("C", Impact.self).get(),
                integrity: try read("I", Impact.self).get(),
                availability: try read("A", Impact.self).get()))
        } catch {
            return .failure(error)
        }
    }
}
