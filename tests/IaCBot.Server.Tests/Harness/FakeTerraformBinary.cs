namespace IaCBot.Server.Tests.Harness;

/// <summary>
/// The fake terraform, built from tests/FakeTerraform and copied to fake-terraform/ beside the test assembly by
/// the CopyFakeTerraform target in the csproj.
/// </summary>
internal static class FakeTerraformBinary
{
    /// <summary>Every run of the fake in this test process appends a JSON line here (FAKE_TERRAFORM_LOG).</summary>
    public static string LogFile { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"iacbot-fake-terraform-{Environment.ProcessId}.jsonl");

    // Declared after LogFile: static initialisers run in order, and Locate needs LogFile set.
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // The server passes its environment on to terraform, so this reaches every fake run of this process.
        Environment.SetEnvironmentVariable("FAKE_TERRAFORM_LOG", LogFile);
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "fake-terraform", "terraform");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The fake terraform was not built to {path}.", path);
    }
}
