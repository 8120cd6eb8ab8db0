namespace IaCBot.Core.Commands;

internal static class TextChecks
{
    /// <summary>True for control characters (NUL, line breaks, escapes) and for UTF-16 that encodes no character.</summary>
    public static bool HasControlOrBrokenChar(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
