using IaCBot.Core.Logging;
using IaCBot.Core.Projects;
using Microsoft.Extensions.Logging;

namespace IaCBot.Core.Runs;

/// <summary>
/// The project a log line is about, as a scope on everything logged while it runs (inside the job's scope of the
/// delivery and PR), so that the lines of projects run side by side can be told apart.
/// </summary>
internal static class ProjectLogScope
{
    public static IDisposable? Begin(ILogger logger, Project project) =>
        logger.BeginScope(new LogScope
        {
            ["Project"] = project.Name ?? project.Dir,
            ["Dir"] = project.Dir,
            ["Workspace"] = project.Workspace,
        });
}
