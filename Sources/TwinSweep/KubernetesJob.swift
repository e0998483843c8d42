import TwinJSON

/// What the Kubernetes manifest runs shards with.
public struct KubernetesRequest: Sendable, Hashable {
    /// An image with `twinc` on its PATH.
    public var image: String
    /// A PersistentVolumeClaim holding the plan folder, mounted at `/sweep`.
    public var claim: String
    public var parallelism: Int
    public var batch: Int

    public init(image: String, claim: String, parallelism: Int, batch: Int = 1) {
        self.image = image
        self.claim = claim
        self.parallelism = parallelism
        self.batch = batch
    }
}

/// A Kubernetes Indexed Job (batch/v1, `completionMode: Indexed`) that runs the plan:
/// completion index `i` runs batch `i` of shards from the plan folder on the claimed
/// volume, exactly as a Slurm array task does. `twinc sweep exec --engine k8s --emit`
/// writes it as `k8s/job.json` for `kubectl apply -f`.
public func kubernetesJob(plan: SweepPlan, request: KubernetesRequest) -> JSONValue {
    let batch = max(1, request.batch)
    let completions = (plan.shards.count + batch - 1) / batch
    let labels: JSONValue = .object([("app.kubernetes.io/name", .string("twinc-sweep")),
                                     ("twinc.dev/plan", .string(plan.id))])
    let command = "exec twinc sweep run /sweep --shard \"$JOB_COMPLETION_INDEX\" --batch \(batch)"
    let container: JSONValue = .object([
        ("name", .string("shard")),
        ("image", .string(request.image)),
        ("command", .array([.string("/bin/sh"), .string("-c"), .string(command)])),
        ("resources", .object([("requests", .object([("cpu", .string("1")), ("memory", .string("512Mi"))]))])),
        ("volumeMounts", .array([.object([("name", .string("sweep")), ("mountPath", .string("/sweep"))])])),
    ])
    return .object([
        ("apiVersion", .string("batch/v1")),
        ("kind", .string("Job")),
        ("metadata", .object([("name", .string("twinc-sweep-\(plan.id)")), ("labels", labels)])),
        ("spec", .object([
            ("completionMode", .string("Indexed")),
            ("completions", .int(completions)),
            ("parallelism", .int(max(1, min(request.parallelism, completions)))),
            ("backoffLimit", .int(max(6, completions))),
            ("template", .object([
                ("metadata", .object([("labels", labels)])),
                ("spec", .object([
                    ("restartPolicy", .string("Never")),
                    ("containers", .array([container])),
                    ("volumes", .array([.object([
                        ("name", .string("sweep")),
                        ("persistentVolumeClaim", .object([("claimName", .string(request.claim))])),
                    ])])),
                ])),
            ])),
        ])),
    ])
}
