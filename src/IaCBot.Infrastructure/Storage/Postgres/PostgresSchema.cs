namespace IaCBot.Infrastructure.Storage.Postgres;

/// <summary>
/// The tables, in schema <c>iacbot</c> (Hangfire's queue keeps to its own schema on the same database). Every
/// pull request is stored both as its text key (<c>github.com/acme/infra#7</c>, for lookups) and as its parts.
/// </summary>
internal static class PostgresSchema
{
    public const string Initial = """
        CREATE TABLE IF NOT EXISTS iacbot.locks (
            id text PRIMARY KEY,
            pull_key text NOT NULL,
            host text NOT NULL,
            host_kind text NOT NULL,
            repo_owner text NOT NULL,
            repo_name text NOT NULL,
            number int NOT NULL,
            dir text NOT NULL,
            workspace text NOT NULL,
            user_name text NOT NULL,
            since timestamptz NOT NULL,
            project text NULL);
        CREATE INDEX IF NOT EXISTS locks_pull_key ON iacbot.locks (pull_key);

        CREATE TABLE IF NOT EXISTS iacbot.plans (
            pull_key text NOT NULL,
            dir text NOT NULL,
            workspace text NOT NULL,
            name text NOT NULL,
            number int NOT NULL,
            has_name boolean NOT NULL,
            apply_requirements text[] NOT NULL,
            head_sha text NOT NULL,
            planned_by text NOT NULL,
            created_at timestamptz NOT NULL,
            has_changes boolean NOT NULL,
            summary text NOT NULL,
            plan_file bytea NOT NULL,
            PRIMARY KEY (pull_key, dir, workspace, name));

        CREATE TABLE IF NOT EXISTS iacbot.deliveries (
            id text PRIMARY KEY,
            event text NOT NULL,
            received_at timestamptz NOT NULL,
            owner text NOT NULL,
            queued boolean NOT NULL);

        CREATE TABLE IF NOT EXISTS iacbot.outbox (
            id text PRIMARY KEY,
            sequence bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            pull_key text NOT NULL,
            host text NOT NULL,
            host_kind text NOT NULL,
            repo_owner text NOT NULL,
            repo_name text NOT NULL,
            number int NOT NULL,
            kind text NOT NULL,
            body text NULL,
            commit_sha text NULL,
            status_context text NULL,
            status_state text NULL,
            status_description text NULL,
            status_url text NULL,
            created_at timestamptz NOT NULL,
            attempts int NOT NULL,
            next_attempt_at timestamptz NULL,
            last_error text NULL,
            gave_up boolean NOT NULL);
        CREATE INDEX IF NOT EXISTS outbox_pending ON iacbot.outbox (pull_key, sequence) WHERE NOT gave_up;

        CREATE TABLE IF NOT EXISTS iacbot.jobs (
            id text PRIMARY KEY,
            started_at timestamptz NOT NULL,
            finished_at timestamptz NULL,
            owner text NOT NULL,
            pull_key text NOT NULL,
            host text NOT NULL,
            host_kind text NOT NULL,
            repo_owner text NOT NULL,
            repo_name text NOT NULL,
            number int NOT NULL,
            kind text NOT NULL,
            command text NOT NULL,
            head_sha text NULL,
            payload text NOT NULL);
        CREATE INDEX IF NOT EXISTS jobs_unfinished ON iacbot.jobs (started_at) WHERE finished_at IS NULL;

        CREATE TABLE IF NOT EXISTS iacbot.apply_lock (
            id text PRIMARY KEY CHECK (id = 'applies'),
            set_by text NOT NULL,
            since timestamptz NOT NULL,
            reason text NULL);

        CREATE TABLE IF NOT EXISTS iacbot.ticket_counters (
            pull_key text PRIMARY KEY,
            last bigint NOT NULL);

        CREATE TABLE IF NOT EXISTS iacbot.tickets (
            pull_key text NOT NULL,
            number bigint NOT NULL,
            issued_at timestamptz NOT NULL,
            claimed_by text NULL,
            PRIMARY KEY (pull_key, number));
        """;

    /// <summary>Version 2: the run history the web pages and the API read (one JSON record per run).</summary>
    public const string RunHistory = """
        CREATE TABLE IF NOT EXISTS iacbot.runs (
            id text PRIMARY KEY,
            repo text NOT NULL,
            pull_key text NOT NULL,
            started timestamptz NOT NULL,
            running boolean NOT NULL,
            record jsonb NOT NULL);
        CREATE INDEX IF NOT EXISTS runs_started ON iacbot.runs (started DESC);
        CREATE INDEX IF NOT EXISTS runs_repo ON iacbot.runs (repo, started DESC);
        CREATE INDEX IF NOT EXISTS runs_pull ON iacbot.runs (pull_key, started DESC);
        """;

    /// <summary>Version 3: finished runs' logs, so that a replica can show a run another replica ran.</summary>
    public const string RunLogs = """
        CREATE TABLE IF NOT EXISTS iacbot.run_logs (
            path text PRIMARY KEY,
            run_id text NOT NULL,
            saved_at timestamptz NOT NULL,
            gzip bytea NOT NULL);
        CREATE INDEX IF NOT EXISTS run_logs_saved ON iacbot.run_logs (saved_at);
        """;

    /// <summary>Version 4: the intake journal, deliveries answered and not yet queued, in the order they were accepted.</summary>
    public const string Intake = """
        CREATE TABLE IF NOT EXISTS iacbot.intake (
            seq bigserial PRIMARY KEY,
            delivery_id text NOT NULL UNIQUE,
            event text NOT NULL,
            received_at timestamptz NOT NULL,
            owner text NOT NULL,
            work text NOT NULL);
        CREATE INDEX IF NOT EXISTS intake_owner ON iacbot.intake (owner, seq);
        """;

    /// <summary>
    /// Version 5: which job does each delivery's work, so that a delivery queued twice (a crash between queueing its
    /// job and marking it queued) is done once. Apart from <c>deliveries</c>, whose rows are forgotten and taken again.
    /// </summary>
    public const string DeliveryClaims = """
        CREATE TABLE IF NOT EXISTS iacbot.delivery_claims (
            delivery_id text PRIMARY KEY,
            job_id text NOT NULL,
            claimed_at timestamptz NOT NULL);
        """;
}
