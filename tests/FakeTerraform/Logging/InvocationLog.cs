using System.Text;
using System.Text.Json.Nodes;
using FakeTerraform.State;

namespace FakeTerraform.Logging;

/// <summary>
/// With FAKE_TERRAFORM_LOG set, one JSON line per phase of each run is appended to that file: "start" when the
/// run begins (so a killed run still shows) and "end" with the exit code, letting tests check what ran.
/// </summary>
internal sealed class InvocationLog(string? path, IReadOnlyList<string> args, string directory, IReadOnlyDictionary<string, string> environment)
{
    public const string Variable = "FAKE_TERRAFORM_LOG";

    public const string TestVariablePrefix = "IACBOT_TEST_";

    public async Task StartAsync() => await AppendAsync(Entry("start"));

    public async Task EndAsync(int exitCode)
    {
        var entry = Entry("end");
        entry["exit"] = exitCode;
        await AppendAsync(entry);
    }

    private JsonObject Entry(string phase) => new()
    {
        ["phase"] = phase,
        ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)JsonValue.Create(a))]),
        ["cwd"] = directory,
        ["env"] = Environment(),
        ["pid"] = System.Environment.ProcessId,
    };

    /// <summary>
    /// The variables tests look for: terraform's own, the version override, and every IACBOT_TEST_ one, by which
    /// a test sees that a workflow's env steps reached terraform. The fixed names are present even when unset.
    /// </summary>
    private JsonObject Environment()
    {
        var env = new JsonObject
        {
            ["TF_IN_AUTOMATION"] = environment.GetValueOrDefault("TF_IN_AUTOMATION"),
            ["TF_WORKSPACE"] = environment.GetValueOrDefault("TF_WORKSPACE"),
            [TerraformVersion.OverrideVariable] = environment.GetValueOrDefault(TerraformVersion.OverrideVariable),
        };
        foreach (var (name, value) in environment.Where(e => e.Key.StartsWith(TestVariablePrefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary>Parallel runs share the file: an exclusive open, retried briefly, keeps each line whole.</summary>
    private async Task AppendAsync(JsonObject entry)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var line = Encoding.UTF8.GetBytes(entry.ToJsonString(JsonFormat.Compact) + "\n");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
                await stream.WriteAsync(line);
                return;
            }
            catch (IOException) when (attempt < 400)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            }
        }
    }
}
