import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits

/// Where a frame sits in frequency: its centre and occupied width. Every frame on a
/// `SharedMedium` carries one, so frames of 802.15.6 NB, BLE and the attacker's radios
/// on the one 2.4 GHz band interfere by how close they are, not by which MAC sent them
/// (issue 11 §5).
struct AirChannel: Sendable, Equatable {
    var centre: Frequency
    var width: Frequency

    init(centre: Frequency, width: Frequency) {
        self.centre = centre
        self.width = width
    }

    init(_ channel: RadioChannel) { self.init(centre: channel.centre, width: channel.width) }

    /// Interferers further away than this couple nothing (the BLE receiver's last
    /// requirement holds to 3 MHz and beyond; 20 MHz is where the WLAN OFDM mask ends
    /// its −28 dBr step, so nothing narrow further away is counted).
    static let couplingReach = Frequency.megahertz(20)

    /// The linear factor by which an interferer's received power counts as co-channel
    /// interference in a receiver on this channel (the victim):
    /// - overlapping bands: the share of the interferer's (flat, narrow) spectrum inside
    ///   the victim's band — 1 for two frames on one channel;
    /// - beside it: the receiver's selectivity, the C/I it needs at that offset relative
    ///   to co-channel (`InterferenceRejection.bleOneMegabit`: −6 dB at ±1 MHz, −38 dB at
    ///   ±2 MHz, −48 dB from ±3 MHz; Bluetooth Core Vol 6 Part A §4.2 ◐). The 802.15.6 NB
    ///   receiver is given the same selectivity for lack of a published NB figure ◐
    ///   (a named shortcut, docs/validation.md).
    func coupling(from interferer: AirChannel) -> Double {
        if interferer == self { return 1 }
        let shared = RadioChannel.overlap(centre: centre, width: width, otherCentre: interferer.centre,
                                          otherWidth: interferer.width)
        if shared.si > 0, interferer.width.si > 0 { return Swift.min(1, shared.si / interferer.width.si) }
        let offset = Frequency.hertz(abs(centre.si - interferer.centre.si))
        guard offset <= Self.couplingReach else { return 0 }
        let rejection = InterferenceRejection.bleOneMegabit
        let relative = rejection.requiredRatio(offset: offset).dB - rejection.requiredRatio(offset: .zero).dB
        return Decibels(dB: relative).linear
    }
}

/// A device's place on the band: a fixed channel (802.15.6 NB at its hub's channel, a
/// WLAN on its channel, anything else at its twin.json frequency) or, for a BLE
/// peripheral, the data channel its connection hops to at each connection event.
///
/// Sources: BLE channel selection algorithm #2 (Core Spec v5 Vol 6 Part B §4.5.8.3,
/// `BLEChannelSelection`, whose published sample data a test reproduces); channel plans
/// of `RadioChannel` (docs/sources-radio.md §4). The hub's NB channel is the 802.15.6
/// channel nearest the twin.json frequency (the bundled radios carry the band centre,
/// 2441.75 MHz, so channel 40 at 2442 MHz) ◐: twin.json does not name a channel yet.
struct DeviceSpectrum: Sendable {
    enum Use: Sendable {
        case fixed(AirChannel)
        /// CSA #2 with this channel identifier over `map`.
        case hopping(identifier: UInt16, map: BLEChannelMap, phy2M: Bool)
    }

    let use: Use
    /// The device's radio is a WLAN on the 2.4 GHz band (an on/off interferer there).
    let isWLAN24: Bool
    /// The fixed channel, or nil for a hopping device. Stored beside `use` so a frame of
    /// a fixed-channel device reads it without copying the enum, whose hopping case holds
    /// a channel map by reference (a retain and a release per allocation, callgrind).
    let fixedChannel: AirChannel?

    init(use: Use, isWLAN24: Bool) {
        self.use = use
        self.isWLAN24 = isWLAN24
        if case .fixed(let channel) = use { fixedChannel = channel } else { fixedChannel = nil }
    }

    /// The channel of a frame sent in connection event `counter` (BLE) or at any time.
    func channel(event counter: Int64) -> AirChannel {
        if let fixedChannel { return fixedChannel }
        switch use {
        case .fixed(let channel):
            return channel
        case .hopping(let identifier, let map, let phy2M):
            let index = BLEChannelSelection.channel(counter: UInt16(truncatingIfNeeded: counter), identifier: identifier,
                                                    map: map)
            return RadioChannel.ble(channelIndex: index, phy2M: phy2M).map(AirChannel.init)
                ?? AirChannel(centre: .megahertz(2440), width: .megahertz(1))
        }
    }

    static let band24 = Frequency.megahertz(2400)...Frequency.megahertz(2483.5)

    /// The device's use of the band. A BLE connection's access address (and so its
    /// channel identifier, CSA #2: upper 16 bits XOR lower 16 bits) is drawn from its own
    /// stream; its map leaves out the channels a 2.4 GHz WLAN of the twin covers when
    /// `adaptiveMap` (the central classifies them bad, Core Spec Vol 6 Part B §4.5.8.1) ◐.
    static func make(device: DeviceConfig, network: NetworkConfig, streams: RandomStreams,
                     adaptiveMap: Bool) -> DeviceSpectrum {
        let radio = device.radio
        let width = Frequency.megahertz(1)
        switch radio.technology {
        case .ble:
            var stream = streams.generator(device.id, "ble-access-address")
            let identifier = BLEChannelSelection.channelIdentifier(accessAddress: UInt32(truncatingIfNeeded: stream.next()))
            let wlans = network.devices.compactMap(wlanChannel)
            let map = adaptiveMap ? (BLEChannelMap.all.excluding(wlans) ?? .all) : .all
            return DeviceSpectrum(use: .hopping(identifier: identifier, map: map, phy2M: false), isWLAN24: false)
        case .wlan:
            if let channel = wlanChannel(device) { return DeviceSpectrum(use: .fixed(AirChannel(channel)), isWLAN24: true) }
        case .banNB where band24.contains(radio.frequency):
            let index = Int(((radio.frequency.si - 2402e6) / 1e6).rounded())
            if let channel = RadioChannel.narrowband(channel: Swift.min(78, Swift.max(0, index))) {
                return DeviceSpectrum(use: .fixed(AirChannel(channel)), isWLAN24: false)
            }
        default:
            break
        }
        return DeviceSpectrum(use: .fixed(AirChannel(centre: radio.frequency, width: width)), isWLAN24: false)
    }

    /// The 2.4 GHz WLAN channel (1…13, OFDM 20 MHz) nearest a WLAN device's frequency.
    static func wlanChannel(_ device: DeviceConfig) -> RadioChannel? {
        guard device.radio.technology == .wlan, band24.contains(device.radio.frequency) else { return nil }
        let number = Int(((device.radio.frequency.si - 2407e6) / 5e6).rounded())
        return RadioChannel.wlan(channel: Swift.min(13, Swift.max(1, number)))
    }
}
