using IaCBot.Core.Intake;
using IaCBot.Core.Tests.Doubles;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Core.Tests.Intake;

public sealed class IntakeWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deliveries_arriving_during_a_commit_share_the_next_one_and_each_is_journaled_once_in_order()
    {
        var journal = new GatedIntakeJournal();
        using var writer = new IntakeWriter(journal, "server-a", TimeProvider.System);

        var first = writer.AppendAsync(Entry("d-0"));
        await journal.FirstCommitBegun.Task;
        var rest = Enumerable.Range(1, 99).Select(n => writer.AppendAsync(Entry($"d-{n}"))).ToList();
        journal.FirstCommit.SetResult();
        var taken = await Task.WhenAll(rest.Prepend(first));

        Assert.All(taken, Assert.True);
        Assert.Equal(2, journal.Commits.Count);
        Assert.Equal((1, 99), (journal.Commits[0], journal.Commits[1]));
        Assert.Equal(2, writer.Flushes);
        Assert.Equal(Enumerable.Range(0, 100).Select(n => $"d-{n}"), journal.Entries.Select(e => e.Entry.DeliveryId));
    }

    [Fact]
    public async Task A_delivery_sent_twice_at_once_is_taken_once()
    {
        var journal = new GatedIntakeJournal();
        using var writer = new IntakeWriter(journal, "server-a", TimeProvider.System);

        var first = writer.AppendAsync(Entry("d-0"));
        await journal.FirstCommitBegun.Task;
        var twice = new[] { writer.AppendAsync(Entry("d-1")), writer.AppendAsync(Entry("d-1")) };
        journal.FirstCommit.SetResult();

        Assert.True(await first);
        var answers = await Task.WhenAll(twice);
        Assert.Equal((true, false), (answers[0], answers[1]));
        Assert.Single(journal.Entries, e => e.Entry.DeliveryId == "d-1");
    }

    [Fact]
    public async Task A_redelivery_of_a_delivery_just_taken_is_a_duplicate_without_a_commit()
    {
        var journal = new GatedIntakeJournal();
        journal.FirstCommit.SetResult();
        using var writer = new IntakeWriter(journal, "server-a", TimeProvider.System);
        Assert.True(await writer.AppendAsync(Entry("d-1")));

        Assert.False(await writer.AppendAsync(Entry("d-1")));
        Assert.Equal(1, writer.Flushes);
    }

    [Fact]
    public async Task A_redelivery_an_hour_after_is_left_to_the_journal_to_answer()
    {
        var journal = new GatedIntakeJournal();
        journal.FirstCommit.SetResult();
        var time = new FakeTimeProvider(Now);
        using var writer = new IntakeWriter(journal, "server-a", time);
        Assert.True(await writer.AppendAsync(Entry("d-1")));

        time.Advance(IntakeWriter.RememberedFor - TimeSpan.FromSeconds(1));
        Assert.False(await writer.AppendAsync(Entry("d-1")));
        Assert.Equal(1, writer.Flushes);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await writer.AppendAsync(Entry("d-1")));
        Assert.Equal(2, writer.Flushes);
    }

    [Fact]
    public async Task A_failed_commit_fails_every_delivery_in_it_and_the_next_commit_goes_on()
    {
        var journal = new FailingOnceJournal();
        using var writer = new IntakeWriter(journal, "server-a", TimeProvider.System);

        await Assert.ThrowsAsync<IOException>(() => writer.AppendAsync(Entry("d-1")));

        Assert.True(await writer.AppendAsync(Entry("d-1")));
    }

    private static IntakeEntry Entry(string id) => new(id, "issue_comment", Now, "{}");

    private sealed class FailingOnceJournal : Core.Storage.IIntakeJournal
    {
        private int _calls;

        public Task<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<IntakeEntry> batch, string owner, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new IOException("The disk is full.")
                : Task.FromResult<IReadOnlyList<bool>>([.. batch.Select(_ => true)]);

        public Task<IReadOnlyList<JournaledDelivery>> PendingAsync(string owner, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<JournaledDelivery>>([]);

        public Task CompleteAsync(IReadOnlyList<JournaledDelivery> done, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
