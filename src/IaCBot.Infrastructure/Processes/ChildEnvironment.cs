using System.Collections;
using IaCBot.Core.Processes;

namespace IaCBot.Infrastructure.Processes;

/// <summary>
/// The environment a program starts with: the server's own, less every <c>IACBOT_*</c> variable (the server's
/// settings, tokens and webhook secrets among them, which a PR's terraform code or a custom step could otherwise
/// print or send away), plus what the spec sets. A spec may still set an <c>IACBOT_*</c> variable on purpose.
/// </summary>
internal static class ChildEnvironment
{
    public const string ServerPrefix = "IACBOT_";

    public static IReadOnlyDictionary<string, string?> For(ProcessSpec spec)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith(ServerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }
}
