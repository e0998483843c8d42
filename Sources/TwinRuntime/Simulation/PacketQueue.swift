import TwinEngine

/// One MAC frame's worth of application data on its way from a device to the edge.
///
/// A sample or alarm larger than one frame body is split into several packets when it
/// is generated (`DeviceState.enqueue`); the second and later packets of a split carry
/// `continuesBurst`, so CSMA/CA sends them as a burst (pMIFS apart, no new backoff) and
/// scheduled access sends them back to back in the allocation.
struct Packet: Sendable {
    var generated: SimTime
    /// When it reached the head of the queue (start of MAC service).
    var headOfQueue: SimTime
    var payload: Int32
    var attempts: Int16 = 0
    /// Counted in the outcome (generated at or after warm-up).
    var counted: Bool
    var isAlarm: Bool
    var continuesBurst: Bool
    /// The gateway already decoded it: its fate is settled (delivered, lost on the
    /// uplink, or pending), so a retransmission after a lost ACK is a duplicate.
    var reachedGateway: Bool = false
    /// The gateway of the last attempt was down (labels a final drop `gateway-down`).
    var lastAttemptGatewayDown: Bool = false
    /// The last attempt failed with interference on the air (labels a final drop
    /// `collision`, else `channel-fade`).
    var lastAttemptCollided: Bool = false

    /// Why the MAC gave up on it after its last attempt.
    var retriesExhaustedReason: DropReason {
        lastAttemptGatewayDown ? .noGatewayReachable : lastAttemptCollided ? .collision : .channelFade
    }
}

/// A bounded FIFO of packets (the MAC buffer, Castalia `macBufferSize`), as a ring
/// buffer so a long run allocates nothing after warm-up. Alarms may jump the queue.
struct PacketQueue: Sendable {
    private var storage: [Packet?]
    private var head = 0
    private(set) var count = 0

    init(capacity: Int) {
        storage = Array(repeating: nil, count: Swift.max(1, capacity))
    }

    var capacity: Int { storage.count }
    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count == storage.count }

    /// Appends `packet`; false (and nothing stored) when the queue is full.
    mutating func append(_ packet: Packet) -> Bool {
        guard !isFull else { return false }
        storage[slot(count)] = packet
        count += 1
        return true
    }

    /// Puts `packet` in front of every waiting packet (alarms, retries of scheduled
    /// frames); false when full.
    mutating func prepend(_ packet: Packet) -> Bool {
        guard !isFull else { return false }
        head = head == 0 ? storage.count - 1 : head - 1
        storage[head] = packet
        count += 1
        return true
    }

    /// Inserts `packet` after the alarms at the head of the queue (ahead of every
    /// waiting sample); false when full.
    mutating func insertAfterLeadingAlarms(_ packet: Packet) -> Bool {
        guard !isFull else { return false }
        var position = 0
        while position < count, storage[slot(position)]?.isAlarm == true { position += 1 }
        var index = count
        while index > position {
            storage[slot(index)] = storage[slot(index - 1)]
            index -= 1
        }
        storage[slot(position)] = packet
        count += 1
        return true
    }

    var first: Packet? { count > 0 ? storage[head] : nil }

    /// The packet `offset` places behind the head (nil past the end).
    func packet(at offset: Int) -> Packet? {
        guard offset >= 0, offset < count else { return nil }
        return storage[slot(offset)]
    }

    /// The storage index `offset` places behind the head (`offset` ≤ capacity): a
    /// compare instead of a division, as every packet passes here.
    private func slot(_ offset: Int) -> Int {
        let index = head + offset
        return index >= storage.count ? index - storage.count : index
    }

    mutating func popFirst() -> Packet? {
        guard count > 0 else { return nil }
        let packet = storage[head]
        storage[head] = nil
        head = head + 1 == storage.count ? 0 : head + 1
        count -= 1
        return packet
    }

    /// Removes every packet, returning them in order.
    mutating func removeAll() -> [Packet] {
        var result: [Packet] = []
        result.reserveCapacity(count)
        while let packet = popFirst() { result.append(packet) }
        return result
    }

    /// Counted packets whose fate is still open (pending at the horizon).
    var unsettledCount: Int {
        var total = 0
        for offset in 0..<count {
            if let packet = storage[slot(offset)], packet.counted, !packet.reachedGateway { total += 1 }
        }
        return total
    }
}
