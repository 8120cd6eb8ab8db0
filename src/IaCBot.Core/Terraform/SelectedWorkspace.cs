namespace IaCBot.Core.Terraform;

/// <summary>
/// The workspace terraform has selected in a directory, read as terraform reads it: the <c>environment</c> file of its
/// data directory (<c>.terraform</c>, or <c>TF_DATA_DIR</c>), and <c>default</c> when there is none. IaCBot always
/// unsets <c>TF_WORKSPACE</c> for terraform, so that variable never overrides it.
/// </summary>
/// <seealso href="https://developer.hashicorp.com/terraform/cli/config/environment-variables#tf_data_dir"/>
public static class SelectedWorkspace
{
    public const string Default = "default";

    public static string Read(TerraformInvocation at)
    {
        var file = Path.Combine(at.Dir, DataDirectory(at), "environment");
        try
        {
            return File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } name ? name : Default;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: a name that matches no workspace makes the caller run terraform, which reports the problem.
            return "";
        }
    }

    private static string DataDirectory(TerraformInvocation at) =>
        at.Environment.TryGetValue("TF_DATA_DIR", out var set)
            ? set is { Length: > 0 } ? set : ".terraform"
            : Environment.GetEnvironmentVariable("TF_DATA_DIR") is { Length: > 0 } inherited ? inherited : ".terraform";
}
