namespace IaCBot.Core.Access;

/// <summary>The people an administrator allowed to run one command: by login, by team, or everyone.</summary>
/// <param name="Everyone">True for <c>*</c>: anyone who can comment, as Atlantis allows by default.</param>
public sealed record CommandAllowList(IReadOnlyList<string> Users, IReadOnlyList<TeamName> Teams, bool Everyone = false)
{
    public bool ListsUser(string login) =>
        Users.Any(user => string.Equals(user, login, StringComparison.OrdinalIgnoreCase));
}
