namespace IaCBot.Infrastructure.Processes;

/// <summary>Masks known secret values in text that may reach a comment or a log.</summary>
internal static class Secrets
{
    public const string Replacement = "***";

    public static string Mask(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            // Very short values would mask ordinary words; tokens and secrets are long.
            if (secret.Length >= 4 && text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
