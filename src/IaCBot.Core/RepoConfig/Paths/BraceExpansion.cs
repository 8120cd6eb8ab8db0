namespace IaCBot.Core.RepoConfig.Paths;

/// <summary>Expands <c>{a,b}</c> alternatives (nested too) into plain patterns, refusing to grow past a bound.</summary>
internal static class BraceExpansion
{
    public static bool TryExpand(string pattern, int maxResults, out List<string> results, out string? problem)
    {
        results = [];
        var pending = new Stack<string>();
        pending.Push(pattern);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var open = FindUnescaped(current, '{', 0);
            if (open < 0)
            {
                results.Add(current);
                if (results.Count > maxResults)
                {
                    problem = $"has more than {maxResults} `{{...}}` alternatives";
                    return false;
                }

                continue;
            }

            if (!TrySplitGroup(current, open, out var close, out var options))
            {
                problem = "has a `{` that is never closed by `}`";
                return false;
            }

            for (var i = options.Count - 1; i >= 0; i--)
            {
                pending.Push(current[..open] + options[i] + current[(close + 1)..]);
            }

            if (pending.Count > maxResults * 4)
            {
                problem = $"has more than {maxResults} `{{...}}` alternatives";
                return false;
            }
        }

        problem = null;
        return true;
    }

    private static bool TrySplitGroup(string text, int open, out int close, out List<string> options)
    {
        options = [];
        var depth = 0;
        var start = open + 1;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        options.Add(text[start..i]);
                        close = i;
                        return true;
                    }

                    break;
                case ',' when depth == 1:
                    options.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        close = -1;
        return false;
    }

    private static int FindUnescaped(string text, char wanted, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
