using Prometheus;

namespace IaCBot.Server.Observability;

/// <summary>
/// The server's Prometheus metrics, in a registry of the app's own (not prometheus-net's process-wide default), so
/// that two apps in one process, as in tests, count apart. The queue length and locks held are read at each scrape.
/// </summary>
internal sealed class IaCBotMetrics
{
    private static readonly double[] StepBuckets = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    public IaCBotMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Webhooks = factory.CreateCounter("iacbot_webhooks_total", "Webhook deliveries received, by Git host, event and result.", "host", "event", "result");
        Commands = factory.CreateCounter("iacbot_commands_total", "Runs of commands and pull request events, by kind and outcome.", "kind", "outcome");
        StepDurations = factory.CreateHistogram("iacbot_step_duration_seconds", "How long workflow steps took, by step.",
            new HistogramConfiguration { LabelNames = ["step", "result"], Buckets = StepBuckets });
        RunDurations = factory.CreateHistogram("iacbot_run_duration_seconds", "How long runs took, by kind.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = StepBuckets });
        QueueLength = factory.CreateGauge("iacbot_job_queue_length", "Jobs waiting in the queue for a worker.");
        RunningJobs = factory.CreateGauge("iacbot_jobs_running", "Jobs a worker is running.");
        LocksHeld = factory.CreateGauge("iacbot_locks_held", "Project locks held by pull requests.");
        GitHostCalls = factory.CreateCounter("iacbot_git_host_api_calls_total", "Calls to a Git host's API, by API host and result.", "host", "result");
        GitHostErrors = factory.CreateCounter("iacbot_git_host_api_errors_total", "Git host API calls that failed, by API host and status (or exception).", "host", "status");
        IntakePumped = factory.CreateCounter("iacbot_intake_pumped_total",
            "Accepted deliveries the intake pump took from the journal, by result: queued, duplicate (queued before) or unreadable.", "result");
        DuplicateJobs = factory.CreateCounter("iacbot_duplicate_jobs_total",
            "Jobs that ended without running because another job had claimed their delivery (queued twice after a crash).");
        GitHostRetries = factory.CreateCounter("iacbot_git_host_api_retries_total", "Git host API calls tried again, by API host.", "host");
    }

    public CollectorRegistry Registry { get; }

    public Counter Webhooks { get; }

    public Counter Commands { get; }

    public Histogram StepDurations { get; }

    public Histogram RunDurations { get; }

    public Gauge QueueLength { get; }

    public Gauge RunningJobs { get; }

    public Gauge LocksHeld { get; }

    public Counter GitHostCalls { get; }

    public Counter GitHostErrors { get; }

    public Counter GitHostRetries { get; }

    /// <summary>With the webhooks counted <c>queued</c>, shows the deliveries accepted and still waiting in the journal.</summary>
    public Counter IntakePumped { get; }

    public Counter DuplicateJobs { get; }
}
