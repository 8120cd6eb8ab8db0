using IaCBot.Core.Concurrency;
using IaCBot.Core.RepoConfig;
using IaCBot.Core.Terraform;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>
/// Finds a project's terraform or OpenTofu version where Atlantis users keep them: <c>terraform1.5.7</c> on PATH,
/// then <c>&lt;bin_dir&gt;/1.5.7/terraform</c> (<c>&lt;bin_dir&gt;/tofu/1.6.2/tofu</c>), then, when downloads are on,
/// the release site, verified against the release's SHA256SUMS (and its signature, when a signing key is set).
/// </summary>
internal sealed class TerraformBinaries(HttpClient http, TerraformBinarySettings settings, ReleasePlatform platform) : ITerraformBinaries
{
    // Keyed by the installed file's full path: the file is shared by every instance in the process (the server makes
    // one per job), so the lock must be too, and two jobs asking for one version then download it once.
    private static readonly KeyedLock Installs = new();

    public TerraformBinaries(HttpClient http, TerraformBinarySettings settings)
        : this(http, settings, ReleasePlatform.Current)
    {
    }

    public async Task<string> ResolveAsync(string? version, TerraformDistribution distribution, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return distribution == TerraformDistribution.OpenTofu ? settings.DefaultTofuBinary : settings.DefaultBinary;
        }

        var release = new TerraformRelease(distribution, ReleaseVersion.Normalize(version), platform);
        if (ExecutableLookup.Find(release.VersionedName, settings.PathDirectories) is { } onPath)
        {
            return onPath;
        }

        var installed = settings.BinDir is null ? null : Path.GetFullPath(release.InstalledPath(settings.BinDir));
        if (installed is not null && File.Exists(installed))
        {
            return installed;
        }

        if (installed is null || !settings.Download)
        {
            throw NotInstalled(release, installed);
        }

        using (await Installs.AcquireAsync(installed, cancellationToken))
        {
            if (!File.Exists(installed))
            {
                await new ReleaseDownloader(http, SigningKey(distribution))
                    .InstallAsync(release, ReleasesUrl(distribution), settings.BinDir!, installed, cancellationToken);
            }
        }

        return installed;
    }

    private string? SigningKey(TerraformDistribution distribution) =>
        distribution == TerraformDistribution.OpenTofu ? settings.TofuSigningKey : settings.TerraformSigningKey;

    private Uri ReleasesUrl(TerraformDistribution distribution) =>
        distribution == TerraformDistribution.OpenTofu ? settings.TofuReleasesUrl : settings.TerraformReleasesUrl;

    private TerraformBinaryException NotInstalled(TerraformRelease release, string? installed)
    {
        var searched = ExecutableLookup.Describe(settings.PathDirectories);
        var source = SafeUrl.Show(release.DownloadFolder(ReleasesUrl(release.Distribution)));
        var message = installed is null
            ? $"{release} is not installed: IaCBot looked for {release.VersionedName} on {searched}, and terraform:bin_dir is not set. "
              + $"Install it on the server as {release.VersionedName} on PATH, or set terraform:bin_dir and terraform:download: true "
              + $"so that IaCBot downloads it from {source}."
            : $"{release} is not installed: IaCBot looked for {release.VersionedName} on {searched} and for {installed}. "
              + $"Install it on the server at one of those places, or set terraform:download: true so that IaCBot downloads it from {source}.";
        return new TerraformBinaryException(message);
    }
}
