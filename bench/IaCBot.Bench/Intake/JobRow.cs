namespace IaCBot.Bench.Intake;

/// <summary>The columns of Hangfire.Storage.SQLite's <c>Job</c> table the loss check reads.</summary>
internal sealed class JobRow
{
    public int Id { get; set; }

    public string? Arguments { get; set; }
}
