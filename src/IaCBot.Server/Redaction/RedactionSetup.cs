using IaCBot.Core.Redaction;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Redaction;

/// <summary>
/// The one <see cref="Redactor"/> of the server, and the logging that goes through it: every logger the app hands
/// out (ASP.NET Core's, Hangfire's, ours) masks the server's secrets before any provider sees the entry.
/// </summary>
internal static class RedactionSetup
{
    public static IServiceCollection AddRedaction(this IServiceCollection services)
    {
        services.AddSingleton(sp => ServerSecrets.Read(sp.GetRequiredService<IConfiguration>()));

        // Replaces the factory AddLogging registered; providers are read when it is first asked for, so one added
        // later (by a test, or another feature) is wrapped all the same.
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>()),
            sp.GetRequiredService<Redactor>())));
        return services;
    }
}
