using IaCBot.Core.Access;
using IaCBot.Core.Commands;
using IaCBot.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace IaCBot.Core.Tests.Access;

public sealed class ApplyLockGuardTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CommandKind.Apply, "`iacbot apply`")]
    [InlineData(CommandKind.Import, "`iacbot import`")]
    [InlineData(CommandKind.StateRm, "`iacbot state rm`")]
    public async Task While_applies_are_disabled_apply_import_and_state_rm_are_refused_saying_who_when_and_why(CommandKind kind, string shown)
    {
        var store = new Store { Held = new ApplyLock("ops-alice", Since, "release freeze") };

        var refusal = await GuardOf(store).CheckAsync(Command(kind), CancellationToken.None);

        Assert.Equal(
            $"Applies are disabled on this server: ops-alice disabled them on 2026-11-01 09:30 UTC, so {shown} was not run.\n\n"
            + "Reason: release freeze\n\nAn administrator enables them again with `DELETE /api/apply-lock`.",
            refusal);
    }

    [Theory]
    [InlineData(CommandKind.Plan)]
    [InlineData(CommandKind.Unlock)]
    [InlineData(CommandKind.Version)]
    public async Task Plans_and_other_commands_go_on_while_applies_are_disabled(CommandKind kind)
    {
        var store = new Store { Held = new ApplyLock("ops", Since, null), Failure = new IOException("disk gone") };

        Assert.Null(await GuardOf(store).CheckAsync(Command(kind), CancellationToken.None));
    }

    [Fact]
    public async Task An_apply_is_allowed_when_no_lock_is_held()
    {
        Assert.Null(await GuardOf(new Store()).CheckAsync(Command(CommandKind.Apply), CancellationToken.None));
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_refuses_the_apply()
    {
        var store = new Store { Failure = new IOException("The database file is locked") };

        var refusal = await GuardOf(store).CheckAsync(Command(CommandKind.Apply), CancellationToken.None);

        Assert.StartsWith("IaCBot could not read whether applies are disabled on this server, so `iacbot apply` was not run.", refusal, StringComparison.Ordinal);
    }

    private static ApplyLockGuard GuardOf(IApplyLockStore store) => new(store, NullLogger<ApplyLockGuard>.Instance);

    private static CommentCommand Command(CommandKind kind) => new("iacbot", kind, null, null, null, false, []);

    private sealed class Store : IApplyLockStore
    {
        public ApplyLock? Held { get; init; }

        public Exception? Failure { get; init; }

        public Task<ApplyLock?> GetAsync(CancellationToken cancellationToken) =>
            Failure is null ? Task.FromResult(Held) : throw Failure;

        public Task SetAsync(ApplyLock applyLock, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ClearAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
