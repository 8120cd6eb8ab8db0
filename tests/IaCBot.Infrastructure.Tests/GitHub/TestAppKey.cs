using System.Security.Cryptography;

namespace IaCBot.Infrastructure.Tests.GitHub;

/// <summary>A GitHub App's RSA key made for one test, and its PEM file as GitHub gives it for download.</summary>
internal sealed class TestAppKey : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-app-key-").FullName;

    public TestAppKey(bool pkcs8 = false)
    {
        Pem = pkcs8 ? Key.ExportPkcs8PrivateKeyPem() : Key.ExportRSAPrivateKeyPem();
        Path = System.IO.Path.Combine(_dir, "app.private-key.pem");
        File.WriteAllText(Path, Pem);
    }

    public RSA Key { get; } = RSA.Create(2048);

    public string Pem { get; }

    public string Path { get; }

    /// <summary>Writes another file beside the key, for keys that are not what GitHub gives.</summary>
    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
