namespace FakeTerraform;

/// <summary>The release the fake impersonates: the last MPL-licensed line, whose output formats the fixtures show.</summary>
internal static class TerraformVersion
{
    public const string Number = "1.5.7";

    public const string Platform = "linux_amd64";

    /// <summary>Set to another release (say 1.4.6) to test a bot's version checks against the same fake.</summary>
    public const string OverrideVariable = "FAKE_TERRAFORM_VERSION";

    /// <summary>The version this run reports: the override when one is set, else <see cref="Number"/>.</summary>
    public static string For(IReadOnlyDictionary<string, string> environment) =>
        environment.GetValueOrDefault(OverrideVariable) is { Length: > 0 } version ? version : Number;
}
