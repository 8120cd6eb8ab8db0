namespace IaCBot.Core.Storage;

/// <summary>The server-wide switch that disables applies, kept so that it survives a restart.</summary>
public interface IApplyLockStore
{
    /// <summary>The lock in force, or null when applies are allowed.</summary>
    Task<ApplyLock?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Disables applies, replacing any lock already in force.</summary>
    Task SetAsync(ApplyLock applyLock, CancellationToken cancellationToken);

    /// <summary>Allows applies again; false when they were not disabled.</summary>
    Task<bool> ClearAsync(CancellationToken cancellationToken);
}
