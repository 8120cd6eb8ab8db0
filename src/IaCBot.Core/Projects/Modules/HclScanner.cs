using System.Text;

namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// Splits HCL native syntax into tokens, enough to find blocks and their literal string attributes. Comments
/// (<c>#</c>, <c>//</c>, <c>/* */</c>), the insides of strings and template interpolations, and heredocs are
/// consumed whole, so text in them that looks like a <c>module</c> block is never mistaken for one.
/// See https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md.
/// </summary>
internal sealed class HclScanner(string text)
{
    private int position;

    public HclToken Next()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                position++;
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                SkipLine();
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return Token(c);
            }
        }

        return new HclToken(HclTokenKind.End);
    }

    private HclToken Token(char c)
    {
        position++;
        switch (c)
        {
            case '\n': return new HclToken(HclTokenKind.Newline);
            case '{': return new HclToken(HclTokenKind.OpenBrace);
            case '}': return new HclToken(HclTokenKind.CloseBrace);
            case '(' or '[': return new HclToken(HclTokenKind.OpenGroup);
            case ')' or ']': return new HclToken(HclTokenKind.CloseGroup);
            case '"': return new HclToken(HclTokenKind.String, ReadString());
            case '<' when Peek(0) == '<' && TrySkipHeredoc(): return new HclToken(HclTokenKind.String);
            case '=' when Peek(0) is not ('=' or '>'): return new HclToken(HclTokenKind.Equals);
            case '=' or '!' or '<' or '>' when Peek(0) == '=' || (c == '=' && Peek(0) == '>'):
                position++;
                return new HclToken(HclTokenKind.Other);
            default:
                if (char.IsLetter(c) || c == '_')
                {
                    return new HclToken(HclTokenKind.Identifier, ReadIdentifier(position - 1));
                }

                return new HclToken(HclTokenKind.Other);
        }
    }

    private string ReadIdentifier(int start)
    {
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '-'))
        {
            position++;
        }

        return Word(text.AsSpan(start, position - start));
    }

    /// <summary>The words the module reader looks for come back without an allocation; most identifiers are those.</summary>
    private static string Word(ReadOnlySpan<char> word) => word switch
    {
        "module" => "module",
        "source" => "source",
        "terraform" => "terraform",
        "backend" => "backend",
        "cloud" => "cloud",
        _ => word.ToString(),
    };

    /// <summary>Reads a quoted string after its opening quote; null when it holds an interpolation or directive.</summary>
    private string? ReadString()
    {
        // Nearly every string of a configuration is plain: it is cut out of the text without a builder, which makes the
        // reading of a large checkout allocate a fraction of what it did.
        var plainEnd = text.AsSpan(position).IndexOfAny("\"\\$%\n");
        if (plainEnd >= 0 && text[position + plainEnd] == '"')
        {
            var plain = text.Substring(position, plainEnd);
            position += plainEnd + 1;
            return plain;
        }

        var value = new StringBuilder();
        var literal = true;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                position++;
                return literal ? value.ToString() : null;
            }

            if (c == '\n')
            {
                // A quoted string cannot span lines: stop here rather than swallow the rest of the file.
                return null;
            }

            if (c == '\\' && position + 1 < text.Length)
            {
                value.Append(Unescape(text[position + 1]));
                position += 2;
            }
            else if (c is '$' or '%' && Peek(1) == c && Peek(2) == '{')
            {
                value.Append(c).Append('{');
                position += 3;
            }
            else if (c is '$' or '%' && Peek(1) == '{')
            {
                literal = false;
                position += 2;
                SkipTemplate();
            }
            else
            {
                value.Append(c);
                position++;
            }
        }

        return null;
    }

    /// <summary>Skips an interpolation up to its closing brace; strings inside it may hold braces of their own.</summary>
    private void SkipTemplate()
    {
        var depth = 1;
        while (position < text.Length && depth > 0)
        {
            var c = text[position++];
            if (c == '"')
            {
                ReadString();
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth--;
            }
        }
    }

    /// <summary>
    /// Skips <c>&lt;&lt;EOF</c> or <c>&lt;&lt;-EOF</c> and every line up to the one holding only the marker. The
    /// first <c>&lt;</c> is already consumed; when no marker and line end follow, nothing more is consumed.
    /// </summary>
    private bool TrySkipHeredoc()
    {
        var start = position + 1;
        if (start < text.Length && text[start] == '-')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        var lineEnd = end < text.Length && text[end] == '\r' ? end + 1 : end;
        if (end == start || lineEnd >= text.Length || text[lineEnd] != '\n')
        {
            return false;
        }

        var marker = text.AsSpan(start, end - start);
        position = lineEnd + 1;
        while (position < text.Length)
        {
            var next = text.IndexOf('\n', position);
            var line = text.AsSpan(position, (next < 0 ? text.Length : next) - position);
            position = next < 0 ? text.Length : next;
            if (line.Trim().SequenceEqual(marker))
            {
                return true;
            }

            position = next < 0 ? text.Length : next + 1;
        }

        return true;
    }

    private void SkipLine()
    {
        var next = text.IndexOf('\n', position);
        position = next < 0 ? text.Length : next;
    }

    private void SkipBlockComment()
    {
        var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
        position = end < 0 ? text.Length : end + 2;
    }

    private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        _ => c,
    };
}
