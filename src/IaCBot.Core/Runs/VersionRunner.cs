using IaCBot.Core.Outbox;
using IaCBot.Core.Terraform;
using IaCBot.Core.Vcs;

namespace IaCBot.Core.Runs;

/// <summary>Answers <c>version</c>: IaCBot's version and the terraform version it runs.</summary>
public sealed class VersionRunner(TerraformRunner terraform, PullRequestNotifier notifier, BotSettings settings)
{
    public async Task RunAsync(PullRequestInfo pull, CancellationToken cancellationToken)
    {
        var version = await terraform.VersionAsync(TerraformInvocation.In(terraform.DefaultBinary, Path.GetTempPath()), cancellationToken);
        var terraformText = version.Succeeded
            ? version.Result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown"
            : $"not available ({version.FailureMessage})";
        await notifier.CommentAsync(
            pull.Ref, $"IaCBot {settings.Version}\n\nTerraform: `{terraformText}`", cancellationToken);
    }
}
