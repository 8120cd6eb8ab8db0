using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FakeTerraform.Config;

namespace FakeTerraform.State;

/// <summary>.terraform.lock.hcl: the provider versions init selected.</summary>
internal static partial class LockFile
{
    public const string Name = ".terraform.lock.hcl";

    public static IReadOnlyDictionary<string, string> Read(string directory)
    {
        var path = Path.Combine(directory, Name);
        var selections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return selections;
        }

        foreach (Match provider in ProviderBlock().Matches(File.ReadAllText(path)))
        {
            selections[provider.Groups[1].Value] = provider.Groups[2].Value;
        }

        return selections;
    }

    public static void Write(string directory, IEnumerable<ProviderAddress> providers)
    {
        var text = new StringBuilder("# This file is maintained automatically by \"terraform init\".\n# Manual edits may be lost in future updates.\n");
        foreach (var provider in providers.OrderBy(p => p.FullName, StringComparer.Ordinal))
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{provider.FullName} {provider.Version}")));
            text.Append($"\nprovider \"{provider.FullName}\" {{\n  version = \"{provider.Version}\"\n  hashes = [\n    \"h1:{hash}\",\n  ]\n}}\n");
        }

        File.WriteAllText(Path.Combine(directory, Name), text.ToString());
    }

    [GeneratedRegex(@"provider ""([^""]+)"" \{\s*version\s*=\s*""([^""]+)""")]
    private static partial Regex ProviderBlock();
}
