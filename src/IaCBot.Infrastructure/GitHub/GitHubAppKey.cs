using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace IaCBot.Infrastructure.GitHub;

/// <summary>Reads a GitHub App's private key file, saying what is wrong with it without ever showing its content.</summary>
public static class GitHubAppKey
{
    /// <summary>Reads the PEM text of the RSA private key in <paramref name="path"/>.</summary>
    /// <param name="problem">Why the file cannot be used, as the end of a sentence naming the setting.</param>
    public static bool TryRead(string path, [NotNullWhen(true)] out string? pem, [NotNullWhen(false)] out string? problem)
    {
        pem = null;
        if (!File.Exists(path))
        {
            problem = $"'{path}' does not exist.";
            return false;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"'{path}' cannot be read: {ex.Message}";
            return false;
        }

        try
        {
            using var key = Import(text);
            pem = text;
            problem = null;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            // The library's message is not shown: for a malformed key it may quote part of the file.
            problem = $"'{path}' holds no RSA private key in PEM form (-----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----, "
                      + "unencrypted), as GitHub gives it for download from the App's settings.";
            return false;
        }
    }

    /// <summary>The key, checked to be private: a public key imports as well but cannot sign.</summary>
    internal static RSA Import(string pem)
    {
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            key.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
