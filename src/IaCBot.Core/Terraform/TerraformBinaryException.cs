namespace IaCBot.Core.Terraform;

/// <summary>
/// The binary a project asks for cannot be had. The message says what was looked for, where, and what failed;
/// it holds no credential, so it can be shown on the PR as it is.
/// </summary>
public sealed class TerraformBinaryException(string message) : Exception(message);
