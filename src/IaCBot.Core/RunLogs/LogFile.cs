namespace IaCBot.Core.RunLogs;

/// <summary>The file that holds one project's (or a run's hooks') whole output for one run.</summary>
/// <param name="Path">The absolute path the output is appended to.</param>
/// <param name="RelativePath">The path under data_dir, with forward slashes, as told to people who run the server.</param>
/// <param name="Url">Where it can be read, when <c>server:public_url</c> is set.</param>
public sealed record LogFile(string Path, string RelativePath, Uri? Url);
