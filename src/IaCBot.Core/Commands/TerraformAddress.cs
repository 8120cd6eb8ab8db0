using System.Globalization;

namespace IaCBot.Core.Commands;

/// <summary>Checks that a word from a comment has the shape of a Terraform resource or module address.</summary>
/// <remarks>
/// The grammar is Terraform's (https://developer.hashicorp.com/terraform/cli/state/resource-addressing):
/// <c>module.NAME[KEY]</c> steps, then <c>[data.]TYPE.NAME[KEY]</c>. Index keys are a number or a double-quoted string,
/// which may hold any printable character: the address reaches terraform as one item of an argument list, never
/// through a shell, so <c>$</c>, quotes and brackets inside a key are harmless. Names are held to ASCII, which every
/// provider's resource types use.
/// </remarks>
internal static class TerraformAddress
{
    public const int MaxLength = 1024;

    private const string ModulePrefix = "module.";
    private const string DataPrefix = "data.";

    /// <summary>The error to show, or null when <paramref name="address"/> is a resource address
    /// (or, unless <paramref name="resourceRequired"/>, a module address).</summary>
    public static string? Check(string address, bool resourceRequired)
    {
        var shown = InlineCode.Of(address);
        if (address.Length > MaxLength)
        {
            return $"The resource address {shown} is longer than {MaxLength} characters.";
        }

        if (TextChecks.HasControlOrBrokenChar(address))
        {
            return $"The resource address {shown} contains a control character or invalid text.";
        }

        if (address.StartsWith('-'))
        {
            return $"The resource address {shown} starts with `-`, so terraform would read it as a flag; flags for terraform go after `--`.";
        }

        return Read(address) switch
        {
            Shape.Resource => null,
            Shape.Module when !resourceRequired => null,
            Shape.Module => $"The address {shown} names a module; give the address of one resource in it, as in {InlineCode.Of(address + ".TYPE.NAME")}.",
            Shape.UnquotedKey => $"The resource address {shown} has an index key without its double quotes; put the whole address in single quotes so they reach terraform, as in `'aws_instance.web[\"a\"]'`.",
            _ => $"{shown} is not a Terraform resource address; write `TYPE.NAME`, after `module.NAME.` for a resource in a module, with an index in brackets where there is one, as in `module.vpc.aws_subnet.private[\"a\"]`.",
        };
    }

    private enum Shape
    {
        Invalid,
        UnquotedKey,
        Module,
        Resource,
    }

    private static Shape Read(string address)
    {
        var at = 0;
        while (address.AsSpan(at).StartsWith(ModulePrefix, StringComparison.Ordinal))
        {
            at += ModulePrefix.Length;
            if (ReadStep(address, ref at) is { } failure)
            {
                return failure;
            }

            if (at == address.Length)
            {
                return Shape.Module;
            }

            if (address[at++] != '.')
            {
                return Shape.Invalid;
            }
        }

        if (address.AsSpan(at).StartsWith(DataPrefix, StringComparison.Ordinal))
        {
            at += DataPrefix.Length;
        }

        if (!ReadName(address, ref at) || at == address.Length || address[at++] != '.')
        {
            return Shape.Invalid;
        }

        return ReadStep(address, ref at) ?? (at == address.Length ? Shape.Resource : Shape.Invalid);
    }

    /// <summary>Reads a name and its optional index; returns null when both were read, else why not.</summary>
    private static Shape? ReadStep(string address, ref int at)
    {
        if (!ReadName(address, ref at))
        {
            return Shape.Invalid;
        }

        return at < address.Length && address[at] == '[' ? ReadIndex(address, ref at) : null;
    }

    /// <summary>An identifier as HCL spells it: a letter or <c>_</c>, then letters, digits, <c>_</c> and <c>-</c>.</summary>
    private static bool ReadName(string address, ref int at)
    {
        if (at >= address.Length || !(char.IsAsciiLetter(address[at]) || address[at] == '_'))
        {
            return false;
        }

        while (at < address.Length && (char.IsAsciiLetterOrDigit(address[at]) || address[at] is '_' or '-'))
        {
            at++;
        }

        return true;
    }

    private static Shape? ReadIndex(string address, ref int at)
    {
        var start = ++at;
        if (at < address.Length && address[at] == '"')
        {
            if (!ReadQuotedKey(address, ref at))
            {
                return Shape.Invalid;
            }
        }
        else
        {
            while (at < address.Length && char.IsAsciiDigit(address[at]))
            {
                at++;
            }
        }

        if (at < address.Length && address[at] == ']' && at > start)
        {
            at++;
            return null;
        }

        // The shell-style split removed the double quotes of an unquoted aws_instance.web["a"]; say how to keep them.
        var close = address.IndexOf(']', start);
        return close > start && IsBareKey(address.AsSpan(start, close - start)) ? Shape.UnquotedKey : Shape.Invalid;
    }

    private static bool IsBareKey(ReadOnlySpan<char> key) =>
        !key.Contains('"') && !int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>Reads <c>"..."</c>, where a backslash keeps the next character, as in an HCL string.</summary>
    private static bool ReadQuotedKey(string address, ref int at)
    {
        for (at++; at < address.Length; at++)
        {
            if (address[at] == '\\')
            {
                at++;
            }
            else if (address[at] == '"')
            {
                at++;
                return true;
            }
        }

        return false;
    }
}
