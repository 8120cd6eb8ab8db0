using IaCBot.Core.Commands;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Access;

/// <summary>Decides whether the author of a comment may run its command, asking the Git host who they are.</summary>
/// <remarks>
/// The user is the comment's author as the host's signed webhook names them, never anything the comment says. A
/// check the host cannot answer (an error, a timeout, a token without the right) refuses the command: running an
/// apply because a permission could not be read would hand it to anyone during an outage.
/// </remarks>
public sealed class PermissionChecker(IVcsClient vcs, CommandPermissions permissions)
{
    /// <summary>The reply that refuses the command, or null when <paramref name="user"/> may run it.</summary>
    public async Task<string?> CheckAsync(RepoId repo, string user, CommentCommand command, CancellationToken cancellationToken)
    {
        if (permissions.ListFor(command.Kind) is { } list)
        {
            return await CheckListAsync(repo, user, command, list, cancellationToken);
        }

        return CommandPermissions.NeedsWriteAccessByDefault(command.Kind)
            ? await CheckWriteAccessAsync(repo, user, command, cancellationToken)
            : null;
    }

    private async Task<string?> CheckWriteAccessAsync(RepoId repo, string user, CommentCommand command, CancellationToken cancellationToken)
    {
        RepoRole permission;
        try
        {
            permission = await vcs.GetPermissionAsync(repo, user, cancellationToken);
        }
        catch (VcsException ex)
        {
            return CouldNotCheck(user, command, ex, "read the repository's collaborators");
        }

        if (permission >= RepoRole.Write)
        {
            return null;
        }

        var has = permission == RepoRole.None ? "no access" : $"{permission.ToString().ToLowerInvariant()} access";
        return $"@{user} needs write access to {repo.FullName} to {Verb(command)}, and has {has}: nothing was run.\n\n"
            + $"A maintainer of the repository can give them write access, or an administrator of IaCBot can allow them with `{SettingKey(command.Kind)}`.";
    }

    private async Task<string?> CheckListAsync(RepoId repo, string user, CommentCommand command, CommandAllowList list, CancellationToken cancellationToken)
    {
        if (list.Everyone || list.ListsUser(user))
        {
            return null;
        }

        VcsException? failure = null;
        foreach (var team in list.Teams)
        {
            try
            {
                if (await vcs.IsTeamMemberAsync(repo, team.Organization, team.Slug, user, cancellationToken))
                {
                    return null;
                }
            }
            catch (VcsException ex)
            {
                failure ??= ex;
            }
        }

        if (failure is not null)
        {
            return CouldNotCheck(user, command, failure, "read the members of the teams");
        }

        var teams = list.Teams.Select(t => InlineCode.Of(t.ToString())).ToList();
        var where = teams.Count switch
        {
            0 => "be listed in",
            1 => $"be in {teams[0]} or listed in",
            _ => $"be in {string.Join(", ", teams[..^1])} or {teams[^1]}, or listed in",
        };
        return $"@{user} must {where} `{SettingKey(command.Kind)}` to {Verb(command)}: nothing was run.";
    }

    private static string CouldNotCheck(string user, CommentCommand command, VcsException failure, string right) =>
        $"IaCBot could not check whether @{user} may {Verb(command)}, so nothing was run: {failure.Message}\n\n"
        + $"Try again in a moment. If this goes on, the bot's token may lack the right to {right}.";

    private static string Verb(CommentCommand command) =>
        command.Kind == CommandKind.StateRm ? $"run `{command.CommandName} state rm`" : CommandWords.Of(command.Kind);

    private static string SettingKey(CommandKind kind) => $"server:command_permissions:{AllowCommandsSetting.NameOf(kind)}";
}
