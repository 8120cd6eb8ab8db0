using IaCBot.Bench.Intake;

namespace IaCBot.Bench.Reporting;

/// <summary>Everything one run measured, as written to bench/results/intake-*.json.</summary>
internal sealed record BenchReport(
    DateTimeOffset StartedUtc,
    string Mode,
    MachineInfo Machine,
    IntakeOptions Options,
    IReadOnlyList<LatencySummary> Phases,
    LossReport Loss);
