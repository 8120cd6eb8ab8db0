namespace FakeTerraform.Config;

/// <summary>
/// What tests ask of the fake through <c># fake-terraform: ...</c> comments in the configuration:
/// <c>fail CMD</c>, <c>sleep CMD SECONDS</c>, <c>wait CMD PATH</c>, <c>extra-output plan LINES</c>,
/// <c>extra-bytes plan BYTES</c>, <c>secret-output plan TEXT</c>.
/// CMD is init, plan, apply, import or state (the last covering <c>state list</c> and <c>state rm</c>).
/// </summary>
internal sealed record FakeKnobs(
    IReadOnlySet<string> FailingCommands,
    IReadOnlyDictionary<string, TimeSpan> Sleeps,
    int ExtraOutputLines,
    IReadOnlyList<string> SecretOutputs)
{
    public const string Marker = "fake-terraform:";

    /// <summary><c>extra-bytes plan BYTES</c>: that many bytes of filler lines before the plan, written as they are made.</summary>
    public long ExtraOutputBytes { get; init; }

    /// <summary><c>wait CMD PATH</c>: the command holds, its output so far flushed, until the file at the absolute PATH exists.</summary>
    public IReadOnlyDictionary<string, string> Gates { get; init; } = new Dictionary<string, string>();

    public static FakeKnobs None { get; } = new(new HashSet<string>(), new Dictionary<string, TimeSpan>(), 0, []);

    public bool Fails(string command) => FailingCommands.Contains(command);

    public TimeSpan SleepFor(string command) => Sleeps.GetValueOrDefault(command, TimeSpan.Zero);

    public string? GateFor(string command) => Gates.GetValueOrDefault(command);
}
