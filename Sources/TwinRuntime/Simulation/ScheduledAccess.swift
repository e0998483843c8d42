import TwinEngine
import TwinModels

/// IEEE 802.15.6 scheduled (m-periodic) access: one event per allocation with data.
///
/// Source: Tachtatzis et al. 2012 and 2010 (ban-numbers.md §8★A); the timing is
/// `ScheduleParameters`'. At an allocation with data the device sends the queued frames
/// that fit, back to back; the hub decodes each against what is on the air and answers
/// with one B-Ack. Frames the B-Ack does not confirm are retried at the next
/// allocation, up to `maxRetries`. An allocation without data costs nothing (the device
/// sleeps through it) and is not even an event: the next allocation simulated is the
/// first one after the next arrival (arrivals are generated when the allocation looks
/// at the queue). Over a run the average current is that of the analytic model, which
/// the validation tests check against Tachtatzis et al.'s Table 3.
///
/// - Reads: the device's schedule, queue, next arrival, serving gateway.
/// - Changes: `epochs` (the generation of each device's allocation chain); the device's
///   queue (the burst leaves it; unconfirmed frames return to its head), its
///   acknowledged-frame window count and drops.
/// - Schedules: `.allocation`.
/// The coordinator checks the battery, puts each frame of the burst on the air
/// (`BANSimulation.sendDecidedFrame`) and decides the B-Ack between `takeBurst` and
/// `settle`; the burst's frames and flags live in buffers reused from one allocation
/// to the next, so an allocation allocates nothing.
struct ScheduledAccess: Sendable {
    typealias Event = BANSimulation.Event
    /// Per device: bumped whenever its allocation chain is re-armed (association
    /// change, recovery), so the allocation events of an older chain are ignored.
    private(set) var epochs: [Int32]
    /// Per device: its allocations (nil: it does not use scheduled access).
    let schedules: [ScheduleParameters?]
    private var spareBurst: [Packet] = []
    private var spareDecoded: [Bool] = []

    init(schedules: [ScheduleParameters?]) {
        self.schedules = schedules
        epochs = Array(repeating: 0, count: schedules.count)
    }

    /// Whether an allocation event of `epoch` belongs to the device's current chain.
    func isCurrent(_ device: Int, epoch: Int32) -> Bool { epoch == epochs[device] }

    /// Starts a new chain: schedules the device's first allocation at or after `time`
    /// at its serving gateway that will have data — with an empty queue, the first one
    /// at or after the next arrival (none when no arrival is left).
    mutating func arm(_ device: Int, after time: SimTime, status: NodeStatus, scheduler: inout Scheduler<Event>) {
        // The schedule is read in place, not bound: a copy held across the epoch's
        // update cost a retain and a release of its offsets per allocation.
        guard schedules[device] != nil else { return }
        epochs[device] &+= 1
        let target = status.queueEmpty ? Swift.max(time, status.nextArrival) : time
        guard let start = schedules[device]?.nextAllocation(atOrAfter: target, slot: Swift.max(0, status.serving)) else {
            return
        }
        scheduler.schedule(.allocation(device: Int32(device), epoch: epochs[device]), at: start)
    }

    /// Takes the frames that fit in the device's allocation at `slot` off the head of
    /// `queue`, in queue order. The schedule is read here, in place: the caller holding a
    /// copy across the burst cost a retain and a release of its offsets per allocation.
    mutating func takeBurst(_ device: Int, from queue: inout PacketQueue, slot: Int, frame: FrameFormat) -> [Packet] {
        var burst: [Packet] = []
        swap(&burst, &spareBurst)
        burst.removeAll(keepingCapacity: true)
        let count = schedules[device]?.framesFitting(count: queue.count,
                                                     payload: { Int(queue.packet(at: $0)?.payload ?? 0) },
                                                     frame: frame, slot: slot) ?? 0
        for _ in 0..<count {
            guard let packet = queue.popFirst() else { break }
            burst.append(packet)
        }
        return burst
    }

    /// A buffer of `count` "not decoded" flags for the burst.
    mutating func decodedFlags(count: Int) -> [Bool] {
        var decoded: [Bool] = []
        swap(&decoded, &spareDecoded)
        decoded.removeAll(keepingCapacity: true)
        // One append per frame: `append(contentsOf: repeatElement(…))` took the generic
        // sequence path, a third more instructions for a burst of two or three frames.
        for _ in 0..<count { decoded.append(false) }
        return decoded
    }

    /// After the B-Ack: confirmed frames count as acknowledged; the others return to the
    /// head of the queue in their order, or are dropped once they used `maxRetries`
    /// retries (or find the queue full). The buffers are kept for the next allocation.
    mutating func settle(_ burst: [Packet], decoded: [Bool], blockAck: Bool, maxRetries: Int,
                         node: inout DeviceState) {
        for index in burst.indices.reversed() {
            if blockAck && decoded[index] {
                node.window.acknowledged += 1
                continue
            }
            let packet = burst[index]
            if Int(packet.attempts) > maxRetries {
                node.outcome.recordDrop(packet, reason: packet.retriesExhaustedReason)
            } else if !node.queue.prepend(packet) {
                node.outcome.recordDrop(packet, reason: .queueOverflow)
            }
        }
        spareBurst = burst
        spareDecoded = decoded
    }
}
