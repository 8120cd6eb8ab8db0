namespace IaCBot.Core.RepoConfig.Yaml;

/// <summary>A text value. <see cref="IsPlain"/> is false when it was quoted or tagged <c>!!str</c>, so it is text, never a bool or number.</summary>
internal sealed record YamlScalar(string Value, bool IsPlain, int Line, int Column) : YamlNode(Line, Column)
{
    private const int DescribeLimit = 60;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override long Size => 1;

    public override int Height => 1;

    public override string Describe()
    {
        if (IsNull)
        {
            return "empty";
        }

        var text = Value.Length > DescribeLimit ? Value[..DescribeLimit] + "…" : Value;
        return $"\"{text.ReplaceLineEndings(" ")}\"";
    }
}
