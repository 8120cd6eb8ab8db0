using IaCBot.Core.Vcs;

namespace IaCBot.Server.Webhooks.GitLab;

/// <summary>
/// A project's <c>path_with_namespace</c> (<c>group/sub/project</c>) as a repository id: the namespace is the owner.
/// Each segment must be one GitLab allows, since the id also names folders on disk.
/// </summary>
/// <seealso href="https://docs.gitlab.com/ee/user/reserved_names.html#rules-for-usernames-project-and-group-names-and-slugs"/>
internal static class GitLabProjectPath
{
    public static RepoId Parse(string host, string pathWithNamespace, string field)
    {
        var segments = pathWithNamespace.Split('/');
        if (segments.Length < 2 || !segments.All(IsSegment))
        {
            throw new MissingFieldException($"The payload's '{field}' is not a GitLab project path such as group/project.");
        }

        return new RepoId(host, string.Join('/', segments[..^1]), segments[^1], VcsKind.GitLab);
    }

    private static bool IsSegment(string segment) =>
        segment.Length > 0 && segment is not ("." or "..") && segment[0] != '-'
        && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
