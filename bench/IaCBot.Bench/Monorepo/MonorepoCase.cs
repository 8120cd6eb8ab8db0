using IaCBot.Core.RepoConfig;

namespace IaCBot.Bench.Monorepo;

/// <summary>A pull request to choose projects for: the file it changes, the repo config, how many projects it must choose.</summary>
internal sealed record MonorepoCase(string Name, string ChangedFile, RepoConfig? Config, int Expected);
