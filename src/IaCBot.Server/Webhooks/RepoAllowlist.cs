using System.Text.RegularExpressions;
using IaCBot.Core.Vcs;

namespace IaCBot.Server.Webhooks;

/// <summary>
/// The repositories IaCBot acts on: globs over <c>host/owner/name</c> where <c>*</c> matches anything (so <c>*</c>
/// alone allows every repository, as in Atlantis' --repo-allowlist). Case does not matter, as on the hosts.
/// </summary>
internal sealed class RepoAllowlist(IEnumerable<string> patterns)
{
    private readonly Regex[] _patterns = patterns
        .Where(p => !string.IsNullOrWhiteSpace(p))
        .Select(p => new Regex(
            "^" + Regex.Escape(p.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))
        .ToArray();

    public bool Allows(RepoId repo) => _patterns.Any(p => p.IsMatch(repo.ToString()));
}
