using System.Security.Cryptography;
using System.Text;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Web;

/// <summary>
/// Guards the web UI, <c>/jobs</c> and <c>/metrics</c> with <c>web:username</c>/<c>web:password</c> (basic) or
/// <c>web:token</c> (bearer, or as the basic password so that a browser can use it). Git hosts' deliveries, the
/// probes and the admin API (which has its own token) stay open. Without any of these settings the server must
/// listen on loopback only, which <see cref="RefuseOpenListening"/> enforces at start.
/// </summary>
internal sealed class WebAuthentication(RequestDelegate next, IOptions<WebOptions> options)
{
    private static readonly string[] OpenPaths = ["/events", "/healthz", "/readyz", "/api"];

    public async Task InvokeAsync(HttpContext context)
    {
        var web = options.Value;
        if (!web.RequiresAuthentication || IsOpen(context.Request.Path) || Allows(web, context.Request.Headers.Authorization.ToString()))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"IaCBot\", charset=\"UTF-8\"";
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("Sign in to see IaCBot: web:username and web:password, or web:token.\n");
    }

    /// <summary>Stops the start when the server listens beyond loopback and nothing guards the UI.</summary>
    public static void RefuseOpenListening(IConfiguration configuration, WebOptions web)
    {
        if (web.RequiresAuthentication)
        {
            return;
        }

        var open = ListenAddresses.BeyondLoopback(configuration);
        if (open.Count > 0)
        {
            throw new SettingsException(
                $"The server listens beyond loopback ({string.Join(", ", open)}) and its web UI would be open to anyone: " +
                "set web:username and web:password, or web:token, or listen on 127.0.0.1 only.");
        }
    }

    private static bool IsOpen(PathString path) =>
        OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));

    private static bool Allows(WebOptions web, string authorization)
    {
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return web.HasToken && Same(authorization[7..].Trim(), web.Token!);
        }

        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) || Decode(authorization[6..].Trim()) is not { } pair)
        {
            return false;
        }

        var (user, password) = pair;
        var basic = web.HasBasic && Same(user, web.Username!) & Same(password, web.Password!);
        return basic || (web.HasToken && Same(password, web.Token!));
    }

    private static (string User, string Password)? Decode(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            return text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <remarks>Hashing first gives both sides the same length, so the comparison's time says nothing about the secret.</remarks>
    private static bool Same(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
