namespace IaCBot.Infrastructure.Tests.FakeTerraform;

/// <summary>
/// Where the fake terraform executable is. A test project that imports tests/FakeTerraform/FakeTerraform.targets
/// gets the fake built and copied to fake-terraform/ beside its test assembly. The apphost finds the .NET runtime
/// in its default location (/usr/share/dotnet), so no DOTNET_ROOT is needed.
/// </summary>
internal static class FakeTerraformBinary
{
    /// <summary>The folder holding only the fake: put it first on PATH to make "terraform" resolve to it.</summary>
    public static string Directory { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "fake-terraform");

    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var path = System.IO.Path.Combine(Directory, OperatingSystem.IsWindows() ? "terraform.exe" : "terraform");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The fake terraform was not built to {path}; build the test project, not only the test assembly.", path);
    }
}
