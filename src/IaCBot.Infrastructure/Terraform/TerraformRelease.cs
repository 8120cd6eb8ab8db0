using IaCBot.Core.RepoConfig;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>One version of terraform or OpenTofu for one platform: its names on PATH, on disk and on the releases site.</summary>
/// <param name="Version">A version already checked by <see cref="ReleaseVersion"/>.</param>
internal sealed record TerraformRelease(TerraformDistribution Distribution, string Version, ReleasePlatform Platform)
{
    private bool IsTofu => Distribution == TerraformDistribution.OpenTofu;

    /// <summary>The program's file name, in the zip and once installed.</summary>
    public string Program => IsTofu ? "tofu" : "terraform";

    /// <summary>The name a versioned binary has on PATH, as Atlantis looks for it: <c>terraform1.5.7</c>.</summary>
    public string VersionedName => Program + Version;

    // https://releases.hashicorp.com/terraform/1.5.7/ and https://github.com/opentofu/opentofu/releases/tag/v1.6.2
    // both name their files <program>_<version>_<os>_<arch>.zip and <program>_<version>_SHA256SUMS.
    public string ZipName => $"{Program}_{Version}_{Platform}.zip";

    public string SumsName => $"{Program}_{Version}_SHA256SUMS";

    /// <summary>The detached OpenPGP signature of <see cref="SumsName"/>, as each publisher names it.</summary>
    public string SignatureName => SumsName + (IsTofu ? ".gpgsig" : ".sig");

    public string InstalledPath(string binDir) =>
        IsTofu ? Path.Combine(binDir, "tofu", Version, Program) : Path.Combine(binDir, Version, Program);

    /// <summary>The folder of this version's files below <paramref name="releasesUrl"/>.</summary>
    public Uri DownloadFolder(Uri releasesUrl)
    {
        var root = releasesUrl.AbsoluteUri.EndsWith('/') ? releasesUrl : new Uri(releasesUrl.AbsoluteUri + "/");
        return new Uri(root, IsTofu ? $"v{Version}/" : $"terraform/{Version}/");
    }

    public override string ToString() => $"{(IsTofu ? "OpenTofu" : "terraform")} {Version}";
}
