using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>terraform</c> section of iacbot.yaml.</summary>
internal sealed class TerraformOptions
{
    public const string Section = "terraform";

    /// <summary>A path, or a name looked up on PATH.</summary>
    public string Binary { get; set; } = "terraform";

    /// <summary>The OpenTofu program, for projects with <c>terraform_distribution: opentofu</c>.</summary>
    [ConfigurationKeyName("tofu_binary")]
    public string TofuBinary { get; set; } = "tofu";

    /// <summary>Where versions asked for by <c>terraform_version</c> are looked for and downloaded to; default data_dir/bin.</summary>
    [ConfigurationKeyName("bin_dir")]
    public string? BinDir { get; set; }

    /// <summary>Whether a version found nowhere is downloaded (and checked against its SHA256SUMS), as Atlantis does.</summary>
    public bool Download { get; set; } = true;

    [ConfigurationKeyName("download_url")]
    public string DownloadUrl { get; set; } = "https://releases.hashicorp.com/";

    [ConfigurationKeyName("tofu_download_url")]
    public string TofuDownloadUrl { get; set; } = "https://github.com/opentofu/opentofu/releases/download/";

    /// <summary>HashiCorp's OpenPGP public key (a file); when set, downloads must carry a good signature by it.</summary>
    [ConfigurationKeyName("release_signing_key")]
    public string? ReleaseSigningKey { get; set; }

    /// <summary>OpenTofu's OpenPGP public key (a file); when set, OpenTofu downloads must carry a good signature by it.</summary>
    [ConfigurationKeyName("tofu_release_signing_key")]
    public string? TofuReleaseSigningKey { get; set; }

    /// <summary>How long one terraform command may run before it is stopped.</summary>
    public string Timeout { get; set; } = "1h";

    /// <summary>How long a stopped terraform may take to finish cleanly before its process tree is killed.</summary>
    [ConfigurationKeyName("kill_grace")]
    public string KillGrace { get; set; } = "30s";
}
