namespace IaCBot.Infrastructure.Processes;

/// <summary>Masks known secret values in text that may reach a comment or a log.</summary>
internal static class Secrets
{
    public const string Replacement = "***";

    public static string Mask(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (IsMaskable(secret) && text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Very short values would mask ordinary words; tokens and secrets are long.</summary>
    public static bool IsMaskable(string secret) => secret.Length >= 4;
}
