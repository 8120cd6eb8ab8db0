namespace IaCBot.Core.Vcs;

/// <summary>A user's role on a repository (their permission level), weakest first, as GitHub names the roles.</summary>
/// <remarks>Ordered so that <c>permission &gt;= Write</c> means "may push": write, maintain and admin.</remarks>
public enum RepoRole
{
    None,
    Read,
    Triage,
    Write,
    Maintain,
    Admin,
}
