namespace IaCBot.Core.Runs;

/// <summary>Settings the runners share.</summary>
/// <param name="CommandNames">Prefixes that address the bot (<c>iacbot</c>, <c>atlantis</c>); the first is used in replies nobody typed.</param>
/// <param name="BotUser">The bot's own login, whose comments are never read as commands.</param>
/// <param name="Version">IaCBot's version, for the <c>version</c> command.</param>
public sealed record BotSettings(IReadOnlyList<string> CommandNames, string? BotUser, string Version)
{
    public string DefaultCommandName => CommandNames[0];
}
