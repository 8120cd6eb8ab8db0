using FakeTerraform.Cli;

namespace FakeTerraform.Commands;

/// <summary>The flags terraform's plan and apply accept, as far as the fake supports them.</summary>
internal static class OperationFlags
{
    public static GoFlagSet Plan() => Shared()
        .Add(FlagKind.Bool, "detailed-exitcode")
        .Add(FlagKind.String, "out");

    public static GoFlagSet Apply() => Shared()
        .Add(FlagKind.Bool, "auto-approve")
        .Add(FlagKind.String, "state-out", "backup");

    private static GoFlagSet Shared() => new GoFlagSet()
        .Add(FlagKind.Bool, "input", "lock", "refresh", "destroy")
        .Add(FlagKind.String, "var", "var-file", "target", "state")
        .Add(FlagKind.Int, "parallelism")
        .Add(FlagKind.Duration, "lock-timeout");
}
