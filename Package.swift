// swift-tools-version: 6.0
import PackageDescription

// Module graph (dependencies point one way, front end to runtime):
//
//   CYAML → TwinYAML → TwinSpec → TwinSynthesis → TwinGenerate → TwinConfig (twin.json)
//                                                                     ↑
//                                                   TwinRuntime ──────┘
//                                                        ↑
//                        TwinApplications (view, resilience, energy, security, optimiser)
//                        TwinReport (HTML from the results JSON; depends on TwinJSON only)
//                                        ↑
//                        TwinLive (the live twin's loop: telemetry, state, drift, calibration,
//                                  assurance, forecast, act, emulator; no network code)
//                                        ↑
//                        TwinServe (HTTP, store, tokens, metrics) → `twinc-serve`, its own
//                                  product: the compiler (`twinc`) never links the server stack
//
// TwinJSON (values, canonical writer, positioned reader), TwinDiagnostics, TwinUnits (over
// the C shim CFixedPoint) and TwinParallel (ordered fan-out over the cores) are leaves
// every stage may use. TwinModels holds the
// cited BAN physics (channel, PHY, MAC, energy, security) shared by the compile-time
// feasibility bounds and by the runtime. The CLI (`twinc`) is thin: one file per
// subcommand, no logic of its own.

// Release executables on Linux carry the Swift runtime and Foundation in the binary:
// resolving a dozen shared libraries' symbols at every start was half of `twinc
// --version` (12–13 ms → 7.5 ms) and about 6 ms of compiling the demo (50–56 ms →
// 44–48 ms). The executables link with `-static-stdlib`; the libraries a static
// Foundation needs beyond the shared one's (CoreFoundation, ICU, …) come from
// `TwinStaticRuntime`, the one module compiled against the static runtime, so every
// other module and the tests (`swift test -c release`, linked against the shared
// Foundation as XCTest and Swift Testing are) stay as they were. Debug builds and other
// platforms are unchanged.
let staticRuntime = BuildSettingCondition.when(platforms: [.linux], configuration: .release)

