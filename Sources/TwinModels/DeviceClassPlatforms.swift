import Foundation
import TwinUnits

/// A device class's default platform (its non-radio loads), regulator and the published
/// lifetime of a real product of that class, for the whole-device energy model.
///
/// ✔ = read in the named source during issue 11's research; ◐ = twinc's placeholder
/// (a duty cycle or a part's draw not found in a read datasheet). docs/sources-energy.md
/// lists every number with its URL; docs/validation.md the checks. Overridable per
/// device (`PlatformLoad.overriding`).
public struct DeviceClassEnergyProfile: Sendable, Hashable {
    public var deviceClass: String
    public var platform: PlatformLoad
    public var regulator: VoltageRegulator
    public var reference: ProductLifetimeReference?

    public init(deviceClass: String, platform: PlatformLoad, regulator: VoltageRegulator,
                reference: ProductLifetimeReference?) {
        self.deviceClass = deviceClass
        self.platform = platform
        self.regulator = regulator
        self.reference = reference
    }
}

/// A real product's published battery life: the range a prediction for that class must
/// fall in. `maximum` nil means the product's life is bounded by something else (a
/// 14-day wear period), so only the minimum is a check.
public struct ProductLifetimeReference: Sendable, Hashable {
    public var product: String
    public var source: String
    public var minimum: Time
    public var maximum: Time?

    public init(product: String, source: String, minimum: Time, maximum: Time?) {
        self.product = product
        self.source = source
        self.minimum = minimum
        self.maximum = maximum
    }

    public func contains(_ lifetime: Time) -> Bool {
        lifetime.si >= minimum.si * (1 - 1e-9) && (maximum.map { lifetime.si <= $0.si * (1 + 1e-9) } ?? true)
    }
}

/// The parts the class platforms are built from.
public enum PlatformParts {
    /// TI CC13xx/CC26xx Cortex-M3 MCU: 2.5 mA running CoreMark at 48 MHz, 0.7 µA standby
    /// with RTC ✔ (TI CC1350 datasheet SWRS181, power consumption summary), at 3 V.
    public static func cortexM3(dutyCycle: Double, note: String) -> PlatformComponent {
        .currents("mcu", source: "TI CC1350 SWRS181: 2.5 mA CoreMark 48 MHz, 0.7 uA standby+RTC ✔; duty \(note) ◐",
                  role: .processor, active: .milliamperes(2.5), idle: .microamperes(0.7), dutyCycle: dutyCycle,
                  rail: .volts(3))
    }

    /// Maxim MAX30003 single-lead ECG AFE, 85 µW ✔ (datasheet figure as quoted by the
    /// ProtoCentral MAX30003/MAX30001 boards).
    public static let ecgFrontEnd = PlatformComponent(
        name: "ecg-afe", source: "Maxim MAX30003 ECG AFE 85 uW ✔ (ProtoCentral board notes)", role: .sensorFrontEnd,
        activePower: .microwatts(85))

    /// Bosch BMI270 accelerometer 0.21 mA ✔ (MbientLab MetaWear API spec, sensor current table), 1.8 V.
    public static let imu = PlatformComponent.currents(
        "imu", source: "BMI270 accelerometer 0.21 mA ✔ (MbientLab MetaWear API specification)", role: .sensorFrontEnd,
        active: .milliamperes(0.21), rail: .volts(1.8))

    /// A whole nRF52 board streaming over BLE (MCU + stack + radio): ~7.5 mA ✔
    /// (MbientLab MetaWear API specification, "BLE streaming overhead"), at 3 V.
    public static let bleStreamingBoard = PlatformComponent.currents(
        "ble-streaming-board", source: "MbientLab: BLE streaming overhead ~7.5 mA ✔", role: .processor,
        active: .milliamperes(7.5), rail: .volts(3))
}

extension DeviceClassEnergyProfile {
    public static let ecgPatch = DeviceClassEnergyProfile(
        deviceClass: "ecg-patch",
        platform: PlatformLoad(name: "ecg-patch", components: [
            PlatformParts.cortexM3(dutyCycle: 0.02, note: "2 % for 250 sps filtering and framing"),
            PlatformParts.ecgFrontEnd,
        ]),
        regulator: .direct,
        reference: ProductLifetimeReference(
            product: "iRhythm Zio XT (single-lead ECG patch, no recharging, worn up to 14 days)",
            source: "irhythmtech.com Zio XT indications ✔; circlehealthgroup.co.uk ✔", minimum: .days(14), maximum: nil))

