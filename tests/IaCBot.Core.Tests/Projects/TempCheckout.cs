namespace IaCBot.Core.Tests.Projects;

/// <summary>A throw-away directory standing for a pull request's checkout.</summary>
internal sealed class TempCheckout : IDisposable
{
    public TempCheckout()
    {
        Root = Path.Combine(Path.GetTempPath(), "iacbot-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempCheckout With(params string[] files)
    {
        foreach (var file in files)
        {
            Write(file, "");
        }

        return this;
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
