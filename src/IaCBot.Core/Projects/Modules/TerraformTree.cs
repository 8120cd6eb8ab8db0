using IaCBot.Core.RepoConfig.Paths;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// The directories of a checkout that hold terraform configuration, and which of them call which others as local
/// modules: built once per choice of projects from a <see cref="CheckoutIndex"/> and then asked many questions,
/// each answered from memory.
/// </summary>
internal sealed class TerraformTree
{
    private readonly HashSet<string> dirSet;
    private readonly Dictionary<string, HashSet<string>> callersByModule = new(StringComparer.Ordinal);
    private readonly HashSet<string> withBackend = new(StringComparer.Ordinal);

    public TerraformTree(IReadOnlyDictionary<string, ModuleCalls> callsByDir)
    {
        ArgumentNullException.ThrowIfNull(callsByDir);
        dirSet = callsByDir.Keys.ToHashSet(StringComparer.Ordinal);
        Dirs = [.. callsByDir.Keys.Order(StringComparer.Ordinal)];
        foreach (var (dir, calls) in callsByDir)
        {
            if (calls.DeclaresBackend)
            {
                withBackend.Add(dir);
            }

            foreach (var source in calls.Sources)
            {
                AddCall(dir, source);
            }
        }
    }

    /// <summary>Every directory holding a configuration file (see <see cref="TerraformFiles"/>), in ordinal order.</summary>
    public IReadOnlyList<string> Dirs { get; }

    public bool HoldsTerraform(string dir) => dirSet.Contains(dir);

    /// <summary>True when another directory of the checkout calls <paramref name="dir"/> as a local module.</summary>
    public bool IsCalledAsModule(string dir) => callersByModule.ContainsKey(dir);

    public bool DeclaresBackend(string dir) => withBackend.Contains(dir);

    /// <summary>Every directory that calls one of <paramref name="modules"/>, directly or through other local modules.</summary>
    public IReadOnlySet<string> CallersOf(IEnumerable<string> modules)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(modules);
        while (pending.TryDequeue(out var module))
        {
            if (!callersByModule.TryGetValue(module, out var callers))
            {
                continue;
            }

            foreach (var caller in callers.Where(found.Add))
            {
                pending.Enqueue(caller);
            }
        }

        return found;
    }

    /// <summary>
    /// The local module a change at <paramref name="file"/> belongs to, if any: the nearest directory, from the file's
    /// own upwards, that others call as a module. A directory holding terraform that nobody calls ends the search,
    /// since terraform never loads a subdirectory's files into the module above it.
    /// </summary>
    public string? ModuleContaining(string file)
    {
        var dir = RepoPath.DirectoryOf(file);
        while (true)
        {
            if (IsCalledAsModule(dir))
            {
                return dir;
            }

            if (HoldsTerraform(dir) || dir == RepoPath.Root)
            {
                return null;
            }

            dir = RepoPath.DirectoryOf(dir);
        }
    }

    private void AddCall(string caller, string source)
    {
        // Like terraform, a source naming a directory without configuration is no module (Atlantis skips it too).
        if (!LocalModuleSource.TryResolve(caller, source, out var module) || !dirSet.Contains(module))
        {
            return;
        }

        if (!callersByModule.TryGetValue(module, out var callers))
        {
            callers = new HashSet<string>(StringComparer.Ordinal);
            callersByModule[module] = callers;
        }

        callers.Add(caller);
    }
}
