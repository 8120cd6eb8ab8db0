using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's parser events, which carry positions. Aliases share the
/// anchored node instead of copying it, and the limits of <see cref="YamlLimits"/> are checked as the events arrive,
/// before any work proportional to an expansion is done.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly Parser parser;
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private readonly List<YamlProblem> problems = [];
    private int aliases;
    private long values;
    private int line = 1;
    private int column = 1;

    private YamlTreeBuilder(string text) => parser = new Parser(new StringReader(text));

    public static YamlTree Build(string text)
    {
        var builder = new YamlTreeBuilder(text);
        try
        {
            var root = builder.ReadStream();
            return new YamlTree(root, builder.problems);
        }
        catch (StopReading stop)
        {
            return Fatal(stop.Line, stop.Column, stop.Message);
        }
        catch (YamlException e)
        {
            return Fatal((int)e.Start.Line, (int)e.Start.Column, $"This is not valid YAML: {YamlErrorText.Of(e)}");
        }
    }

    private static YamlTree Fatal(int line, int column, string message) => new(null, [new YamlProblem(line, column, message)]);

    private YamlNode? ReadStream()
    {
        Next();
        Expect<StreamStart>();
        if (parser.Current is StreamEnd)
        {
            return null;
        }

        Expect<DocumentStart>();
        var root = ReadNode(depth: 1);
        Expect<DocumentEnd>();
        if (parser.Current is not StreamEnd)
        {
            throw Stop("This file holds more than one YAML document (a second `---`); put the whole config in one document.");
        }

        return root;
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (parser.Current is not T)
        {
            throw Stop($"This is not valid YAML: expected {typeof(T).Name} here.");
        }

        Next();
    }

    private void Next()
    {
        try
        {
            parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input instead of a YamlException.
            throw Stop("This is not valid YAML: the text here cannot be read.");
        }

        if (parser.Current is { } current)
        {
            line = (int)current.Start.Line;
            column = (int)current.Start.Column;
        }
    }

    private YamlNode ReadNode(int depth)
    {
        if (depth > YamlLimits.MaxDepth)
        {
            throw Stop($"Values here are nested deeper than {YamlLimits.MaxDepth} levels; a repo config never needs that many.");
        }

        var current = parser.Current ?? throw Stop("This is not valid YAML: the file ends in the middle of a value.");
        return current switch
        {
            AnchorAlias alias => ReadAlias(alias, depth),
            Scalar scalar => ReadScalar(scalar),
            SequenceStart start => ReadSequence(start, depth),
            MappingStart start => ReadMapping(start, depth),
            _ => throw Stop($"This is not valid YAML: unexpected {current.GetType().Name}."),
        };
    }

    private YamlScalar ReadScalar(Scalar scalar)
    {
        var node = new YamlScalar(scalar.Value, IsPlain(scalar), line, column);
        Count(1);
        Next();
        Remember(scalar.Anchor, node);
        return node;
    }

    // A quoted or !!str-tagged scalar is text even when it reads "true" or "3".
    private static bool IsPlain(Scalar scalar) => scalar.Tag.IsEmpty
        ? scalar.Style == ScalarStyle.Plain
        : scalar.Tag.Value is "tag:yaml.org,2002:int" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null";

    private YamlNode ReadAlias(AnchorAlias alias, int depth)
    {
        var (aliasLine, aliasColumn) = (line, column);
        if (++aliases > YamlLimits.MaxAliases)
        {
            throw Stop($"This file uses more than {YamlLimits.MaxAliases} aliases (`*name`); that many is refused to guard against alias bombs.");
        }

        if (!anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw Stop($"The alias `*{alias.Value.Value}` refers to no anchor `&{alias.Value.Value}` defined before it.");
        }

        if (depth + target.Height - 1 > YamlLimits.MaxDepth)
        {
            throw Stop($"This alias nests values deeper than {YamlLimits.MaxDepth} levels.");
        }

        values += target.Size;
        if (values > YamlLimits.MaxValues)
        {
            throw new StopReading(aliasLine, aliasColumn,
                $"The aliases in this file expand to more than {YamlLimits.MaxValues} values; that is refused to guard against alias bombs.");
        }

        Next();
        return target;
    }

    private YamlSequence ReadSequence(SequenceStart start, int depth)
    {
        var (startLine, startColumn) = (line, column);
        Count(1);
        Next();
        var items = new List<YamlNode>();
        while (parser.Current is not SequenceEnd)
        {
            items.Add(ReadNode(depth + 1));
        }

        Next();
        var node = new YamlSequence(items, startLine, startColumn);
        Remember(start.Anchor, node);
        return node;
    }

    private YamlMapping ReadMapping(MappingStart start, int depth)
    {
        var (startLine, startColumn) = (line, column);
        Count(1);
        Next();
        var explicitEntries = new List<YamlEntry>();
        var firstByKey = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        var merged = new List<YamlEntry>();
        while (parser.Current is not MappingEnd)
        {
            var key = ReadKey(depth + 1);
            var value = ReadNode(depth + 1);
            if (YamlMergeKeys.IsMergeKey(key))
            {
                merged.AddRange(YamlMergeKeys.EntriesOf(value) ?? throw new StopReading(key.Line, key.Column,
                    "A merge key `<<` must be followed by a mapping or a list of mappings."));
            }
            else
            {
                AddUnlessDuplicate(explicitEntries, firstByKey, new YamlEntry(key, value));
            }
        }

        Next();
        var node = new YamlMapping(YamlMergeKeys.Combine(explicitEntries, merged), startLine, startColumn);
        Remember(start.Anchor, node);
        return node;
    }

    private YamlScalar ReadKey(int depth)
    {
        if (parser.Current is SequenceStart or MappingStart)
        {
            throw Stop("A list or a mapping is used as a key here; keys must be plain names.");
        }

        var (keyLine, keyColumn) = (line, column);
        return ReadNode(depth) as YamlScalar
            ?? throw new StopReading(keyLine, keyColumn, "An alias to a list or a mapping is used as a key here; keys must be plain names.");
    }

    private void AddUnlessDuplicate(List<YamlEntry> entries, Dictionary<string, YamlEntry> firstByKey, YamlEntry entry)
    {
        if (firstByKey.TryAdd(entry.Key.Value, entry))
        {
            entries.Add(entry);
            return;
        }

        var first = firstByKey[entry.Key.Value];
        problems.Add(new YamlProblem(entry.Key.Line, entry.Key.Column,
            $"`{entry.Key.Value}` is set twice in the same mapping (first on line {first.Key.Line}); keep only one."));
    }

    private void Count(long added)
    {
        values += added;
        if (values > YamlLimits.MaxValues)
        {
            throw Stop($"This file holds more than {YamlLimits.MaxValues} values; a repo config never needs that many.");
        }
    }

    private void Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private StopReading Stop(string message) => new(line, column, message);

    /// <summary>Ends the reading at the first problem that leaves nothing sensible to read after it.</summary>
    private sealed class StopReading(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }
}