    public static let temperature = DeviceClassEnergyProfile(
        deviceClass: "temperature",
        platform: PlatformLoad(name: "temperature", components: [
            PlatformParts.cortexM3(dutyCycle: 0.001, note: "0.1 % for one reading every 2 s"),
            .currents("temperature-sensor", source: "digital skin-temperature sensor 3.5 uA average ◐", role: .sensorFrontEnd,
                      active: .microamperes(3.5), rail: .volts(3)),
        ]),
        regulator: .direct,
        reference: ProductLifetimeReference(
            product: "iWeeCare Temp Pal (36-48 h, rechargeable) and greenTEG BodyTemp patch (4 days): no CR2032 patch found",
            source: "healthtechinsider.com Temp Pal ✔; greenteg.com BodyTemp patch ✔", minimum: .hours(36), maximum: nil))

    public static let pulseOximeter = DeviceClassEnergyProfile(
        deviceClass: "pulse-oximeter",
        platform: PlatformLoad(name: "pulse-oximeter", components: [
            PlatformParts.cortexM3(dutyCycle: 0.05, note: "5 % for SpO2 computation at 100 sps"),
            .currents("ppg-front-end", source: "red/IR LEDs and PPG AFE, 0.9 mA average ◐", role: .sensorFrontEnd,
                      active: .milliamperes(0.9), rail: .volts(3)),
        ]),
        regulator: .direct,
        reference: ProductLifetimeReference(
            product: "Nonin WristOx2 3150 (2 x AAA, display on): at least 48 h without Bluetooth",
            source: "Nonin 3150 operator's manual, Batteries ✔", minimum: .hours(48), maximum: nil))

    /// Insulin pump on one AA through a boost converter: MCU, segment LCD, and the
    /// motor's energy per delivered unit times the daily insulin schedule.
    public static let insulinPump = DeviceClassEnergyProfile(
        deviceClass: "insulin-pump",
        platform: PlatformLoad(name: "insulin-pump", components: [
            PlatformParts.cortexM3(dutyCycle: 0.05, note: "5 % for dosing control, self-test and alarms"),
            PlatformComponent(name: "display", source: "segment LCD with occasional backlight, 0.3 mW average ◐",
                              role: .display, activePower: .milliwatts(0.3)),
            .actuator("motor", source: "3 J per unit ◐ (0.05 U pulses, Medtronic 722G ✔) x 39 U/day: basal 1 U/h ✔ + 3 boluses of 5 U ◐ (Brooker, Handbook of Biomechatronics p. 434 ✔)",
                      energyPerEvent: .joules(3), eventsPerDay: 39),
        ]),
        regulator: .tps61029Boost,
        reference: ProductLifetimeReference(
            product: "Medtronic MiniMed 640G (one AA, 7-14 days) and insulin pumps generally (3-10 weeks)",
            source: "medtronic-diabetes.in insulin-pump FAQ ✔; Brooker, Handbook of Biomechatronics p. 438 ✔",
            minimum: .days(7), maximum: .days(70)))

    public static let smartwatch = DeviceClassEnergyProfile(
        deviceClass: "smartwatch",
        platform: PlatformLoad(name: "smartwatch", components: [
            PlatformComponent(name: "application-processor", source: "watch SoC average with wake-ups, 15 mW ◐",
                              role: .processor, activePower: .milliwatts(15)),
            PlatformComponent(name: "display", source: "1.5-inch AMOLED, 10 % on at 60 mW ◐", role: .display,
                              activePower: .milliwatts(60), dutyCycle: 0.1),
            .currents("ppg", source: "heart-rate PPG 0.5 mA average ◐", role: .sensorFrontEnd,
                      active: .milliamperes(0.5), rail: .volts(1.8)),
        ]),
        regulator: .tps62800Buck,
        reference: ProductLifetimeReference(
            product: "Apple Watch: 18 h of typical use, up to 48 h as a timepiece",
            source: "Apple test conditions March 2015 (mobile01.com, dailymail.co.uk) ✔", minimum: .hours(18),
            maximum: .hours(48)))

    public static let arGlasses = DeviceClassEnergyProfile(
        deviceClass: "ar-glasses",
        platform: PlatformLoad(name: "ar-glasses", components: [
            PlatformComponent(name: "soc-display-camera", source: "AR SoC, waveguide display and tracking cameras, 0.8 W ◐",
                              role: .processor, activePower: .milliwatts(800)),
        ]),
        regulator: .tps62800Buck,
        reference: ProductLifetimeReference(
            product: "Microsoft HoloLens: 2-3 h of active use",
            source: "windowscentral.com quoting Microsoft's HoloLens Development Edition specs ✔", minimum: .hours(2),
            maximum: .hours(3)))

