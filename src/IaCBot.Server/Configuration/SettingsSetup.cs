using IaCBot.Core.Runs;
using IaCBot.Server.Cli;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Configuration;

/// <summary>
/// Settings layer as in any .NET app, lowest first: the YAML file named by <c>--config</c> (or IACBOT_CONFIG), then
/// <c>IACBOT_&lt;SECTION&gt;__&lt;KEY&gt;</c> environment variables, then <c>--section:key=value</c> arguments.
/// </summary>
internal static class SettingsSetup
{
    public static WebApplicationBuilder AddIaCBotSettings(this WebApplicationBuilder builder, string[] args)
    {
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
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateOnStart();
        services.AddOptions<GitHubOptions>().BindConfiguration(GitHubOptions.Section).ValidateOnStart();
        services.AddOptions<TerraformOptions>().BindConfiguration(TerraformOptions.Section).ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var server = sp.GetRequiredService<IOptions<ServerOptions>>().Value;
            var github = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            var version = typeof(SettingsSetup).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            return new BotSettings(server.EffectiveCommandNames, github.User, version);
        });
        services.AddSingleton(sp => ServerConfigSetting.Load(sp.GetRequiredService<IOptions<ServerOptions>>().Value.RepoConfig));
        return builder;
    }
}
