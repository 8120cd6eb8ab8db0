using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace IaCBot.Server.Api;

/// <summary>
/// A lock's id in URLs: its key (<c>host/owner/repo/dir/workspace</c>) in base64url. The key itself holds slashes and
/// may hold <c>/./</c> (a root project), which clients rewrite before sending, so it cannot be a path segment as is.
/// </summary>
internal static class LockIds
{
    public static string Encode(string keyId) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(keyId));

    public static string? Decode(string id)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(id));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
