using System.Security.Cryptography;
using System.Text;
using IaCBot.Server.Configuration;
using Microsoft.Extensions.Options;

namespace IaCBot.Server.Api;

/// <summary>
/// Lets a request to the admin API through only with <c>X-IaCBot-Token: &lt;api:secret&gt;</c>. Without a secret set the
/// API is off (503), so that a server nobody configured for it cannot be switched by anyone.
/// </summary>
internal sealed class ApiTokenFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string Header = "X-IaCBot-Token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.Secret is not { Length: > 0 } secret)
        {
            return Results.Problem(
                "The admin API is disabled on this server: set api:secret to enable it.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Admin API disabled");
        }

        return Matches(context.HttpContext.Request.Headers[Header].ToString(), secret)
            ? await next(context)
            : Results.Problem(
                $"The {Header} header is missing or does not match api:secret.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated");
    }

    /// <remarks>Hashing first gives both sides the same length, so the comparison's time says nothing about the secret.</remarks>
    private static bool Matches(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
