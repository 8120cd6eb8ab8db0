using System.Collections;
using FakeTerraform.Config;
using FakeTerraform.State;

namespace FakeTerraform.Commands;

/// <summary>One invocation's surroundings: working directory, environment and the three standard streams.</summary>
internal sealed class RunContext(string directory, IReadOnlyDictionary<string, string> environment, TextWriter output, TextWriter error, TextReader input)
{
    public string Directory { get; set; } = directory;

    public IReadOnlyDictionary<string, string> Environment { get; } = environment;

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>TF_IN_AUTOMATION, any non-empty value: terraform then leaves out the "run this command next" hints.</summary>
    public bool InAutomation => !string.IsNullOrEmpty(Variable("TF_IN_AUTOMATION"));

    public string DataDirectory => Path.Combine(Directory, Variable("TF_DATA_DIR") is { Length: > 0 } dataDir ? dataDir : ".terraform");

    public WorkspaceStore Workspaces => new(Directory, DataDirectory, Variable("TF_WORKSPACE"));

    /// <summary>Init has run here: it leaves the installed providers in the data directory.</summary>
    public bool IsInitialized => System.IO.Directory.Exists(Path.Combine(DataDirectory, "providers"));

    public string? Variable(string name) => Environment.GetValueOrDefault(name);

    public string Resolve(string path) => Path.GetFullPath(path, Directory);

    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? "";
        }

        return result;
    }

    /// <summary>What the knobs ask of <paramref name="command"/> before it goes on: a sleep, then a wait for its gate file.</summary>
    public async Task HoldAsync(FakeKnobs knobs, string command)
    {
        var delay = knobs.SleepFor(command);
        var gate = knobs.GateFor(command);
        if (delay <= TimeSpan.Zero && gate is null)
        {
            return;
        }

        await Out.FlushAsync();
        await Err.FlushAsync();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, TimeProvider.System);
        }

        while (gate is not null && !File.Exists(gate))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }
}
