namespace IaCBot.Core.RepoConfig.Reading;

/// <summary>Finds the known name a user most likely meant (a typo, a dash for an underscore, different case).</summary>
internal static class KeySuggestion
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        var normalized = typed.Replace('-', '_').ToLowerInvariant();
        var best = known
            .Select(k => (Key: k, Distance: Distance(normalized, k)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        var allowed = Math.Max(1, Math.Min(3, typed.Length / 3));
        return best.Key is not null && best.Distance <= allowed ? best.Key : null;
    }

    public static string DidYouMean(string typed, IEnumerable<string> known) =>
        Nearest(typed, known) is { } nearest ? $" Did you mean `{nearest}`?" : "";

    // Optimal string alignment distance: a swap of two neighbouring letters ("plna") counts as one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
