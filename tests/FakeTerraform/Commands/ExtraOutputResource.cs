using System.Globalization;
using FakeTerraform.Config;

namespace FakeTerraform.Commands;

/// <summary>
/// The knob <c>extra-output plan LINES</c>: one more resource in the configuration with LINES long tag
/// attributes, so the plan grows by that many realistic lines and stays stable from run to run.
/// </summary>
internal static class ExtraOutputResource
{
    public static Configuration AddTo(Configuration config)
    {
        var lines = config.Knobs.ExtraOutputLines;
        if (lines == 0)
        {
            return config;
        }

        var source = new SourceLine("main.tf", 1, "resource \"null_resource\" \"extra_output\" {");
        var attributes = Enumerable.Range(1, lines)
            .Select(i => new AttributeConfig(
                string.Create(CultureInfo.InvariantCulture, $"tag_{i}"),
                new LiteralExpression(TfValue.String(string.Create(CultureInfo.InvariantCulture,
                    $"arn:aws:iam::123456789012:role/service-role/extra-output-role-{i:D5}-with-a-deliberately-long-name-for-comment-splitting"))),
                source))
            .ToList();
        return config with { Resources = [.. config.Resources, new ResourceConfig("null_resource", "extra_output", attributes, source)] };
    }
}
