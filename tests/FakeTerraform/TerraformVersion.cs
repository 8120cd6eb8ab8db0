namespace FakeTerraform;

/// <summary>The release the fake impersonates: the last MPL-licensed line, whose output formats the fixtures show.</summary>
internal static class TerraformVersion
{
    public const string Number = "1.5.7";

    public const string Platform = "linux_amd64";
}
