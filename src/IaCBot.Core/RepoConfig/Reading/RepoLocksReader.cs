namespace IaCBot.Core.RepoConfig.Reading;

internal static class RepoLocksReader
{
    /// <summary>The <c>repo_locks</c> block's mode: <c>on_plan</c> when the block has none, null when there is no block.</summary>
    public static RepoLocksMode? Read(MappingReader reader) =>
        reader.Nested("repo_locks", ConfigKeys.RepoLocks, "under `repo_locks`") is { } locks
            ? locks.Choice("mode", ConfigChoices.RepoLocksModes) ?? RepoLocksMode.OnPlan
            : null;
}
