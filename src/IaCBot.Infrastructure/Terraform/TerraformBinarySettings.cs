namespace IaCBot.Infrastructure.Terraform;

/// <summary>Where terraform and OpenTofu versions are found, and whether missing ones are downloaded.</summary>
/// <param name="DefaultBinary"><c>terraform:binary</c>: what runs when a project names no version.</param>
/// <param name="DefaultTofuBinary">What runs for an OpenTofu project that names no version.</param>
/// <param name="BinDir"><c>terraform:bin_dir</c>: versions are looked for in <c>&lt;V&gt;/terraform</c> and
/// <c>tofu/&lt;V&gt;/tofu</c> below it, and downloaded there. Null: only PATH is searched.</param>
/// <param name="Download"><c>terraform:download</c>: fetch a version found nowhere from the releases site.</param>
/// <param name="TerraformReleasesUrl">HashiCorp's releases site, or a mirror with the same layout.</param>
/// <param name="TofuReleasesUrl">OpenTofu's GitHub release downloads, or a mirror with the same layout.</param>
/// <param name="PathDirectories">Where <c>terraform&lt;V&gt;</c> and <c>tofu&lt;V&gt;</c> are looked for; null means the
/// directories of the server's PATH.</param>
/// <param name="TerraformSigningKey"><c>terraform:release_signing_key</c>: the file of HashiCorp's OpenPGP public key; when
/// set, a download's SHA256SUMS must carry a good signature by it (<c>..._SHA256SUMS.sig</c>).</param>
/// <param name="TofuSigningKey"><c>terraform:tofu_release_signing_key</c>: the same for OpenTofu (<c>..._SHA256SUMS.gpgsig</c>).</param>
public sealed record TerraformBinarySettings(
    string DefaultBinary,
    string DefaultTofuBinary,
    string? BinDir,
    bool Download,
    Uri TerraformReleasesUrl,
    Uri TofuReleasesUrl,
    IReadOnlyList<string>? PathDirectories = null,
    string? TerraformSigningKey = null,
    string? TofuSigningKey = null)
{
    public static Uri DefaultTerraformReleasesUrl { get; } = new("https://releases.hashicorp.com/");

    public static Uri DefaultTofuReleasesUrl { get; } = new("https://github.com/opentofu/opentofu/releases/download/");
}
