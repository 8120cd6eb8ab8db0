namespace IaCBot.Server.Tests.Fakes;

/// <summary>
/// Everything the fake GitHub knows, behind one lock: WireMock answers requests on many threads while the test
/// reads and changes the same state.
/// </summary>
internal sealed class FakeGitHubState
{
    private readonly Dictionary<string, FakePullRequest> _pulls = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<StoredComment>> _comments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<FakeStatus>> _statuses = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<FakeFault> _faults = [];
    private readonly Dictionary<string, string> _roles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _teamMembers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeDelay> _delays = [];
    private long _lastId = 1_000_000;
    private DateTimeOffset _lastTimestamp = DateTimeOffset.MinValue;

    public object Gate { get; } = new();

    public FakeGitHubAppState App { get; } = new();

    public FakePullRequest AddPull(string owner, string repo, int number)
    {
        lock (Gate)
        {
            var pull = new FakePullRequest(this, owner, repo, number);
            _pulls[PullKey(owner, repo, number)] = pull;
            return pull;
        }
    }

    public FakePullRequest? FindPull(string owner, string repo, int number)
    {
        lock (Gate)
        {
            return _pulls.GetValueOrDefault(PullKey(owner, repo, number));
        }
    }

    public bool HasRepo(string owner, string repo)
    {
        lock (Gate)
        {
            return _pulls.Values.Any(p => SameRepo(p, owner, repo));
        }
    }

    public StoredComment AddComment(string owner, string repo, int number, string user, string body)
    {
        lock (Gate)
        {
            var comment = new StoredComment(new FakeComment(NextId(), user, body), NextTimestamp());
            var key = PullKey(owner, repo, number);
            if (!_comments.TryGetValue(key, out var list))
            {
                _comments[key] = list = [];
            }

            list.Add(comment);
            return comment;
        }
    }

    public IReadOnlyList<StoredComment> CommentsOf(string owner, string repo, int number)
    {
        lock (Gate)
        {
            return _comments.TryGetValue(PullKey(owner, repo, number), out var list) ? [.. list] : [];
        }
    }

    public void AddStatus(string owner, string repo, string sha, FakeStatus status)
    {
        lock (Gate)
        {
            var key = StatusKey(owner, repo, sha);
            if (!_statuses.TryGetValue(key, out var list))
            {
                _statuses[key] = list = [];
            }

            list.Add(status);
        }
    }

    public IReadOnlyList<FakeStatus> StatusesOf(string owner, string repo, string sha)
    {
        lock (Gate)
        {
            return _statuses.TryGetValue(StatusKey(owner, repo, sha), out var list) ? [.. list] : [];
        }
    }

    /// <summary>Records a request; returns how many the fake has received, this one included.</summary>
    public int Record(string method, string path)
    {
        lock (Gate)
        {
            _requests.Add(new RecordedRequest(method, path, TimeProvider.System.GetUtcNow()));
            return _requests.Count;
        }
    }

    public int CountRequests(string method, string pathContains) => RequestsTo(method, pathContains).Count;

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathContains)
    {
        lock (Gate)
        {
            return _requests.Where(r =>
                (method == "*" || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
                && r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();
        }
    }

    public void AddDelay(FakeDelay delay)
    {
        lock (Gate)
        {
            _delays.Add(delay);
        }
    }

    /// <summary>How long to hold this request's answer back, used up once; zero when no delay applies.</summary>
    public TimeSpan TakeDelay(string method, string path)
    {
        lock (Gate)
        {
            var delay = _delays.Find(d => d.Matches(method, path));
            if (delay is not null && delay.Consume())
            {
                _delays.Remove(delay);
            }

            return delay?.Delay ?? TimeSpan.Zero;
        }
    }

    public void AddFault(FakeFault fault)
    {
        lock (Gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>The first injected fault for this request, used up once; null when none applies.</summary>
    public FakeFault? TakeFault(string method, string path)
    {
        lock (Gate)
        {
            var fault = _faults.Find(f => f.Matches(method, path));
            if (fault is not null && fault.Consume())
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }

    /// <summary>Deletes a branch some PR of the repository has as its head; false when there is none.</summary>
    public bool DeleteBranch(string owner, string repo, string branch)
    {
        lock (Gate)
        {
            if (_deletedBranches.Contains($"{owner}/{repo}:{branch}"))
            {
                return false;
            }

            _deletedBranches.Add($"{owner}/{repo}:{branch}");
            return true;
        }
    }

    public bool IsBranchDeleted(string owner, string repo, string branch)
    {
        lock (Gate)
        {
            return _deletedBranches.Contains($"{owner}/{repo}:{branch}");
        }
    }

    private readonly HashSet<string> _deletedBranches = [];

    /// <summary>The role of users no test set one for: the tests' people are collaborators who may push.</summary>
    public string DefaultRole { get; set; } = "write";

    public void SetRole(string owner, string repo, string user, string role)
    {
        lock (Gate)
        {
            _roles[$"{owner}/{repo}:{user}"] = role;
        }
    }

    public string RoleOf(string owner, string repo, string user)
    {
        lock (Gate)
        {
            return _roles.GetValueOrDefault($"{owner}/{repo}:{user}", DefaultRole);
        }
    }

    public void SetTeamMembership(string org, string slug, string user, string state)
    {
        lock (Gate)
        {
            _teamMembers[$"{org}/{slug}:{user}"] = state;
        }
    }

    /// <summary>The membership's state (active, pending), or null when the user is not in the team.</summary>
    public string? TeamMembership(string org, string slug, string user)
    {
        lock (Gate)
        {
            return _teamMembers.GetValueOrDefault($"{org}/{slug}:{user}");
        }
    }

    public long NextId()
    {
        lock (Gate)
        {
            return ++_lastId;
        }
    }

    /// <summary>Now, to the second as GitHub stamps it, and always later than the stamp before.</summary>
    public DateTimeOffset NextTimestamp()
    {
        lock (Gate)
        {
            var now = TimeProvider.System.GetUtcNow();
            now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp.AddSeconds(1);
            return _lastTimestamp;
        }
    }

    private static bool SameRepo(FakePullRequest pull, string owner, string repo) =>
        string.Equals(pull.Owner, owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(pull.Repo, repo, StringComparison.OrdinalIgnoreCase);

    private static string PullKey(string owner, string repo, int number) => $"{owner}/{repo}#{number}";

    private static string StatusKey(string owner, string repo, string sha) => $"{owner}/{repo}@{sha}";
}
