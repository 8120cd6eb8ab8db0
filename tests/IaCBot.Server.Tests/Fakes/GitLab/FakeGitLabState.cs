namespace IaCBot.Server.Tests.Fakes.GitLab;

/// <summary>Everything the fake GitLab holds, behind one lock: projects, merge requests, notes, statuses, members.</summary>
internal sealed class FakeGitLabState
{
    private readonly Dictionary<string, FakeGitLabProject> _projects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Project, int Iid), FakeMergeRequest> _mergeRequests = [];
    private readonly Dictionary<(string Project, int Iid), List<FakeComment>> _notes = [];
    private readonly Dictionary<string, List<FakeStatus>> _statuses = [];
    private readonly Dictionary<string, long> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Path, string User), int> _access = [];
    private readonly List<FakeFault> _faults = [];
    private readonly List<(string Method, string Path)> _requests = [];
    private readonly HashSet<(string Project, string Branch)> _deletedBranches = [];
    private long _nextId = 1000;

    public Lock Gate { get; } = new();

    public int DefaultAccessLevel { get; set; } = 30;

    public FakeGitLabProject Project(string path)
    {
        lock (Gate)
        {
            if (!_projects.TryGetValue(path, out var project))
            {
                project = new FakeGitLabProject(_nextId++, path, Gate);
                _projects[path] = project;
            }

            return project;
        }
    }

    public FakeGitLabProject? FindProject(string pathOrId)
    {
        lock (Gate)
        {
            return _projects.TryGetValue(pathOrId, out var project) ? project : _projects.Values.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == pathOrId);
        }
    }

    public FakeMergeRequest AddMergeRequest(string path, int iid)
    {
        lock (Gate)
        {
            var mr = new FakeMergeRequest(Project(path), iid);
            _mergeRequests[(path.ToLowerInvariant(), iid)] = mr;
            return mr;
        }
    }

    public FakeMergeRequest? MergeRequest(string path, int iid)
    {
        lock (Gate)
        {
            return _mergeRequests.GetValueOrDefault((path.ToLowerInvariant(), iid));
        }
    }

    public FakeComment AddNote(string path, int iid, string user, string body)
    {
        lock (Gate)
        {
            var note = new FakeComment(_nextId++, user, body);
            var key = (path.ToLowerInvariant(), iid);
            if (!_notes.TryGetValue(key, out var notes))
            {
                _notes[key] = notes = [];
            }

            notes.Add(note);
            return note;
        }
    }

    public IReadOnlyList<FakeComment> Notes(string path, int iid)
    {
        lock (Gate)
        {
            return [.. _notes.GetValueOrDefault((path.ToLowerInvariant(), iid)) ?? []];
        }
    }

    public void AddStatus(string sha, FakeStatus status)
    {
        lock (Gate)
        {
            if (!_statuses.TryGetValue(sha, out var statuses))
            {
                _statuses[sha] = statuses = [];
            }

            statuses.Add(status);
        }
    }

    public IReadOnlyList<FakeStatus> Statuses(string sha)
    {
        lock (Gate)
        {
            return [.. _statuses.GetValueOrDefault(sha) ?? []];
        }
    }

    public long UserId(string username)
    {
        lock (Gate)
        {
            if (!_users.TryGetValue(username, out var id))
            {
                _users[username] = id = _nextId++;
            }

            return id;
        }
    }

    public string? Username(long id)
    {
        lock (Gate)
        {
            return _users.FirstOrDefault(u => u.Value == id).Key;
        }
    }

    /// <summary>The access level on a project or group; a project's unset users have the default, a group's none.</summary>
    public void SetAccess(string path, string user, int level)
    {
        lock (Gate)
        {
            _access[(path.ToLowerInvariant(), user.ToLowerInvariant())] = level;
        }
    }

    public int? Access(string path, string user, bool isGroup)
    {
        lock (Gate)
        {
            return _access.TryGetValue((path.ToLowerInvariant(), user.ToLowerInvariant()), out var level) ? level
                : isGroup ? null : DefaultAccessLevel;
        }
    }

    public void DeleteBranch(string path, string branch)
    {
        lock (Gate)
        {
            _deletedBranches.Add((path.ToLowerInvariant(), branch));
        }
    }

    public bool IsBranchDeleted(string path, string branch)
    {
        lock (Gate)
        {
            return _deletedBranches.Contains((path.ToLowerInvariant(), branch));
        }
    }

    public void AddFault(FakeFault fault)
    {
        lock (Gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>Records the request and takes the first fault that matches it, if any.</summary>
    public FakeFault? RecordAndTakeFault(string method, string path)
    {
        lock (Gate)
        {
            _requests.Add((method, path));
            var fault = _faults.FirstOrDefault(f => f.Matches(method, path));
            if (fault is not null && fault.Consume())
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }

    public int CountRequests(string method, string pathContains)
    {
        lock (Gate)
        {
            return _requests.Count(r => (method == "*" || r.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                && r.Path.Contains(pathContains, StringComparison.Ordinal));
        }
    }
}
