using IaCBot.Core.Access;
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
/// <param name="configuration">All settings, for a check that spans sections (a GitHub token is needed only without GitLab).</param>
internal sealed partial class SettingsValidator(IConfiguration? configuration = null) :
    IValidateOptions<ServerOptions>, IValidateOptions<GitHubOptions>, IValidateOptions<TerraformOptions>, IValidateOptions<OutboxOptions>,
    IValidateOptions<ApiOptions>, IValidateOptions<GiteaOptions>, IValidateOptions<GitLabOptions>, IValidateOptions<StorageOptions>
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

        CheckAccessSettings(errors, options);
        if (options.ParallelPoolSize < 1)
        {
            errors.Add($"server:parallel_pool_size must be 1 or more, not {options.ParallelPoolSize}.");
        }

        CheckDuration(errors, "server:shutdown_grace", options.ShutdownGrace);
        CheckDuration(errors, "server:recovery_interval", options.RecoveryInterval);
        CheckDuration(errors, "server:order_wait", options.OrderWait);
        CheckOutputSettings(errors, options);
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

        if (string.IsNullOrWhiteSpace(options.Token) && !options.IsApp
            && string.IsNullOrWhiteSpace(configuration?["gitlab:token"]) && string.IsNullOrWhiteSpace(configuration?["gitea:token"]))
        {
            errors.Add("github:token is required: a token of the bot's GitHub user with the repo scope "
                       + "(or github:app_id and github:app_key_file to act as a GitHub App).");
        }

        errors.AddRange(GitHubAppSetting.Problems(options));

        CheckDuration(errors, "github:max_rate_limit_wait", options.MaxRateLimitWait);
        CheckDuration(errors, "github:request_timeout", options.RequestTimeout);

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, GitLabOptions options) =>
        IsHttpUrl(options.Url) && new Uri(options.Url) is { Query.Length: 0, Fragment.Length: 0 }
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"gitlab:url must be the absolute http(s) address of the GitLab instance, such as https://gitlab.com or https://git.example.com/gitlab, not '{options.Url}'.");

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

        foreach (var (key, file) in new[] { ("terraform:release_signing_key", options.ReleaseSigningKey), ("terraform:tofu_release_signing_key", options.TofuReleaseSigningKey) })
        {
            if (file is { Length: > 0 } && !File.Exists(file))
            {
                errors.Add($"{key} names {file}, which is not a file: give the path of the publisher's OpenPGP public key (armored or binary).");
            }
        }

        CheckDuration(errors, "terraform:timeout", options.Timeout);
        CheckDuration(errors, "terraform:kill_grace", options.KillGrace);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        options.Secret is { Length: > 0 and < ApiOptions.MinSecretLength }
            ? ValidateOptionsResult.Fail($"api:secret must be at least {ApiOptions.MinSecretLength} characters long: it guards the admin API.")
            : ValidateOptionsResult.Success;

    /// <summary>The gitea section is checked only when a token turns it on.</summary>
    public ValidateOptionsResult Validate(string? name, GiteaOptions options)
    {
        var errors = new List<string>();
        if (options.IsEnabled && string.IsNullOrWhiteSpace(options.Url))
        {
            errors.Add("gitea:url is required with gitea:token: the Gitea or Forgejo server's address, such as https://gitea.example.com/.");
        }
        else if (options.IsEnabled && options.BaseUri is null)
        {
            errors.Add($"gitea:url must be an absolute http(s) URL such as https://gitea.example.com/, not '{options.Url}'.");
        }

        if (options.IsEnabled && string.IsNullOrWhiteSpace(options.User))
        {
            errors.Add("gitea:user is required with gitea:token: the bot's user name on the server, which owns the token.");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options) => Result([.. StorageSetting.Problems(options)]);

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var errors = new List<string>();
        CheckDuration(errors, "outbox:retry_delay", options.RetryDelay);
        CheckDuration(errors, "outbox:poll_interval", options.PollInterval);
        return Result(errors);
    }

    private static void CheckAccessSettings(List<string> errors, ServerOptions options)
    {
        if (!DenyExtraArgsSetting.TryParse(options.DenyExtraArgs, out _, out var denyError))
        {
            errors.Add($"server:deny_extra_args: {denyError}");
        }

        CommandPermissionsSetting.Parse(
            options.CommandPermissions.Select(p => KeyValuePair.Create(p.Key, (IReadOnlyList<string?>)p.Value)), out var problems);
        errors.AddRange(problems.Select(problem => $"server:command_permissions:{problem}"));
    }

    private static void CheckOutputSettings(List<string> errors, ServerOptions options)
    {
        if (!Sizes.TryParse(options.OutputTailSize, out _))
        {
            errors.Add($"server:output_tail_size must be a size from 1KB to 1GB such as 1MB or 512KB, not '{options.OutputTailSize}'.");
        }

        if (options.MaxCommentParts < 1)
        {
            errors.Add($"server:max_comment_parts must be 1 or more, not {options.MaxCommentParts}.");
        }

        if (!RetentionPeriod.TryParse(options.LogRetention, out _))
        {
            errors.Add($"server:log_retention must be a number of days such as 30d, or a duration such as 720h, not '{options.LogRetention}'.");
        }

        if (!RetentionPeriod.TryParse(options.RunRetention, out _))
        {
            errors.Add($"server:run_retention must be a number of days such as 90d, or a duration such as 2160h (to keep runs for good, a long one such as 36500d), not '{options.RunRetention}'.");
        }

        if (!Observability.LogFormat.IsValid(options.LogFormat))
        {
            errors.Add($"server:log_format must be text or json, not '{options.LogFormat}'.");
        }
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
