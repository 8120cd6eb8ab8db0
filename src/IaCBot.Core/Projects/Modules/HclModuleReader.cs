namespace IaCBot.Core.Projects.Modules;

/// <summary>
/// Reads the module calls of a <c>*.tf</c> file: the <c>source = "..."</c> attribute directly inside each top-level
/// <c>module "name" { }</c> block, and whether a top-level <c>terraform { }</c> block declares a backend. Anything it
/// does not understand is skipped by brace counting: this is a reader for one question, not an HCL parser.
/// </summary>
internal static class HclModuleReader
{
    private enum Block
    {
        Module,
        Terraform,
        Other,
    }

    public static ModuleCalls Read(string text)
    {
        // Most files of a large repository call no module and configure no backend; a scan for the words is far
        // cheaper than tokenising them.
        if (!text.Contains("module", StringComparison.Ordinal) && !text.Contains("terraform", StringComparison.Ordinal))
        {
            return ModuleCalls.None;
        }

        var scanner = new HclScanner(text);
        var blocks = new List<(Block Kind, int Groups)>();
        var statement = new List<HclToken>(4);
        var sources = new List<string>();
        var backend = false;
        for (var token = scanner.Next(); token.Kind != HclTokenKind.End; token = scanner.Next())
        {
            var inside = blocks.Count == 0 ? (Block?)null : blocks[^1].Kind;
            switch (token.Kind)
            {
                case HclTokenKind.OpenBrace:
                    var opened = Opened(inside, statement);
                    backend |= inside == Block.Terraform && DeclaresBackend(statement);
                    blocks.Add((opened, 0));
                    statement.Clear();
                    break;
                case HclTokenKind.CloseBrace:
                    AddSource(inside, statement, sources);
                    statement.Clear();
                    if (blocks.Count > 0)
                    {
                        blocks.RemoveAt(blocks.Count - 1);
                    }

                    break;
                case HclTokenKind.Newline when blocks.Count == 0 || blocks[^1].Groups == 0:
                    AddSource(inside, statement, sources);
                    statement.Clear();
                    break;
                case HclTokenKind.OpenGroup or HclTokenKind.CloseGroup when blocks.Count > 0:
                    var (kind, groups) = blocks[^1];
                    blocks[^1] = (kind, Math.Max(0, groups + (token.Kind == HclTokenKind.OpenGroup ? 1 : -1)));
                    Add(statement, token);
                    break;
                case HclTokenKind.Newline:
                    break;
                default:
                    Add(statement, token);
                    break;
            }
        }

        return sources.Count == 0 && !backend ? ModuleCalls.None : new ModuleCalls(sources, backend);
    }

    // Only the first tokens of a statement matter: a block header or `source = "..."` is at most three long.
    private static void Add(List<HclToken> statement, HclToken token)
    {
        if (statement.Count < 4)
        {
            statement.Add(token);
        }
    }

    private static Block Opened(Block? inside, List<HclToken> header)
    {
        if (inside is not null)
        {
            return Block.Other;
        }

        if (header.Count == 2 && IsWord(header[0], "module") && header[1].Kind is HclTokenKind.String or HclTokenKind.Identifier)
        {
            return Block.Module;
        }

        return header.Count == 1 && IsWord(header[0], "terraform") ? Block.Terraform : Block.Other;
    }

    private static bool DeclaresBackend(List<HclToken> header) =>
        (header.Count == 2 && IsWord(header[0], "backend") && header[1].Kind == HclTokenKind.String)
        || (header.Count == 1 && IsWord(header[0], "cloud"));

    private static void AddSource(Block? inside, List<HclToken> statement, List<string> sources)
    {
        if (inside == Block.Module
            && statement.Count == 3
            && IsWord(statement[0], "source")
            && statement[1].Kind == HclTokenKind.Equals
            && statement[2] is { Kind: HclTokenKind.String, Text: { } source })
        {
            sources.Add(source);
        }
    }

    private static bool IsWord(HclToken token, string word) => token.Kind == HclTokenKind.Identifier && token.Text == word;
}
