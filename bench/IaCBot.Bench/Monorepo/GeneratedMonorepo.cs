using System.Globalization;
using IaCBot.Bench.Flow;

namespace IaCBot.Bench.Monorepo;

/// <summary>
/// A monorepo written to a temp directory: <see cref="ProjectCount"/> project directories, each calling a module every
/// project calls, two of <see cref="ModuleCount"/> modules (module m calls m - 10 for m &gt;= 10) and a registry module.
/// With 20 modules each is called directly by about 200 projects and reached by about 400: shared by hundreds.
/// It starts as plain files (what the walk reads) and becomes a git repository with <see cref="Commit"/>; each
/// <see cref="Checkout"/> is then made as IaCBot makes a pull request's (init, shallow fetch, forced checkout, clean).
/// </summary>
internal sealed class GeneratedMonorepo : IDisposable
{
    public const int ProjectCount = 2000;
    public const int ModuleCount = 20;
    private const string Backend = "terraform {\n  backend \"s3\" {}\n}\n";

    private readonly string parent;
    private readonly BenchGit git;

    private GeneratedMonorepo(string parent)
    {
        this.parent = parent;
        Root = Path.Combine(parent, "origin");
        var home = Path.Combine(parent, "git-home");
        Directory.CreateDirectory(home);
        git = new BenchGit(home);
    }

    public string Root { get; }

    public static GeneratedMonorepo Write()
    {
        var repo = new GeneratedMonorepo(Directory.CreateTempSubdirectory("iacbot-bench-monorepo-").FullName);
        repo.WriteFiles(variant: null);
        return repo;
    }

    /// <summary>Makes the files the first commit of a repository on <c>main</c>.</summary>
    public void Commit()
    {
        git.Run(Root, "init", "--quiet", "--initial-branch=main");
        git.Run(Root, "add", "--all");
        git.Run(Root, "commit", "--quiet", "-m", "Generated monorepo");
    }

    /// <summary>
    /// Rewrites every file with a comment naming <paramref name="variant"/> and commits them: a repository whose blobs
    /// no earlier choice of the process parsed.
    /// </summary>
    public void CommitVariant(int variant)
    {
        WriteFiles(variant);
        git.Run(Root, "add", "--all");
        git.Run(Root, "commit", "--quiet", "-m", $"Variant {variant}");
    }

    /// <summary>A new checkout of <c>main</c>'s head at a new path, made with the git commands IaCBot runs for a pull request.</summary>
    public string Checkout(string name)
    {
        var path = Path.Combine(parent, name);
        Directory.CreateDirectory(path);
        git.Run(path, "init", "--quiet");
        git.Run(path, "fetch", "--quiet", "--no-tags", "--depth", "1", new Uri(Root).AbsoluteUri, "main");
        git.Run(path, "checkout", "--quiet", "--force", "--detach", "FETCH_HEAD");
        git.Run(path, "clean", "-ffdxq", "-e", ".terraform/", "-e", ".terraform.lock.hcl");
        return path;
    }

    /// <summary>How many projects call <paramref name="module"/> directly or through the one module calling it.</summary>
    public static int Reaching(int module) => Enumerable.Range(0, ProjectCount)
        .Count(p => ModulesOf(p) is var (a, b) && new[] { a, b }.Any(m => m == module || m == module + (ModuleCount / 2)));

    public void Dispose() => Directory.Delete(parent, recursive: true);

    private void WriteFiles(int? variant)
    {
        var header = variant is { } v ? string.Create(CultureInfo.InvariantCulture, $"# variant {v}\n") : "";
        File(header, "modules/shared/main.tf", "variable \"name\" {}\n");
        for (var m = 0; m < ModuleCount; m++)
        {
            File(header, $"modules/m{m:D2}/main.tf", m >= ModuleCount / 2 ? Calling($"../m{m - (ModuleCount / 2):D2}") : "variable \"x\" {}\n");
        }

        for (var p = 0; p < ProjectCount; p++)
        {
            var (first, second) = ModulesOf(p);
            File(header, $"envs/p{p:D4}/main.tf", Backend + Calling(
                "../../modules/shared", $"../../modules/m{first:D2}", $"../../modules/m{second:D2}", "terraform-aws-modules/vpc/aws"));
        }
    }

    private static (int First, int Second) ModulesOf(int project) => (project % ModuleCount, ((project * 7) + 3) % ModuleCount);

    private static string Calling(params string[] sources) => string.Concat(sources.Select((source, i) =>
        string.Create(CultureInfo.InvariantCulture, $"module \"m{i}\" {{\n  source = \"{source}\"\n}}\n")));

    private void File(string header, string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, header + text);
    }
}
