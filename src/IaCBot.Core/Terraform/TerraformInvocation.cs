namespace IaCBot.Core.Terraform;

/// <summary>Where and how to run terraform for one project: which binary, in which directory, with which variables.</summary>
/// <param name="Environment">Variables on top of IaCBot's own (from <c>env</c> steps and the Atlantis variables).</param>
/// <param name="LogFile">Where terraform's whole output is appended, or null for none.</param>
public sealed record TerraformInvocation(string Binary, string Dir, IReadOnlyDictionary<string, string?> Environment, string? LogFile = null)
{
    public static TerraformInvocation In(string binary, string dir) => new(binary, dir, new Dictionary<string, string?>());
}
