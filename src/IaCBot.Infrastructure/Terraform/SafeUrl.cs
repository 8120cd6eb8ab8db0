namespace IaCBot.Infrastructure.Terraform;

/// <summary>
/// A URL as shown in an error on the PR: a mirror's address may carry a user and password or a signed query,
/// so only the scheme, host and path are shown.
/// </summary>
internal static class SafeUrl
{
    public static string Show(Uri url)
    {
        var builder = new UriBuilder(url) { UserName = "", Password = "", Query = "", Fragment = "" };
        return builder.Uri.AbsoluteUri;
    }
}
