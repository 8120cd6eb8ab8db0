namespace IaCBot.Server.Runs;

/// <summary>A replica as people know it: its machine and process, from the owner id the job ledger and run records keep.</summary>
internal static class ReplicaName
{
    /// <param name="owner">A <see cref="Jobs.ServerInstance"/> id: machine, process id and a random part, joined by colons.</param>
    public static string? Of(string? owner) => owner?.Split(':') switch
    {
        null => null,
        [var machine, var process, _] => $"{machine} (process {process})",
        _ => owner,
    };
}
