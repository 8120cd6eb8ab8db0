using IaCBot.Core.Runs;
using IaCBot.Server.Cli;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Configuration;

/// <summary>
/// Settings layer as in any .NET app, lowest first: the YAML file named by <c>--config</c> (or IACBOT_CONFIG), then
/// <c>IACBOT_&lt;SECTION&gt;__&lt;KEY&gt;</c> environment variables, then <c>--section:key=value</c> arguments.
/// </summary>
internal static class SettingsSetup
{
    /// <summary>
    /// Defaults under every other layer. ASP.NET Core's six lines per request cost a fifth of a webhook's handling
    /// time (see README, Performance) and say nothing IaCBot's own log lines do not.
    /// </summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static WebApplicationBuilder AddIaCBotSettings(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        var path = builder.Configuration["config"] ?? Environment.GetEnvironmentVariable("IACBOT_CONFIG");
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                throw new SettingsException($"The settings file '{path}' (from --config or IACBOT_CONFIG) does not exist.");
            }

            try
            {
                builder.Configuration.AddYamlFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or YamlDotNet.Core.YamlException)
            {
                throw new SettingsException($"The settings file '{path}' cannot be read: {ex.Message}", ex);
            }
        }

        builder.Configuration.AddEnvironmentVariables("IACBOT_");
        builder.Configuration.AddCommandLine(args);

        var services = builder.Services;
        services.AddSingleton<SettingsValidator>();
        services.AddSingleton<IValidateOptions<ServerOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<GitHubOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<TerraformOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<OutboxOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<ApiOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<GiteaOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<GitLabOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddSingleton<IValidateOptions<StorageOptions>>(sp => sp.GetRequiredService<SettingsValidator>());
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateOnStart()
            .PostConfigure<IConfiguration>(ReadCommaSeparatedLists);
        services.AddOptions<GitHubOptions>().BindConfiguration(GitHubOptions.Section).ValidateOnStart();
        services.AddOptions<TerraformOptions>().BindConfiguration(TerraformOptions.Section).ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddOptions<GiteaOptions>().BindConfiguration(GiteaOptions.Section).ValidateOnStart();
        services.AddOptions<GitLabOptions>().BindConfiguration(GitLabOptions.Section).ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            var github = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            var version = typeof(SettingsSetup).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            return new BotSettings(server.EffectiveCommandNames, github.BotLogin, version);
        });
        services.AddSingleton(sp => ServerConfigSetting.Load(sp.GetRequiredService<IOptions<ServerOptions>>().Value.RepoConfig));
        return builder;
    }

    /// <summary>
    /// A list setting may also be one comma-separated value, as Atlantis' flags take them and as an environment
    /// variable carries them: <c>IACBOT_SERVER__REPO_ALLOWLIST=github.com/acme/*,github.com/beta/*</c>.
    /// </summary>
    private static void ReadCommaSeparatedLists(ServerOptions options, IConfiguration configuration)
    {
        options.RepoAllowlist = Split(configuration, "server:repo_allowlist") ?? options.RepoAllowlist;
        options.CommandNames = Split(configuration, "server:command_names") ?? options.CommandNames;
        options.AllowCommands = Split(configuration, "server:allow_commands") ?? options.AllowCommands;
        options.Redact = Split(configuration, "server:redact") ?? options.Redact;
        options.DenyExtraArgs = Split(configuration, "server:deny_extra_args") ?? options.DenyExtraArgs;
        foreach (var command in configuration.GetSection("server:command_permissions").GetChildren())
        {
            if (Split(configuration, command.Path) is { } list)
            {
                options.CommandPermissions[command.Key] = list;
            }
        }
    }

    private static List<string>? Split(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null;
}
