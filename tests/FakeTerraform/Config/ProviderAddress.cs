namespace FakeTerraform.Config;

/// <summary>
/// The provider a resource type implies: terraform takes the type's prefix up to the first underscore and, with no
/// required_providers entry, looks it up under hashicorp/ in the public registry.
/// </summary>
internal sealed record ProviderAddress(string LocalName, string Namespace, string Hostname, string Version)
{
    private static readonly Dictionary<string, string> KnownVersions = new(StringComparer.Ordinal)
    {
        ["null"] = "3.2.1",
        ["local"] = "2.4.0",
        ["random"] = "3.5.1",
        ["tfcoremock"] = "0.1.1",
        ["aws"] = "5.17.0",
        ["google"] = "4.83.0",
        ["azurerm"] = "3.73.0",
    };

    public string Source => $"{Namespace}/{LocalName}";

    public string FullName => $"{Hostname}/{Namespace}/{LocalName}";

    /// <summary>terraform_data is built in: it needs no download and no lock file entry.</summary>
    public bool IsBuiltIn => Hostname == "terraform.io";

    public string StateProvider => $"provider[\"{FullName}\"]";

    public static ProviderAddress ForResourceType(string type)
    {
        if (type == "terraform_data")
        {
            return new("terraform", "builtin", "terraform.io", "");
        }

        var underscore = type.IndexOf('_', StringComparison.Ordinal);
        var localName = underscore > 0 ? type[..underscore] : type;
        var version = KnownVersions.GetValueOrDefault(localName, "1.0.0");
        return new(localName, "hashicorp", "registry.terraform.io", version);
    }
}
