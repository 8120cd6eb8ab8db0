using System.Runtime.InteropServices;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>The <c>os_arch</c> part of a release file name, in Go's spelling (linux_amd64, darwin_arm64).</summary>
internal sealed record ReleasePlatform(string Os, string Arch)
{
    public static ReleasePlatform Current { get; } = new(CurrentOs(), CurrentArch());

    public override string ToString() => $"{Os}_{Arch}";

    private static string CurrentOs() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : OperatingSystem.IsWindows() ? "windows"
        : RuntimeInformation.OSDescription.ToLowerInvariant();

    private static string CurrentArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.X86 => "386",
        Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };
}
