import TwinConfig
import TwinDiagnostics
import TwinGenerate
import TwinParallel
import TwinSpec
import TwinSynthesis

/// One intent compiled: its plan, its twin configuration and the generated files.
public struct CompiledTwin: Sendable {
    public var intent: String
    public var plan: TwinPlan
    public var config: TwinConfig
    public var files: GeneratedTwin
}

/// What `twinc compile` produced: every twin (only when no error was found anywhere, so
/// nothing is written for a half-good run), every diagnostic, and the sources they quote.
public struct CompileResult: Sendable {
    public var twins: [CompiledTwin]
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    /// Per file, the front end's diagnostics beyond the cap, counted only.
    public var dropped: [String: DroppedDiagnostics] = [:]
    public var exitStatus: ExitStatus { .forDiagnostics(diagnostics, dropped: dropped) }
}

public struct CompileOptions: Sendable {
    /// User catalogue files or folders (`--catalog`), merged over the built-in one.
    public var catalogues: [String]
    public var frontEnd: FrontEndOptions
    public var seed: UInt64
    public var replications: Int

    public init(catalogues: [String] = [], frontEnd: FrontEndOptions = FrontEndOptions(), seed: UInt64 = 1,
                replications: Int = 5) {
        self.catalogues = catalogues
        self.frontEnd = frontEnd
        self.seed = seed
        self.replications = replications
    }
}

/// The whole compiler: front end (load, parse, read, check) → synthesise → build the
/// twin configuration → generate files, for every intent among `paths`. Stops between
/// stages: synthesis runs only on a clean front end, and no twin is returned when any
/// stage reported an error.
public func compileIntents(paths: [String], options: CompileOptions = CompileOptions()) -> CompileResult {
    compile(front: runFrontEnd(paths: paths + options.catalogues, options: options.frontEnd), options: options)
}

/// Everything after the front end, on documents it already read (`twinc validate` runs
/// the same checks through here, so validate and compile cannot disagree).
func compile(front: FrontEndResult, options: CompileOptions) -> CompileResult {
    var result = CompileResult(twins: [], diagnostics: front.diagnostics, sources: front.sources,
                               dropped: front.dropped)
    guard front.exitStatus == .success else { return result }

    let intents = front.documents.compactMap { document -> Intent? in
        if case .intent(let intent) = document { intent } else { nil }
    }
    guard !intents.isEmpty else {
        result.diagnostics.append(.error(
            DriverDiagnostics.noIntent, "no intent among the inputs; `twinc compile` turns intents into twins",
            at: nil, notes: [DiagnosticNote("use `twinc validate` to check templates and catalogues alone")]))
        return result
    }
    let userCatalogues = front.documents.compactMap { document -> Catalogue? in
        if case .catalogue(let catalogue) = document { catalogue } else { nil }
    }
    // The front end read the built-in catalogue for its cross-document checks, which a
    // clean front end always ran.
    let catalogue = SynthesisCatalogue(front.builtInCatalogues + userCatalogues)
    let defaults = RunDefaults(replications: options.replications, seed: options.seed,
                               generator: "twinc \(TwincVersion.string)")
    var twins: [CompiledTwin] = []
    for intent in intents {
        guard let useCase = front.documents.lazy.compactMap({ document -> UseCase? in
            if case .usecase(let useCase) = document, useCase.name.value == intent.usecase.value { useCase } else { nil }
        }).first else { continue }  // the front end reported the missing use case
        let synthesis = synthesise(intent: intent, useCase: useCase, catalogue: catalogue)
        result.diagnostics += synthesis.diagnostics
        guard let plan = synthesis.plan else { continue }
        let config = buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: catalogue,
                                     defaults: defaults)
        let input = GenerationInput(useCase: useCase, intent: intent, plan: plan, config: config)
        // compile ⇒ run accepts: the twin's event budget, then everything `run` checks on
        // twin.json as written. Independent of design.md and twin.dot, so the two halves
        // run at the same time (together they were a sixth of `twinc compile`).
        let (admitted, documents) = concurrently({ () -> (twinJSON: String, refusals: [Diagnostic]) in
            let twinJSON = config.canonicalJSON()
            var refusals = eventBudgetDiagnostics(config: config, useCase: useCase)
            if refusals.isEmpty {
                refusals = CompiledTwinAdmission.diagnostics(config: config, twinJSON: twinJSON, useCase: useCase,
                                                             intent: intent)
            }
            return (twinJSON, refusals)
        }, { renderDocuments(input) })
        let files = GeneratedTwin(twinJSON: admitted.twinJSON, documents: documents)
        let refusals = admitted.refusals
        result.diagnostics += refusals
        guard refusals.isEmpty else { continue }
        twins.append(CompiledTwin(intent: intent.name.value, plan: plan, config: config, files: files))
    }
    if !result.diagnostics.hasErrors { result.twins = twins }
    return result
}
