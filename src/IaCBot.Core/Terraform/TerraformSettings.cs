namespace IaCBot.Core.Terraform;

/// <summary>How terraform is run: which binary, how long one step may take.</summary>
/// <param name="Binary">A path, or a name looked up on PATH.</param>
/// <param name="Secrets">Values masked as <c>***</c> in what terraform prints.</param>
public sealed record TerraformSettings(string Binary, TimeSpan Timeout, IReadOnlyList<string>? Secrets = null);
