namespace IaCBot.Core.Tests.Comments;

/// <summary>Real terraform output copied into Fixtures/terraform (see Fixtures/SOURCES.md).</summary>
internal static class TerraformFixtures
{
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", relativePath));
}
