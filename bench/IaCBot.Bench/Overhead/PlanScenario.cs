using System.Globalization;
using System.Text;

namespace IaCBot.Bench.Overhead;

/// <summary>
/// A pull request that adds <paramref name="Projects"/> projects, each of whose terraform init and plan take
/// <paramref name="DelaySeconds"/> (the fake terraform's sleep knobs), listed in an atlantis.yaml with or without
/// <c>parallel_plan</c>. Each PR gets its own project directories, so no PR finds another's locks.
/// </summary>
internal sealed record PlanScenario(string Name, int Projects, double DelaySeconds, bool Parallel)
{
    public IReadOnlyList<string> Dirs(int number) =>
        [.. Enumerable.Range(1, Projects).Select(i => string.Create(CultureInfo.InvariantCulture, $"envs/pr{number}-p{i:D2}"))];

    public IReadOnlyDictionary<string, string> Files(int number)
    {
        var delay = DelaySeconds.ToString(CultureInfo.InvariantCulture);
        var config = new StringBuilder("version: 3\n").Append(CultureInfo.InvariantCulture, $"parallel_plan: {(Parallel ? "true" : "false")}\nprojects:\n");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in Dirs(number))
        {
            config.Append(CultureInfo.InvariantCulture, $"- dir: {dir}\n");
            var name = dir.Replace('/', '_').Replace('-', '_');
            files[$"{dir}/main.tf"] =
                $"# fake-terraform: sleep init {delay}\n# fake-terraform: sleep plan {delay}\nresource \"null_resource\" \"{name}\" {{\n}}\n";
        }

        files["atlantis.yaml"] = config.ToString();
        return files;
    }
}
