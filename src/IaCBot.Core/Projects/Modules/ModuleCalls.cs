namespace IaCBot.Core.Projects.Modules;

/// <summary>What one terraform file says about module dependencies and root-ness.</summary>
/// <param name="Sources">The literal <c>source</c> of each top-level <c>module</c> block, as written.</param>
/// <param name="DeclaresBackend">
/// True when a top-level <c>terraform</c> block holds a <c>backend</c> or <c>cloud</c> block: terraform honours those
/// only in a root module, so a directory declaring one is applied on its own even when others also call it.
/// </param>
internal sealed record ModuleCalls(IReadOnlyList<string> Sources, bool DeclaresBackend)
{
    public static ModuleCalls None { get; } = new([], false);

    /// <summary>The calls of a directory's files together; null (no file yet) merged with a file gives the file's.</summary>
    public static ModuleCalls Merge(ModuleCalls? a, ModuleCalls b) =>
        a is null || ReferenceEquals(a, None) ? b
        : ReferenceEquals(b, None) ? a
        : new ModuleCalls([.. a.Sources, .. b.Sources], a.DeclaresBackend || b.DeclaresBackend);
}
