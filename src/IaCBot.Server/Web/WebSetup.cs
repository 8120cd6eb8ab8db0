using Hangfire;
using Hangfire.Dashboard;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Web;

/// <summary>The web UI, the Hangfire dashboard at <c>/jobs</c>, and the authentication in front of both.</summary>
internal static class WebSetup
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        services.AddAntiforgery(options => options.Cookie.Name = "iacbot-antiforgery");
        services.AddSingleton<RunLogStream>();
        return services;
    }

    /// <summary>Refuses to start (see <see cref="WebAuthentication.RefuseOpenListening"/>) before anything is served.</summary>
    public static WebApplication MapWeb(this WebApplication app)
    {
        WebAuthentication.RefuseOpenListening(app.Configuration, app.Services.GetRequiredService<IOptions<WebOptions>>().Value);
        app.UseMiddleware<WebAuthentication>();
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            // WebAuthentication has let the request through; Hangfire's default would allow local requests only.
            Authorization = [new AllowAuthenticated()],
            DashboardTitle = "IaCBot jobs",
            AppPath = "/",
        }, app.Services.GetRequiredService<JobStorage>());
        app.MapWebPages();
        return app;
    }

    private sealed class AllowAuthenticated : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
