using IaCBot.Core.Commands;
using IaCBot.Core.Redaction;
using System.Text.RegularExpressions;
using IaCBot.Server.Cli;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Configuration;

/// <summary>
/// Checks every setting at start-up, before any webhook arrives. Each failure names its key as the user writes
/// it in iacbot.yaml (<c>server:repo_allowlist</c>) and says what is wrong.
/// </summary>
internal sealed partial class SettingsValidator :
    IValidateOptions<ServerOptions>, IValidateOptions<GitHubOptions>, IValidateOptions<TerraformOptions>, IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new List<string>();
        if (options.RepoAllowlist.Count == 0 || options.RepoAllowlist.All(string.IsNullOrWhiteSpace))
        {
            errors.Add("server:repo_allowlist is required: list the repositories IaCBot may act on, e.g. github.com/acme/* (or * for all).");
        }

        if (options.PublicUrl is { Length: > 0 } url && !IsHttpUrl(url))
        {
            errors.Add($"server:public_url must be an absolute http(s) URL, not '{url}'.");
        }

        if (options.RepoConfig is { Length: > 0 } repoConfig && !File.Exists(repoConfig))
        {
            errors.Add($"server:repo_config names '{repoConfig}', which does not exist.");
        }
        else if (options.RepoConfig is { Length: > 0 } serverConfig)
        {
            errors.AddRange(ServerConfigSetting.Problems(serverConfig));
        }

        foreach (var commandName in options.CommandNames.Where(n => !CommandName().IsMatch(n)))
        {
            errors.Add($"server:command_names has '{commandName}': a name is letters, digits, '-', '_' or '.', optionally after '@'.");
        }

        if (options.AllowCommands.Count > 0 && !AllowCommandsSetting.TryParse(options.AllowCommands, out _, out var commandsError))
        {
            errors.Add($"server:allow_commands: {commandsError}");
        }

        if (options.Redact.Any(v => !Redactor.IsMaskable(v)))
        {
            errors.Add($"server:redact has a value shorter than {Redactor.MinimumLength} characters (or blank): such short values are not masked, "
                + "since masking them would hide ordinary text everywhere. List only longer secrets.");
        }

        if (options.ParallelPoolSize < 1)
        {
            errors.Add($"server:parallel_pool_size must be 1 or more, not {options.ParallelPoolSize}.");
        }

        if (DataDirProblem(options.DataDir) is { } problem)
        {
            errors.Add($"server:data_dir '{options.DataDir}' cannot be used: {problem}");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        var errors = new List<string>();
        if (!IsHttpUrl(options.ApiUrl))
        {
            errors.Add($"github:api_url must be an absolute http(s) URL such as https://api.github.com/, not '{options.ApiUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("github:token is required: a token of the bot's GitHub user with the repo scope.");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, TerraformOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Binary))
        {
            errors.Add("terraform:binary must name the terraform (or tofu) program: a path or a name on PATH.");
        }

        foreach (var (key, url) in new[] { ("terraform:download_url", options.DownloadUrl), ("terraform:tofu_download_url", options.TofuDownloadUrl) })
        {
            if (!IsHttpUrl(url))
            {
                errors.Add($"{key} must be an absolute http(s) URL, not '{url}'.");
            }
        }

        CheckDuration(errors, "terraform:timeout", options.Timeout);
        CheckDuration(errors, "terraform:kill_grace", options.KillGrace);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        CheckDuration(errors, "outbox:retry_delay", options.RetryDelay);
        CheckDuration(errors, "outbox:poll_interval", options.PollInterval);
        return Result(errors);
    }

    private static void CheckDuration(List<string> errors, string key, string value)
    {
        if (!Durations.TryParse(value, out _))
        {
            errors.Add($"{key} must be a positive duration such as 90s, 30m or 1h, not '{value}'.");
        }
    }

    /// <summary>Creates the folder and writes a file in it, so a read-only or full disk stops start-up.</summary>
    private static string? DataDirProblem(string dataDir)
    {
        if (string.IsNullOrWhiteSpace(dataDir))
        {
            return "it is empty.";
        }

        try
        {
            Directory.CreateDirectory(dataDir);
            var probe = Path.Combine(dataDir, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

    [GeneratedRegex(@"^@?[A-Za-z0-9_.-]+$")]
    private static partial Regex CommandName();
}
