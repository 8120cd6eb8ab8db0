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
}
