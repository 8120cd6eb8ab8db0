using System.Security.Cryptography;
using System.Text;
using IaCBot.Core.Terraform;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>
/// Downloads a release zip and its SHA256SUMS file, checks the zip against its line there before anything is taken
/// out of it, and installs the program. A zip that does not match is deleted, never opened. With a signing key, the
/// SHA256SUMS file is first checked against its signature (<see cref="ReleaseSignature"/>), before the zip is fetched.
/// </summary>
internal sealed class ReleaseDownloader(HttpClient http, string? signingKey)
{
    public async Task InstallAsync(TerraformRelease release, Uri releasesUrl, string binDir, string target, CancellationToken cancellationToken)
    {
        var folder = release.DownloadFolder(releasesUrl);
        var sumsUrl = new Uri(folder, release.SumsName);
        var zipUrl = new Uri(folder, release.ZipName);
        var expected = await ExpectedDigestAsync(release, folder, sumsUrl, cancellationToken);

        var zipPath = Path.Combine(CreateBinDir(release, binDir), $".download-{Guid.NewGuid():N}.zip");
        try
        {
            var actual = await DownloadAsync(release, zipUrl, zipPath, cancellationToken);
            if (actual != expected)
            {
                throw new TerraformBinaryException(
                    $"{release} was not installed: the SHA256 of {release.ZipName} downloaded from {SafeUrl.Show(zipUrl)} is {actual}, "
                    + $"but {release.SumsName} lists {expected}. The download was deleted.");
            }

            await ReleaseArchive.ExtractProgramAsync(release, zipPath, target, cancellationToken);
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    private async Task<string> ExpectedDigestAsync(TerraformRelease release, Uri folder, Uri sumsUrl, CancellationToken cancellationToken)
    {
        var sums = await FetchAsync(release, sumsUrl, cancellationToken);
        if (signingKey is not null)
        {
            var signature = await FetchAsync(release, new Uri(folder, release.SignatureName), cancellationToken);
            await ReleaseSignature.VerifyAsync(release, sums, signature, signingKey, cancellationToken);
        }

        return Sha256Sums.Find(Encoding.UTF8.GetString(sums), release.ZipName) ?? throw new TerraformBinaryException(
            $"{release} was not downloaded: {SafeUrl.Show(sumsUrl)} lists no checksum for {release.ZipName}, so the zip cannot be verified. "
            + $"Check that {release.Platform} is a platform {release} is released for.");
    }

    private async Task<byte[]> FetchAsync(TerraformRelease release, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await GetAsync(release, url, cancellationToken);
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception e) when (IsTransferFault(e, cancellationToken))
        {
            throw DownloadFailed(release, url, e);
        }
    }

    /// <summary>Streams the zip to <paramref name="path"/> and returns its lower-case hex SHA256.</summary>
    private async Task<string> DownloadAsync(TerraformRelease release, Uri zipUrl, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await GetAsync(release, zipUrl, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
            await body.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        catch (Exception e) when (IsTransferFault(e, cancellationToken))
        {
            throw DownloadFailed(release, zipUrl, e);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(TerraformRelease release, Uri url, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        response.Dispose();
        throw new TerraformBinaryException(
            $"{release} could not be downloaded: GET {SafeUrl.Show(url)} answered {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}. "
            + $"Check that {release.Version} is a released version and that {release.Platform} is among its platforms.");
    }

    private static string CreateBinDir(TerraformRelease release, string binDir)
    {
        try
        {
            return Directory.CreateDirectory(binDir).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TerraformBinaryException($"{release} could not be downloaded into terraform:bin_dir {binDir}: {e.Message}");
        }
    }

    // A timeout surfaces as a cancellation that the caller did not ask for.
    private static bool IsTransferFault(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException or UnauthorizedAccessException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static TerraformBinaryException DownloadFailed(TerraformRelease release, Uri url, Exception e) =>
        new($"{release} could not be downloaded from {SafeUrl.Show(url)}: "
            + (e is OperationCanceledException ? "the download timed out." : e.Message));
}
