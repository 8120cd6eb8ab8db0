using IaCBot.Core.Commands;
using IaCBot.Core.Events;
using IaCBot.Core.Recovery;
using IaCBot.Core.Storage;

namespace IaCBot.Core.Tests.Recovery;

public sealed class JobKindsTests
{
    private static readonly CommentParser Parser = new(["iacbot", "atlantis"], allowedCommands: AllowCommandsSetting.All);

    [Theory]
    [InlineData("iacbot plan -d app", JobKind.Plan)]
    [InlineData("atlantis apply", JobKind.Apply)]
    [InlineData("iacbot import null_resource.a id-1", JobKind.Import)]
    [InlineData("iacbot state rm null_resource.a", JobKind.StateRm)]
    [InlineData("iacbot unlock", JobKind.Unlock)]
    [InlineData("iacbot version", JobKind.Other)]
    [InlineData("iacbot apply --bogus", JobKind.Other)]
    public void A_comment_is_recorded_as_the_kind_of_work_it_asks_for(string comment, JobKind kind) =>
        Assert.Equal(kind, JobKinds.For(Parser.Parse(comment)));

    [Theory]
    [InlineData(PullRequestAction.Opened, JobKind.Autoplan)]
    [InlineData(PullRequestAction.Synchronized, JobKind.Autoplan)]
    [InlineData(PullRequestAction.Closed, JobKind.Unlock)]
    public void A_pull_request_event_plans_or_frees_what_the_pull_request_held(PullRequestAction action, JobKind kind) =>
        Assert.Equal(kind, JobKinds.For(action));
}
