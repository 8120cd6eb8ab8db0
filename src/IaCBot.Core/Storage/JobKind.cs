namespace IaCBot.Core.Storage;

/// <summary>
/// What a queued job does, as far as a restart cares: whether it may simply run again (plans, unlocks) or changes
/// infrastructure and must never be repeated unseen (apply, import, state rm).
/// </summary>
public enum JobKind
{
    /// <summary>A plan started by the pull request itself: opened, pushed to, reopened or marked ready.</summary>
    Autoplan,

    Plan,

    Apply,

    Import,

    StateRm,

    /// <summary>An <c>unlock</c> comment, or the clean-up after a pull request was closed: both only free what it held.</summary>
    Unlock,

    /// <summary>Anything else, such as <c>help</c>, <c>version</c> or a command that could not be read.</summary>
    Other,
}
