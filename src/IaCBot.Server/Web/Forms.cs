using Microsoft.AspNetCore.Antiforgery;

namespace IaCBot.Server.Web;

/// <summary>The pages' POST forms, each with the anti-forgery token that the endpoints check.</summary>
internal static class Forms
{
    public static string Post(HttpContext context, IAntiforgery antiforgery, string action, string fields, string button)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"<form method=\"post\" action=\"{Html.E(action)}\">" +
            $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">" +
            fields + $"<button type=\"submit\">{Html.E(button)}</button></form>";
    }

    /// <summary>Who acts, as the PR is told: the basic-auth user, else a neutral name.</summary>
    public static string User(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                if (text.Split(':', 2)[0] is { Length: > 0 } user)
                {
                    return user;
                }
            }
            catch (FormatException)
            {
                // Not ours to judge here: the authentication already let the request through.
            }
        }

        return "a web UI user";
    }
}
