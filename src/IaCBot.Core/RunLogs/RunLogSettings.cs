namespace IaCBot.Core.RunLogs;

/// <summary>Where runs' logs go and how people reach them.</summary>
/// <param name="DataDir">The server's data_dir; logs go under its <c>logs</c> folder and are named relative to it.</param>
/// <param name="PublicUrl">The address people reach IaCBot at; when set, comments link to <c>runs/...</c> under it.</param>
public sealed record RunLogSettings(string DataDir, Uri? PublicUrl)
{
    public const string FolderName = "logs";

    public string LogsDirectory => Path.Combine(DataDir, FolderName);

    /// <summary>The file a path relative to data_dir names, as run records and the store keep it (<c>logs/...</c>, forward slashes).</summary>
    public string PathOf(string relativePath) => Path.Combine(DataDir, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
