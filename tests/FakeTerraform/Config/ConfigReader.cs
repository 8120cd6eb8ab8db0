using System.Text.RegularExpressions;

namespace FakeTerraform.Config;

/// <summary>
/// Reads the *.tf files of one directory line by line. It understands top-level resource, variable and output
/// blocks with simple <c>key = value</c> lines; nested blocks, maps and lists are skipped, not rejected.
/// </summary>
internal static partial class ConfigReader
{
    public static Configuration Read(string directory)
    {
        var files = Directory.GetFiles(directory, "*.tf").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return Configuration.Empty;
        }

        var blocks = new List<BlockHeader>();
        var comments = new List<string>();
        foreach (var file in files)
        {
            ReadFile(file, blocks, comments);
        }

        return new Configuration(
            [.. blocks.Where(b => b is { Kind: "resource", Labels.Count: 2 }).Select(ToResource)],
            [.. blocks.Where(b => b is { Kind: "variable", Labels.Count: 1 }).Select(ToVariable)],
            [.. blocks.Where(b => b is { Kind: "output", Labels.Count: 1 }).Select(ToOutput).OfType<OutputConfig>()],
            KnobParser.Parse(comments),
            HasFiles: true);
    }

    private static void ReadFile(string path, List<BlockHeader> blocks, List<string> comments)
    {
        var name = Path.GetFileName(path);
        var lines = File.ReadAllLines(path);
        BlockHeader? current = null;
        var depth = 0;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#') || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                comments.Add(trimmed.TrimStart('#', '/'));
                continue;
            }

            var source = new SourceLine(name, index + 1, line);
            if (depth == 0 && BlockStart().Match(trimmed) is { Success: true } start)
            {
                current = new BlockHeader(start.Groups[1].Value, [.. start.Groups[2].Captures.Select(c => c.Value)], source);
                blocks.Add(current);
                AddSingleLineAttribute(current, trimmed[(start.Length)..], source);
            }
            else if (depth == 1 && current is not null && AttributeLine().Match(trimmed) is { Success: true } attribute)
            {
                current.Attributes.Add((attribute.Groups[1].Value, attribute.Groups[2].Value, source));
            }

            depth = Math.Max(0, depth + BraceDelta(trimmed));
        }
    }

    /// <summary>A one-line block such as <c>output "x" { value = "y" }</c> carries its attribute on the same line.</summary>
    private static void AddSingleLineAttribute(BlockHeader block, string rest, SourceLine source)
    {
        var inner = rest.Trim();
        if (inner.EndsWith('}') && AttributeLine().Match(inner[..^1].Trim()) is { Success: true } attribute)
        {
            block.Attributes.Add((attribute.Groups[1].Value, attribute.Groups[2].Value, source));
        }
    }

    private static ResourceConfig ToResource(BlockHeader block)
    {
        var attributes = block.Attributes
            .Select(a => ValueParser.ParseExpression(a.Value) is { } value ? new AttributeConfig(a.Name, value, a.Source) : null)
            .OfType<AttributeConfig>()
            .DistinctBy(a => a.Name)
            .ToList();
        return new ResourceConfig(block.Labels[0], block.Labels[1], attributes, block.Source);
    }

    private static VariableConfig ToVariable(BlockHeader block)
    {
        var defaultValue = block.RawValue("default") is { } raw && ValueParser.ParseExpression(raw) is LiteralExpression literal
            ? literal.Value
            : null;
        return new VariableConfig(block.Labels[0], defaultValue, IsTrue(block, "sensitive"), block.RawValue("type")?.Trim(), block.Source);
    }

    private static OutputConfig? ToOutput(BlockHeader block) =>
        block.RawValue("value") is { } raw && ValueParser.ParseExpression(raw) is { } value
            ? new OutputConfig(block.Labels[0], value, IsTrue(block, "sensitive"))
            : null;

    private static bool IsTrue(BlockHeader block, string name) =>
        block.RawValue(name) is { } raw && ValueParser.ParseExpression(raw) is LiteralExpression { Value.Text: "true" };

    private static int BraceDelta(string line)
    {
        var delta = 0;
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
                continue;
            }

            if (c == '#' || (c == '/' && i + 1 < line.Length && line[i + 1] == '/'))
            {
                break;
            }

            delta += c switch { '"' => 0, '{' => 1, '}' => -1, _ => 0 };
            inString = c == '"';
        }

        return delta;
    }

    [GeneratedRegex(@"^([a-z]+)(?:\s+""([^""]*)"")*\s*\{")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.+?)\s*$")]
    private static partial Regex AttributeLine();
}
