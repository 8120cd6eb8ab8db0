namespace IaCBot.Core.Git;

/// <summary>An https user name and password (a token) for a Git host.</summary>
public sealed record GitCredential(string User, string Password)
{
    /// <summary>Never shows the password, whatever prints the record.</summary>
    public override string ToString() => $"{User}:***";
}
