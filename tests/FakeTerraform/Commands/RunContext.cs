using System.Collections;
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

    public async Task PauseAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        await Out.FlushAsync();
        await Err.FlushAsync();
        await Task.Delay(delay, TimeProvider.System);
    }
}