let package = Package(
    name: "twinc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twinc", targets: ["twinc"]),
        // The live twin's server, emulator and load generator: its own product so the
        // compiler (`twinc`) builds without the server stack (Hummingbird, NIO, GRDB).
        .executable(name: "twinc-serve", targets: ["twinc-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The live twin's server only (TwinServe, twinc-serve); the compiler never links them.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "TwinJSON"),
        // Names, through its autolink entries, the libraries a statically linked Foundation
        // needs; only the executables depend on it (see `staticRuntime` above).
        .target(name: "TwinStaticRuntime", swiftSettings: [.unsafeFlags(["-static-stdlib"], staticRuntime)]),
        .target(name: "TwinDiagnostics", dependencies: ["TwinJSON"]),
        // `%.*f` for TwinUnits' number formatting without `withVaList`'s run-time casts.
        // Its debug info in DWARF 4 like the Swift modules' (Linux): clang's default DWARF 5
        // made valgrind 3.19, the profiler the speed work uses, refuse all of `twinc`.
        .target(name: "CFixedPoint", cSettings: [.unsafeFlags(["-gdwarf-4"], .when(platforms: [.linux]))]),
        .target(name: "TwinUnits", dependencies: ["CFixedPoint"]),
        // Child processes with bounded waits, their end observed by waitpid (Foundation's
        // waitUntilExit can hang on Linux): the sweep's engines and the tests use it.
        .target(name: "TwinProcess"),
        // Independent pieces of work fanned out over the cores and joined in a fixed order
        // (`concurrentMap`, `concurrently`): the compiler's and the optimiser's parallelism.
        .target(name: "TwinParallel"),
        // The closed sets every stage shares (KPIs, priorities, placements, technologies,
        // faults, threats, access modes, knobs…): one home, so no stage compares strings.
        .target(name: "TwinVocabulary", dependencies: ["TwinUnits"]),
        .target(name: "TwinYAML", dependencies: ["CYAML", "TwinDiagnostics"]),
        .target(name: "TwinSpec", dependencies: ["TwinYAML", "TwinUnits", "TwinVocabulary", "TwinDiagnostics", "TwinJSON"]),
        .target(name: "TwinModels", dependencies: ["TwinUnits", "TwinVocabulary"]),
        .target(name: "TwinConfig", dependencies: ["TwinUnits", "TwinDiagnostics", "TwinJSON", "TwinVocabulary"]),
        .target(
            name: "TwinSynthesis",
            dependencies: [
                "TwinVocabulary", "TwinSpec", "TwinModels", "TwinUnits", "TwinDiagnostics", "TwinYAML", "TwinParallel",
            ]
        ),
        .target(
            name: "TwinGenerate",
            dependencies: ["TwinVocabulary", "TwinSynthesis", "TwinSpec", "TwinConfig", "TwinModels", "TwinUnits", "TwinDiagnostics"]
        ),
        // The discrete-event engine: simulated time, the (time, sequence) scheduler, seeded
        // random streams and the statistics a run accumulates. Knows nothing of BANs.
        .target(
            name: "TwinEngine",
            dependencies: ["TwinUnits"]
        ),
        .target(
            name: "TwinRuntime",
            dependencies: ["TwinVocabulary", "TwinEngine", "TwinConfig", "TwinModels", "TwinUnits", "TwinDiagnostics"]
        ),
        // The four twin applications (network view, resilience, energy, security) and the
        // optimiser: they read the runtime's outcomes and re-run it on candidate configs.
        .target(
            name: "TwinApplications",
            dependencies: [
                "TwinVocabulary", "TwinRuntime", "TwinEngine", "TwinConfig", "TwinModels", "TwinUnits", "TwinJSON",
                "TwinParallel",
            ]
        ),
        // Results as text and JSON: the run report's tables and every application's section
        // (one TextTable), the results JSON that `twinc run --format json` prints and the
        // HTML report reads, the network view's CSV files. Rendering only: no model here.
        .target(
            name: "TwinOutput",
            dependencies: ["TwinVocabulary", "TwinApplications", "TwinRuntime", "TwinConfig", "TwinJSON", "TwinUnits"]
        ),
        // The HTML report: drawn from the results JSON alone (`twinc run --format json`),
        // so `twinc report RESULTS` and `twinc run --html` give the same page.
        .target(name: "TwinReport", dependencies: ["TwinJSON", "TwinUnits", "TwinDiagnostics", "TwinVocabulary"]),
        // The driver composes the stages (load → parse → check → synthesise → generate →
        // run) for the CLI, tests and any future server; the CLI only parses flags and prints.
        .target(
            name: "TwinDriver",
            dependencies: [
                "TwinDiagnostics", "TwinYAML", "TwinSpec", "TwinUnits", "TwinSynthesis",
                "TwinGenerate", "TwinConfig", "TwinEngine", "TwinRuntime", "TwinJSON",
                "TwinApplications", "TwinOutput", "TwinReport", "TwinLive", "TwinVocabulary", "TwinParallel",
            ]
        ),
        // The live twin's loop with no network code: telemetry reading and validation,
        // idempotent ingest, the synchronised state, drift tests, calibration, assurance,
        // forecasts, the act step and the emulated physical network. Plain functions of
        // observations and time; `TwinAdapter` is its one file that reads twin.json values
        // and calls the runtime and the optimiser.
        .target(
            name: "TwinLive",
            dependencies: [
                "TwinConfig", "TwinRuntime", "TwinApplications", "TwinModels", "TwinEngine", "TwinUnits", "TwinJSON",
                "TwinDiagnostics", "TwinYAML", "TwinSpec", "TwinVocabulary",
            ]
        ),
        // The live twin's server: a thin adapter around TwinLive (Hummingbird routes, the
        // event stream, Prometheus metrics, bearer tokens, the SQLite store, the dashboard)
        // plus the emulator's and load generator's HTTP sides.
        .target(
            name: "TwinServe",
            dependencies: [
                "TwinLive", "TwinConfig", "TwinJSON", "TwinDiagnostics", "TwinUnits",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "twinc-serve",
            dependencies: [
                "TwinServe", "TwinLive", "TwinConfig", "TwinDiagnostics", "TwinJSON", "TwinUnits", "TwinProcess",
                "TwinStaticRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], staticRuntime)]
        ),
        // Design-space sweeps (`twinc sweep`): the sweep document, plans of content-addressed
        // shards, the local, Slurm and Kubernetes engines, collection and the Pareto front.
        // Runs shards through the driver; processes it starts sit behind `ProcessRunning`.
        .target(
            name: "TwinSweep",
            dependencies: [
                "TwinDriver", "TwinDiagnostics", "TwinYAML", "TwinSpec", "TwinUnits", "TwinConfig", "TwinEngine",
                "TwinRuntime", "TwinApplications", "TwinOutput", "TwinReport", "TwinJSON", "TwinProcess",
            ]
        ),
        .executableTarget(
            name: "twinc",
            dependencies: [
                "TwinDriver", "TwinSweep", "TwinGenerate", "TwinConfig", "TwinDiagnostics", "TwinEngine", "TwinJSON",
                "TwinUnits", "TwinLive", "TwinSpec", "TwinOutput", "TwinProcess", "TwinStaticRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], staticRuntime)]
        ),
        // Builders of hand-made twins and outcomes shared by the test targets (one copy of
        // each radio table), a regular target so every test target can import it.
        .target(
            name: "TwinTestSupport",
            dependencies: ["TwinVocabulary", 
                "TwinApplications", "TwinRuntime", "TwinEngine", "TwinConfig", "TwinUnits", "TwinSpec", "TwinYAML",
                "TwinDiagnostics",
            ],
            path: "Tests/TwinTestSupport"
        ),
        .testTarget(name: "TwinJSONTests", dependencies: ["TwinJSON"]),
        .testTarget(name: "TwinDiagnosticsTests", dependencies: ["TwinDiagnostics", "TwinJSON"]),
        .testTarget(name: "TwinUnitsTests", dependencies: ["TwinUnits"]),
        .testTarget(name: "TwinParallelTests", dependencies: ["TwinParallel"]),
        .testTarget(name: "TwinConfigTests", dependencies: ["TwinConfig", "TwinJSON", "TwinUnits", "TwinDiagnostics", "TwinVocabulary"]),
        .testTarget(name: "TwinYAMLTests", dependencies: ["TwinYAML", "TwinDiagnostics"]),
        .testTarget(
            name: "TwinSpecTests",
            dependencies: ["TwinVocabulary", "TwinSpec", "TwinYAML", "TwinUnits", "TwinDiagnostics"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TwinModelsTests", dependencies: ["TwinModels", "TwinUnits", "TwinVocabulary"]),
        .testTarget(
            name: "TwinSynthesisTests",
            dependencies: ["TwinVocabulary", "TwinSynthesis", "TwinSpec", "TwinModels", "TwinUnits", "TwinDiagnostics", "TwinYAML",
                           "TwinTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TwinGenerateTests",
            dependencies: ["TwinGenerate", "TwinSynthesis", "TwinSpec", "TwinConfig", "TwinModels", "TwinUnits", "TwinYAML",
                           "TwinVocabulary", "TwinDiagnostics", "TwinTestSupport"]
        ),
        .testTarget(name: "TwinEngineTests", dependencies: ["TwinEngine", "TwinUnits"]),
        .testTarget(
            name: "TwinRuntimeTests",
            dependencies: ["TwinVocabulary", "TwinRuntime", "TwinEngine", "TwinConfig", "TwinModels", "TwinUnits", "TwinTestSupport",
                           "TwinOutput"]
        ),
        .testTarget(
            name: "TwinApplicationsTests",
            dependencies: ["TwinVocabulary", 
                "TwinApplications", "TwinRuntime", "TwinEngine", "TwinConfig", "TwinModels", "TwinUnits", "TwinJSON",
                "TwinTestSupport", "TwinOutput",
            ]
        ),
        .testTarget(
            name: "TwinOutputTests",
            dependencies: ["TwinOutput", "TwinApplications", "TwinRuntime", "TwinConfig", "TwinUnits", "TwinJSON",
                           "TwinTestSupport"]
        ),
        .testTarget(name: "TwinLiveTests", dependencies: ["TwinLive", "TwinConfig", "TwinUnits", "TwinDiagnostics", "TwinEngine", "TwinModels", "TwinVocabulary"]),
        // The live twin's server end to end: the built `twinc-serve` on 127.0.0.1.
        .testTarget(name: "LiveServeTests", dependencies: ["TwinServe", "TwinLive", "TwinJSON", "TwinEngine", "TwinProcess"]),
        .testTarget(name: "TwinReportTests", dependencies: ["TwinReport", "TwinJSON"]),
        .testTarget(
            name: "TwinSweepTests",
            dependencies: ["TwinSweep", "TwinDiagnostics", "TwinJSON"]
        ),
        // The property "validate clean ⇒ compile clean ⇒ run accepts" over documents
        // generated from the declared ranges, and the seeded mutation fuzzer over YAML and
        // twin.json (a short run here; docs/fuzzing.md for a long one).
        .testTarget(
            name: "PropertyTests",
            dependencies: [
                "TwinDriver", "TwinSpec", "TwinYAML", "TwinUnits", "TwinVocabulary", "TwinDiagnostics", "TwinSynthesis",
                "TwinConfig", "TwinEngine", "TwinRuntime", "TwinJSON",
            ]
        ),
        // End-to-end tests run the built `twinc` binary; golden files live beside them and
        // are found through #filePath so TWINC_RECORD=1 can rewrite them in place.
        .testTarget(name: "EndToEndTests",
                    dependencies: ["TwinVocabulary", "TwinJSON", "TwinDriver", "TwinConfig", "TwinTestSupport", "TwinProcess",
                                   "TwinDiagnostics", "TwinRuntime", "TwinSpec", "TwinUnits"],
                    exclude: ["Golden"]),
    ]
)