    public static let vrGlasses = DeviceClassEnergyProfile(
        deviceClass: "vr-glasses",
        platform: PlatformLoad(name: "vr-glasses", components: [
            PlatformComponent(name: "soc-displays", source: "XR SoC and two LCD panels, 4.5 W ◐", role: .processor,
                              activePower: .watts(4.5)),
        ]),
        regulator: .tps62800Buck,
        reference: ProductLifetimeReference(
            product: "Meta Quest 2 (3640 mAh, 14.0 Wh): 2-3 h", source: "basereality.co (RoadToVR teardown) ✔; vrtruths.com ✔",
            minimum: .hours(2), maximum: .hours(3)))

    public static let motion = DeviceClassEnergyProfile(
        deviceClass: "motion",
        platform: PlatformLoad(name: "motion", components: [
            PlatformParts.cortexM3(dutyCycle: 0.05, note: "5 % for 100 Hz framing"), PlatformParts.imu,
        ]),
        regulator: .direct,
        reference: ProductLifetimeReference(
            product: "MbientLab MetaMotionS streaming over BLE (about 13 h) to Axivity AX3 logging at 100 Hz (14 days)",
            source: "MbientLab MetaWear API specification battery-life estimate ✔; axivity.com/help/6 ✔",
            minimum: .hours(12), maximum: .days(14)))

    public static let bloodPressure = DeviceClassEnergyProfile(
        deviceClass: "blood-pressure",
        platform: PlatformLoad(name: "blood-pressure", components: [
            PlatformParts.cortexM3(dutyCycle: 0.05, note: "5 % for pulse-transit-time estimation"),
            .currents("ppg-front-end", source: "cuff-less PPG front end, 0.9 mA average ◐", role: .sensorFrontEnd,
                      active: .milliamperes(0.9), rail: .volts(3)),
        ]),
        regulator: .direct, reference: nil)

    public static let smartTShirt = DeviceClassEnergyProfile(
        deviceClass: "smart-tshirt",
        platform: PlatformLoad(name: "smart-tshirt", components: [
            PlatformParts.cortexM3(dutyCycle: 0.1, note: "10 % for ECG, respiration and activity processing"),
            PlatformParts.ecgFrontEnd, PlatformParts.imu,
            PlatformComponent(name: "flash-logging", source: "on-board flash logging, 1 mW average ◐", role: .other,
                              activePower: .milliwatts(1)),
        ]),
        regulator: .ldo3V0,
        reference: ProductLifetimeReference(
            product: "Hexoskin recording device (ECG, breathing, accelerometer, BLE): around 14 h",
            source: "mobilution.io biometric-clothing summary ✔", minimum: .hours(14), maximum: nil))

    public static let microphone = DeviceClassEnergyProfile(
        deviceClass: "microphone",
        platform: PlatformLoad(name: "microphone", components: [
            PlatformParts.bleStreamingBoard,
            .currents("audio-codec", source: "MEMS microphone and audio ADC/codec, 1.5 mA ◐", role: .sensorFrontEnd,
                      active: .milliamperes(1.5), rail: .volts(1.8)),
        ]),
        regulator: .tps62800Buck,
        reference: ProductLifetimeReference(
            product: "RODE Wireless GO II / PRO transmitter (2.4 GHz digital audio): up to 7 h",
            source: "visualfoodie.com quoting RODE's 7 h claim ✔ (proprietary radio, battery capacity not found)",
            minimum: .hours(7), maximum: nil))

    public static let gamingController = DeviceClassEnergyProfile(
        deviceClass: "gaming-controller",
        platform: PlatformLoad(name: "gaming-controller", components: [
            PlatformParts.bleStreamingBoard,
            PlatformComponent(name: "haptics", source: "rumble motors, 30 mW average ◐", role: .actuator,
                              activePower: .milliwatts(30)),
        ]),
        regulator: .tps62800Buck, reference: nil)

    /// Every class profile, in a fixed order.
    public static let all: [DeviceClassEnergyProfile] = [
        ecgPatch, temperature, bloodPressure, pulseOximeter, insulinPump, smartwatch, arGlasses, vrGlasses, motion,
        smartTShirt, microphone, gamingController,
    ]

    public static func forClass(_ deviceClass: String) -> DeviceClassEnergyProfile? {
        all.first { $0.deviceClass == deviceClass }
    }
}
