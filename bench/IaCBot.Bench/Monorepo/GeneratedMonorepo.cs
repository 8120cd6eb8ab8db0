using System.Globalization;

namespace IaCBot.Bench.Monorepo;

/// <summary>
/// A monorepo written to a temp directory: <see cref="ProjectCount"/> project directories, each calling a module every
/// project calls, two of <see cref="ModuleCount"/> modules (module m calls m - 10 for m &gt;= 10) and a registry module.
/// With 20 modules each is called directly by about 200 projects and reached by about 400: shared by hundreds.
/// </summary>
internal sealed class GeneratedMonorepo : IDisposable
{
    public const int ProjectCount = 2000;
    public const int ModuleCount = 20;
    private const string Backend = "terraform {\n  backend \"s3\" {}\n}\n";

    private GeneratedMonorepo(string root) => Root = root;

    public string Root { get; }

    public static GeneratedMonorepo Write()
    {
        var repo = new GeneratedMonorepo(Directory.CreateTempSubdirectory("iacbot-bench-monorepo-").FullName);
        repo.File("modules/shared/main.tf", "variable \"name\" {}\n");
        for (var m = 0; m < ModuleCount; m++)
        {
            repo.File($"modules/m{m:D2}/main.tf", m >= ModuleCount / 2 ? Calling($"../m{m - (ModuleCount / 2):D2}") : "variable \"x\" {}\n");
        }

        for (var p = 0; p < ProjectCount; p++)
        {
            var (first, second) = ModulesOf(p);
            repo.File($"envs/p{p:D4}/main.tf", Backend + Calling(
                "../../modules/shared", $"../../modules/m{first:D2}", $"../../modules/m{second:D2}", "terraform-aws-modules/vpc/aws"));
        }

        return repo;
    }

    /// <summary>How many projects call <paramref name="module"/> directly or through the one module calling it.</summary>
    public static int Reaching(int module) => Enumerable.Range(0, ProjectCount)
        .Count(p => ModulesOf(p) is var (a, b) && new[] { a, b }.Any(m => m == module || m == module + (ModuleCount / 2)));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static (int First, int Second) ModulesOf(int project) => (project % ModuleCount, ((project * 7) + 3) % ModuleCount);

    private static string Calling(params string[] sources) => string.Concat(sources.Select((source, i) =>
        string.Create(CultureInfo.InvariantCulture, $"module \"m{i}\" {{\n  source = \"{source}\"\n}}\n")));

    private void File(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }
}
