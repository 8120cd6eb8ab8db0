using System.Text.RegularExpressions;

namespace IaCBot.Infrastructure.Tests.FakeTerraform;

internal sealed partial record FakeTerraformResult(int ExitCode, string Stdout, string Stderr)
{
    public string PlainStdout => Ansi().Replace(Stdout, "");

    public string PlainStderr => Ansi().Replace(Stderr, "");

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Ansi();
}
