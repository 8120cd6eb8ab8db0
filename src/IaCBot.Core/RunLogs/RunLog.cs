using System.Globalization;
using System.Text;
using IaCBot.Core.Projects;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.RunLogs;

/// <summary>
/// The log files of one run (one queued job: an autoplan or a comment's command), one per project plus one for the
/// workflow hooks, under <c>data_dir/logs/&lt;host&gt;/&lt;owner&gt;/&lt;repo&gt;/&lt;pr&gt;/&lt;started&gt;-&lt;run id&gt;/</c>.
/// The start time leads the run's folder so runs sort by time, and a run id reused after the job queue was reset
/// cannot append to an old run's log. One instance per job (a scoped service): nothing is logged to a file before
/// <see cref="Begin"/>, which keeps code that runs outside a job (and unit tests) free of log files.
/// </summary>
public sealed class RunLog(RunLogSettings settings, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private string? _run;

    /// <summary>Names the run; its files are created as output arrives.</summary>
    public void Begin(string runId)
    {
        var started = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _run = $"{started}-{Safe(runId)}";
            _owners.Clear();
            _files.Clear();
        }
    }

    /// <summary>The files handed out in this run, relative to data_dir; one may not exist when nothing was written to it.</summary>
    public IReadOnlyList<string> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _files];
            }
        }
    }

    /// <summary>The project's log for this run, or null outside a run.</summary>
    public LogFile? ForProject(PullRequestRef pull, Project project)
    {
        var name = project.Name is { Length: > 0 } named ? "project-" + Safe(named) : "dir-" + Safe(project.Dir == "." ? "root" : project.Dir);
        return File(pull, $"{name}.{Safe(project.Workspace)}", $"{project.Dir}\n{project.Workspace}\n{project.Name}");
    }

    /// <summary>The log of the run's pre and post workflow hooks, or null outside a run.</summary>
    public LogFile? ForHooks(PullRequestRef pull) => File(pull, "workflow-hooks", "\nhooks");

    private LogFile? File(PullRequestRef pull, string baseName, string owner)
    {
        string relative;
        lock (_gate)
        {
            if (_run is null)
            {
                return null;
            }

            var repo = pull.Repo;
            var folder = string.Join('/', Safe(repo.Host), Safe(repo.Owner), Safe(repo.Name), pull.Number.ToString(CultureInfo.InvariantCulture), _run);
            relative = $"{folder}/{UniqueName(baseName, owner)}.log";
            if (!_files.Contains(RunLogSettings.FolderName + "/" + relative))
            {
                _files.Add(RunLogSettings.FolderName + "/" + relative);
            }
        }

        var path = Path.Combine(settings.LogsDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
        return new LogFile(path, $"{RunLogSettings.FolderName}/{relative}", Link(relative));
    }

    /// <summary>Two projects whose names flatten alike (<c>a/b</c> and <c>a_b</c>) get files of their own.</summary>
    private string UniqueName(string baseName, string owner)
    {
        for (var n = 1; ; n++)
        {
            var name = n == 1 ? baseName : $"{baseName}-{n}";
            if (_owners.TryAdd(name, owner) || _owners[name] == owner)
            {
                return name;
            }
        }
    }

    /// <summary>Where issue 6's log page will serve the file: <c>public_url/runs/</c> and the path under logs.</summary>
    private Uri? Link(string relative)
    {
        if (settings.PublicUrl is not { } baseUrl)
        {
            return null;
        }

        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        var escaped = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
        return new Uri(root, "runs/" + escaped);
    }

    /// <summary>A name that stays one path segment: letters, digits, <c>- _ .</c>; slashes become underscores.</summary>
    private static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : c == '/' ? '_' : '-');
        }

        var trimmed = safe.ToString().TrimStart('.');
        return trimmed.Length == 0 ? "_" : trimmed;
    }
}
