/// One candidate's device estimates, in the configuration's device order.
///
/// Why not a dictionary by id: the search scores a hundred thousand candidates, and a
/// dictionary per candidate, hashed again per device for every goal, floor and the
/// relative current, with each estimate copied in and out, was about a fifth of the
/// search (perf). The hot paths read by device index (`AnalyticGoals` keeps each goal's
/// scope as indices); `subscript(id:)` serves the rest.
struct DeviceEstimates: Sendable, Equatable {
    /// Device ids in configuration order, shared by every candidate's estimates.
    let ids: [String]
    /// Aligned with `ids`.
    var values: [DeviceEstimate]

    subscript(index: Int) -> DeviceEstimate { values[index] }

    /// The estimate of the device with `id` (nil: no such device).
    subscript(id: String) -> DeviceEstimate? { ids.firstIndex(of: id).map { values[$0] } }
}
