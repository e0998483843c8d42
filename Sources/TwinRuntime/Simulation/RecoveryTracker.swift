import TwinEngine

/// Per scenario event and device: the first delivery after the event (recovery), the
/// longest gap between deliveries after it, and how many deliveries followed.
///
/// A delivery counts for an event when the packet crossed the BAN (was decoded by a
/// gateway) at or after the event time, so frames already on the uplink when a gateway
/// fails do not pass for recovery. Memory is one small record per (event, device).
struct RecoveryTracker: Sendable {
    struct Record: Sendable {
        var first: SimTime?
        var last: SimTime = .zero
        var longestGap: SimTime = .zero
        var count = 0
    }

    let eventTimes: [SimTime]
    let devices: Int
    /// One record per (event, device), event-major in one table: a delivery touches one
    /// array (one uniqueness check), not an array of arrays.
    private(set) var records: [Record]

    init(eventTimes: [SimTime], devices: Int) {
        self.eventTimes = eventTimes
        self.devices = devices
        records = Array(repeating: Record(), count: eventTimes.count * devices)
    }

    /// A packet of `device` crossed the BAN at `crossedAt` and reached the edge at `arrivedAt`.
    mutating func delivered(device: Int, crossedAt: SimTime, arrivedAt: SimTime) {
        let devices = devices, eventTimes = eventTimes
        records.withUnsafeMutableBufferPointer { records in
            for event in eventTimes.indices where crossedAt >= eventTimes[event] {
                let eventTime = eventTimes[event]
                var record = records[event * devices + device]
                let previous = record.first == nil ? eventTime : record.last
                if arrivedAt > previous, arrivedAt - previous > record.longestGap { record.longestGap = arrivedAt - previous }
                if record.first == nil { record.first = arrivedAt }
                if arrivedAt > record.last { record.last = arrivedAt }
                record.count += 1
                records[event * devices + device] = record
            }
        }
    }

    /// The outcome of `event` for every device, closing the last gap at `horizon`.
    func recoveries(event: Int, deviceIDs: [String], horizon: SimTime) -> [DeviceRecovery] {
        let at = eventTimes[event]
        return deviceIDs.indices.map { device in
            let record = records[event * devices + device]
            let last = record.first == nil ? at : Swift.max(record.last, at)
            let tail = horizon > last ? horizon - last : .zero
            return DeviceRecovery(deviceID: deviceIDs[device], recoveryTime: record.first.map { $0 - at },
                                  longestGap: Swift.max(record.longestGap, tail), deliveredAfter: record.count)
        }
    }
}
