using static IaCBot.Core.Tests.Projects.ModuleCheckout;

namespace IaCBot.Core.Tests.Projects;

/// <summary>
/// A checkout the size of a large monorepo: 2,000 projects, each calling a module shared by all of them, two of a
/// hundred modules (module m calls m - 50 for m &gt;= 50) and a registry module.
/// </summary>
public sealed class LargeModuleCheckout : IDisposable
{
    public const int ProjectCount = 2000;
    private const int ModuleCount = 100;

    private readonly TempCheckout checkout = new();

    public LargeModuleCheckout()
    {
        checkout.Write("modules/shared/main.tf", "variable \"name\" {}\n");
        for (var m = 0; m < ModuleCount; m++)
        {
            checkout.Write($"modules/m{m:D2}/main.tf", m >= ModuleCount / 2 ? Calling($"../m{m - (ModuleCount / 2):D2}") : "variable \"x\" {}\n");
        }

        for (var p = 0; p < ProjectCount; p++)
        {
            var (first, second) = ModulesOf(p);
            checkout.Write($"envs/p{p:D4}/main.tf", Backend + Calling(
                "../../modules/shared", $"../../modules/m{first:D2}", $"../../modules/m{second:D2}", "terraform-aws-modules/vpc/aws"));
        }
    }

    public string Root => checkout.Root;

    /// <summary>The projects that call <paramref name="module"/> directly or through the one module calling it.</summary>
    public static IEnumerable<string> Reaching(int module) => Enumerable.Range(0, ProjectCount)
        .Where(p => ModulesOf(p) is var (a, b) && new[] { a, b }.Any(m => m == module || m == module + (ModuleCount / 2)))
        .Select(p => $"envs/p{p:D4}");

    public void Dispose() => checkout.Dispose();

    private static (int First, int Second) ModulesOf(int project) => (project % ModuleCount, ((project * 7) + 3) % ModuleCount);
}
