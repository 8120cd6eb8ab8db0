using System.Diagnostics;

namespace IaCBot.Infrastructure.Tests.FakeTerraform;

/// <summary>A temporary terraform working directory in which the fake runs as a real process.</summary>
internal sealed class TerraformWorkdir : IDisposable
{
    private static readonly string[] InheritedTerraformVariables = ["TF_IN_AUTOMATION", "TF_WORKSPACE", "TF_DATA_DIR", "FAKE_TERRAFORM_LOG"];

    public string Path { get; } = Directory.CreateTempSubdirectory("fake-terraform-test-").FullName;

    public Dictionary<string, string> Environment { get; } = [];

    public TerraformWorkdir Write(string file, string content)
    {
        var path = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    public bool Exists(string file) => File.Exists(System.IO.Path.Combine(Path, file));

    public async Task<FakeTerraformResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return new FakeTerraformResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the fake with stdin already closed, as a bot runs terraform.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(FakeTerraformBinary.Path)
        {
            WorkingDirectory = Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedTerraformVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed fake may still be releasing a file; the temp folder is cleaned by the OS later.
        }
    }
}
