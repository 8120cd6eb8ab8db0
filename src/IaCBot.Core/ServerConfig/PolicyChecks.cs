using IaCBot.Core.RepoConfig;
using IaCBot.Core.RepoConfig.Reading;
using IaCBot.Core.RepoConfig.Yaml;

namespace IaCBot.Core.ServerConfig;

// Inside the namespace, so that RepoConfig names the type rather than the IaCBot.Core.RepoConfig namespace.
using RepoConfig = IaCBot.Core.RepoConfig.RepoConfig;

/// <summary>
/// What Atlantis refuses in a repo config under the server's policy (its <c>ValidateRepoCfg</c>), reported all at
/// once and each at the key it is about.
/// </summary>
internal static class PolicyChecks
{
    public static IReadOnlyList<ConfigError> Check(ServerRepoPolicy policy, RepoConfig config, string fileName)
    {
        var errors = new ErrorSink(fileName);
        var keys = new RepoFileKeys(config);
        CustomWorkflows(policy, config, keys, errors);
        foreach (var project in config.Projects)
        {
            foreach (var key in OverridableKeys.RefusedInProjects)
            {
                if (keys.Project(project, key) is { } node && !policy.Allows(key))
                {
                    errors.At(node, NotAllowed(policy, key));
                }
            }

            if (project.Workflow is { } name && policy.Allows(OverridableKeys.Workflow))
            {
                PickedWorkflow(policy, config, name, keys.ProjectValue(project, OverridableKeys.Workflow) ?? RepoFileKeys.Unplaced, errors);
            }
        }

        return errors.InFileOrder();
    }

    private static void CustomWorkflows(ServerRepoPolicy policy, RepoConfig config, RepoFileKeys keys, ErrorSink errors)
    {
        if (config.Workflows.Count > 0 && !policy.AllowCustomWorkflows)
        {
            errors.At(keys.Top("workflows") ?? RepoFileKeys.Unplaced,
                "This file defines its own workflows, which the server does not allow for this repository: custom workflows run any command on the server, so its repos.yaml would need `allow_custom_workflows: true` for this repository. Pick a server workflow with `workflow:` instead.");
        }
    }

    private static void PickedWorkflow(ServerRepoPolicy policy, RepoConfig config, string name, YamlNode at, ErrorSink errors)
    {
        var inRepo = config.Workflows.ContainsKey(name);
        if (!inRepo && !policy.Workflows.ContainsKey(name))
        {
            var known = config.Workflows.Keys.Concat(policy.Workflows.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
            errors.At(at, $"`workflow: {name}` names no workflow of this file or the server (defined: {ScalarValues.Join(known)}).{KeySuggestion.DidYouMean(name, known)}");
            return;
        }

        // A workflow the repo defines itself (when it may) is its own choice; Atlantis checks only server workflows against the list.
        var ownWorkflow = inRepo && policy.AllowCustomWorkflows;
        if (policy.AllowedWorkflows.Count > 0 && !ownWorkflow && !policy.AllowedWorkflows.Contains(name, StringComparer.Ordinal))
        {
            errors.At(at, $"`workflow: {name}` is not one the server lets this repository pick; its repos.yaml allows only {ScalarValues.Join(policy.AllowedWorkflows)} (`allowed_workflows`).");
        }
    }

    private static string NotAllowed(ServerRepoPolicy policy, string key)
    {
        var allowed = policy.AllowedOverrides.Count == 0 ? "it allows none" : $"it allows {ScalarValues.Join(policy.AllowedOverrides)}";
        return $"The server does not let this repository set `{key}`: its repos.yaml would need `allowed_overrides: [{key}]` for this repository ({allowed}).";
    }
}
