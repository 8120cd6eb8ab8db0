using System.Collections.ObjectModel;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig.Reading;

/// <summary>Turns the YAML tree of a server-side repo config into a <see cref="ServerConfig"/>, reporting every problem.</summary>
internal static class ServerConfigReader
{
    private const string Where = "at the top level of the server config";

    public static ServerConfig? Read(YamlNode? root, ErrorSink errors)
    {
        switch (root)
        {
            // As in Atlantis, an empty file changes nothing.
            case null or YamlScalar { IsNull: true }:
                return ServerConfig.Default;
            case not YamlMapping:
                errors.At(root, $"The server config must be a mapping with `repos:` and `workflows:`, not {root.Describe()}.");
                return null;
        }

        var top = new MappingReader((YamlMapping)root, ServerConfigKeys.TopLevel, Where, errors, ServerConfigKeys.MisplacedAtTopLevel);
        AcceptedButUnused(top, "policies");
        AcceptedButUnused(top, "metrics");
        RefuseTeamAuthz(top);
        var defined = WorkflowReader.ReadAll(top);
        var workflows = new Dictionary<string, Workflow>(defined, StringComparer.Ordinal);
        workflows.TryAdd(Workflow.DefaultName, Workflow.Default);
        var repos = ReadRepos(top, workflows.AsReadOnly());
        return new ServerConfig(repos, defined);
    }

    private static List<RepoEntry> ReadRepos(MappingReader top, ReadOnlyDictionary<string, Workflow> workflows)
    {
        switch (top.Value("repos"))
        {
            case null:
                return [];
            case YamlSequence sequence:
                return sequence.Items.Select(item => RepoEntryReader.Read(item, workflows, top.Errors)).OfType<RepoEntry>().ToList();
            case var other:
                top.Errors.At(other, $"`repos` must be a list of entries (each starting with `- id:`), not {other.Describe()}.");
                return [];
        }
    }

    // Conftest policy sets and metrics sinks are Atlantis features IaCBot lacks. Accepting them keeps an Atlantis file
    // usable; they have no effect on plans or applies (Atlantis itself ignores policies without --enable-policy-checks).
    private static void AcceptedButUnused(MappingReader top, string key)
    {
        if (top.Value(key) is { } value and not YamlMapping)
        {
            top.Errors.At(value, $"`{key}` must be a mapping, not {value.Describe()}.");
        }
    }

    // Unlike policies and metrics, ignoring team_authz would let through commands the file means to refuse.
    private static void RefuseTeamAuthz(MappingReader top)
    {
        if (top.Node.Find("team_authz") is { } entry)
        {
            top.Errors.At(entry.Key, "`team_authz` (an external command deciding who may run which command) is not supported by IaCBot; remove it, and restrict who can comment through the repository's permissions instead.");
        }
    }
}
