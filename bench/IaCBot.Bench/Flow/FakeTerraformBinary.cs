namespace IaCBot.Bench.Flow;

/// <summary>The fake terraform (tests/FakeTerraform), built into fake-terraform/ beside the benchmark by the csproj's import.</summary>
internal static class FakeTerraformBinary
{
    public static string Path()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "fake-terraform", "terraform");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The fake terraform was not built to {path}.", path);
    }
}
