namespace IaCBot.Core.Projects;

/// <summary>Which file names make a directory a terraform root module, and which changes make it worth planning.</summary>
internal static class TerraformFiles
{
    /// <summary>
    /// Files terraform or OpenTofu loads as configuration. OpenTofu also reads <c>*.tofu</c> and <c>*.tofu.json</c>
    /// (and prefers <c>x.tofu</c> over <c>x.tf</c>); both count here, since either makes a directory a project and
    /// either may call modules. See https://opentofu.org/docs/language/files/.
    /// </summary>
    public static bool IsConfiguration(string path) => IsConfiguration(path.AsSpan());

    /// <inheritdoc cref="IsConfiguration(string)"/>
    public static bool IsConfiguration(ReadOnlySpan<char> path) =>
        path.EndsWith(".tf", StringComparison.Ordinal)
        || path.EndsWith(".tf.json", StringComparison.Ordinal)
        || path.EndsWith(".tofu", StringComparison.Ordinal)
        || path.EndsWith(".tofu.json", StringComparison.Ordinal);

    /// <summary>Changed files that make the directory holding them a project to plan when there is no repo config.</summary>
    public static bool TriggersPlan(string path) =>
        IsConfiguration(path)
        || path.EndsWith(".tfvars", StringComparison.Ordinal)
        || path.EndsWith(".tfvars.json", StringComparison.Ordinal);
}
