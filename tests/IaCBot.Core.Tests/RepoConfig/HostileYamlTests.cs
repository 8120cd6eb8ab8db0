using System.Text;

namespace IaCBot.Core.Tests.RepoConfig;

/// <summary>A config file comes from a pull request, so anyone may send one built to exhaust the server.</summary>
public sealed class HostileYamlTests
{
    [Fact]
    public void A_file_over_one_mebibyte_is_refused_without_being_parsed()
    {
        var yaml = "version: 3\n# " + new string('x', 1024 * 1024);

        var error = ConfigText.Error(yaml);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("The file is larger than 1 MiB; a repo config never needs to be that big, so it is not read.", error.Message);
    }

    [Fact]
    public void Multi_byte_text_counts_by_its_encoded_size()
    {
        var yaml = "version: 3\n# " + new string('é', 600 * 1024);

        Assert.Contains("larger than 1 MiB", ConfigText.Error(yaml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_nesting_deeper_than_64_levels_is_refused()
    {
        var yaml = new StringBuilder("version: 3\n");
        for (var level = 0; level < 70; level++)
        {
            yaml.Append(' ', level * 2).Append("a:\n");
        }

        var error = ConfigText.Error(yaml.ToString());

        Assert.Contains("nested deeper than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal(65, error.Line);
    }

    [Fact]
    public void Flow_nesting_that_fills_the_whole_size_limit_stops_at_the_depth_limit()
    {
        var yaml = "version: 3\nx: " + new string('[', 1000 * 1000);

        var error = ConfigText.Error(yaml);

        Assert.Contains("nested deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_of_exactly_64_levels_is_still_read()
    {
        var yaml = "version: 3\nallowed_regexp_prefixes: " + new string('[', 62) + new string(']', 62);

        var errors = ConfigText.Errors(yaml);

        Assert.DoesNotContain(errors, e => e.Message.Contains("deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_100_aliases_are_refused()
    {
        var yaml = "version: 3\nallowed_regexp_prefixes: [&p dev/" + string.Concat(Enumerable.Repeat(", *p", 101)) + "]";

        var error = ConfigText.Error(yaml);

        Assert.Contains("more than 100 aliases", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Up_to_100_aliases_are_allowed()
    {
        var yaml = "version: 3\nallowed_regexp_prefixes: [&p dev/" + string.Concat(Enumerable.Repeat(", *p", 100)) + "]";

        Assert.Equal(101, ConfigText.Valid(yaml).AllowedRegexpPrefixes.Count);
    }

    [Fact]
    public void An_alias_bomb_within_the_alias_count_is_refused_before_it_expands()
    {
        // Nine levels of nine aliases each: 81 aliases standing for 9^9 (387 million) values.
        var yaml = new StringBuilder("version: 3\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*l{level - 1}";
            yaml.Append($"l{level}: &l{level} [").AppendJoin(", ", Enumerable.Repeat(previous, 9)).Append("]\n");
        }

        var error = ConfigText.Error(yaml.ToString());

        Assert.Contains("expand to more than 200000 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_that_would_nest_too_deep_is_refused()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var yaml = $"version: 3\na: &deep {deep}\nb: {new string('[', 30)}*deep{new string(']', 30)}";

        var error = ConfigText.Error(yaml);

        Assert.Contains("deeper than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Hundreds_of_thousands_of_plain_values_are_refused()
    {
        var yaml = "version: 3\nallowed_regexp_prefixes: [" + string.Concat(Enumerable.Repeat("a,", 250_000)) + "a]";

        var error = ConfigText.Error(yaml);

        Assert.Contains("more than 200000 values", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version: 3\nallowed_regexp_prefixes: [*nowhere]", "no anchor `&nowhere` defined before it")]
    [InlineData("version: 3\nx: &self [*self]", "no anchor `&self` defined before it")]
    public void An_alias_must_refer_to_an_earlier_anchor(string yaml, string expected)
    {
        Assert.Contains(expected, ConfigText.Error(yaml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complex_key_is_refused()
    {
        var error = ConfigText.Error("version: 3\n? [a, b]\n: c");

        Assert.Contains("keys must be plain names", error.Message, StringComparison.Ordinal);
    }
}
