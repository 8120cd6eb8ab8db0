using System.Globalization;
using System.Text.RegularExpressions;
using IaCBot.Infrastructure.GitHub;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>github:app_*</c> settings: what is wrong with them, and the App they name.</summary>
internal static partial class GitHubAppSetting
{
    public static IEnumerable<string> Problems(GitHubOptions options)
    {
        if (!options.IsApp)
        {
            if (!string.IsNullOrWhiteSpace(options.AppKeyFile))
            {
                yield return "github:app_key_file is set without github:app_id: set the App's id too, or remove the key file.";
            }

            if (!string.IsNullOrWhiteSpace(options.InstallationId))
            {
                yield return "github:installation_id is set without github:app_id: it is only used by a GitHub App.";
            }

            yield break;
        }

        // Two identities would leave it unclear who comments and who may be refused; a leftover token is a likely mistake.
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            yield return "github:token and github:app_id are both set: IaCBot acts either as a user (token) or as a GitHub App (app_id), so remove one.";
        }

        if (!TryParseId(options.AppId, out _))
        {
            yield return $"github:app_id must be the GitHub App's number (shown on its settings page as App ID), not '{options.AppId}'.";
        }

        if (string.IsNullOrWhiteSpace(options.AppKeyFile))
        {
            yield return "github:app_key_file is required with github:app_id: the path of the App's private key (.pem) downloaded from its settings.";
        }
        else if (!GitHubAppKey.TryRead(options.AppKeyFile, out _, out var problem))
        {
            yield return $"github:app_key_file {problem}";
        }

        if (!string.IsNullOrWhiteSpace(options.InstallationId) && !TryParseId(options.InstallationId, out _))
        {
            yield return $"github:installation_id must be a number (the end of the installation's settings URL), not '{options.InstallationId}'.";
        }

        if (options.AppSlug is { Length: > 0 } slug && !Slug().IsMatch(slug))
        {
            yield return $"github:app_slug must be the App's URL name (letters, digits and '-', without '[bot]'), not '{slug}'.";
        }
    }

    /// <summary>The App the settings name, or null when IaCBot uses a token; the settings were validated at start.</summary>
    public static GitHubAppSettings? Read(GitHubOptions options)
    {
        if (!options.IsApp || !TryParseId(options.AppId, out var appId) || !GitHubAppKey.TryRead(options.AppKeyFile ?? "", out var pem, out _))
        {
            return null;
        }

        long? installation = TryParseId(options.InstallationId, out var id) ? id : null;
        return new GitHubAppSettings(appId, pem, installation);
    }

    private static bool TryParseId(string? value, out long id) =>
        long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex Slug();
}
