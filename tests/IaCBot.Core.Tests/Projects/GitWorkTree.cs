using System.Diagnostics;

namespace IaCBot.Core.Tests.Projects;

/// <summary>
/// Runs git in a <see cref="TempCheckout"/>, to make it a work tree with an index like IaCBot's checkouts (which git
/// checks out and cleans).
/// </summary>
internal static class GitWorkTree
{
    /// <summary>Commits every file of <paramref name="checkout"/> into a new repository.</summary>
    public static TempCheckout Committed(this TempCheckout checkout)
    {
        Git(checkout.Root, "init", "--quiet", "--initial-branch=main");
        Git(checkout.Root, "add", "--all");
        Git(checkout.Root, "-c", "user.name=IaCBot tests", "-c", "user.email=tests@iacbot.invalid", "commit", "--quiet", "-m", "files");
        return checkout;
    }

    /// <summary>
    /// A new checkout of <paramref name="source"/>'s commit elsewhere, as a new pull request gets. Its files are then
    /// dated a minute back and the index refreshed, so that no entry is racily clean and every file is trusted by its
    /// stat data, whatever the clock's resolution.
    /// </summary>
    public static TempCheckout Clone(TempCheckout source)
    {
        var clone = new TempCheckout();
        Git(clone.Root, "clone", "--quiet", "--no-hardlinks", source.Root, ".");
        var past = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
        foreach (var file in Directory.EnumerateFiles(clone.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            File.SetLastWriteTimeUtc(file, past);
        }

        Git(clone.Root, "update-index", "--really-refresh", "-q");
        return clone;
    }

    public static void Git(string workTree, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workTree, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var errors = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {errors.Result}");
        }
    }
}
