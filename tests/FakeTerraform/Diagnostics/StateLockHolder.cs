using System.Security.Cryptography;
using System.Text;

namespace FakeTerraform.Diagnostics;

/// <summary>Who "holds" the lock when the fail knob makes a state command find its state locked; stable per state path.</summary>
internal sealed record StateLockHolder(string Id, string Path, string Who, string Version, string Created)
{
    public static StateLockHolder For(string statePath, string version) => new(
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(statePath)).AsSpan(0, 16)).ToString(),
        statePath,
        "runner@fake-terraform",
        version,
        "2023-10-04 09:12:45.123456789 +0000 UTC");
}
