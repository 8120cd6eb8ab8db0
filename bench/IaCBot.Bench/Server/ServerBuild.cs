using System.Reflection;

namespace IaCBot.Bench.Server;

/// <summary>The <c>iacbot.dll</c> built with this benchmark (same configuration), found through the path the build recorded.</summary>
internal static class ServerBuild
{
    public static string DllPath()
    {
        var recorded = typeof(ServerBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "IaCBotServerDll").Value!;
        var path = Path.GetFullPath(recorded);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The server was not built at {path}; build the benchmark with dotnet build/run first.", path);
    }
}
