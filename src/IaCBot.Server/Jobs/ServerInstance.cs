namespace IaCBot.Server.Jobs;

/// <summary>
/// This server process, as the owner of the job runs it starts. A restarted server is a new instance, so the runs
/// of the one before it are told apart from its own.
/// </summary>
internal sealed record ServerInstance(string Id)
{
    public static ServerInstance Create() => new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
}
