using IaCBot.Core.Events;
using IaCBot.Core.Intake;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Jobs;
using IaCBot.Server.Tests.Harness;
using IaCBot.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IaCBot.Server.Tests.Webhooks;

/// <summary>The intake pump's rounds, driven one at a time against the real stores, with a job queue that records.</summary>
public sealed class IntakePumpTests : ServerTest
{
    private readonly RecordingJobBatchQueue _jobs = new();

    public IntakePumpTests() => TestServices = services =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(IntakePump)));

    [Fact]
    public async Task Deliveries_are_queued_once_in_the_order_they_were_accepted_with_rising_tickets_per_pull_request()
    {
        var entries = Enumerable.Range(1, IntakePump.RoundSize + 8).Select(n => Comment($"d-{n}", pull: (n % 2) + 1, $"iacbot plan -p p{n}")).ToList();
        await AcceptAsync(entries);

        await PumpUntilEmptyAsync();

        Assert.Equal(entries.Select(e => Body(e)), _jobs.Queued.Select(c => c.Body));
        foreach (var pull in _jobs.Queued.GroupBy(c => c.Pull.Number))
        {
            Assert.Equal(Enumerable.Range(1, pull.Count()).Select(n => (long?)n), pull.Select(c => c.Ticket));
        }

        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_round_whose_jobs_are_refused_waits_in_the_journal_without_tickets_and_a_later_round_queues_it_in_order()
    {
        var entries = Enumerable.Range(1, 5).Select(n => Comment($"d-{n}", pull: 1, $"iacbot plan -p p{n}")).ToList();
        await AcceptAsync(entries);
        _jobs.Refusing = true;

        Assert.Equal(PumpRound.Stalled, await Pump().PumpAsync(CancellationToken.None));

        Assert.Equal(entries.Select(e => e.DeliveryId), (await PendingAsync()).Select(p => p.Entry.DeliveryId));
        Assert.Empty(await Tickets.OpenBeforeAsync(Pull(1), long.MaxValue, CancellationToken.None));

        _jobs.Refusing = false;
        await PumpUntilEmptyAsync();

        Assert.Equal(entries.Select(e => Body(e)), _jobs.Queued.Select(c => c.Body));
        var tickets = _jobs.Queued.Select(c => c.Ticket!.Value).ToList();
        Assert.Equal(tickets.Order(), tickets);
        Assert.Equal(tickets, (await Tickets.OpenBeforeAsync(Pull(1), long.MaxValue, CancellationToken.None)).Select(t => t.Number));
    }

    [Fact]
    public async Task In_a_refused_round_an_unreadable_entry_and_one_queued_before_are_still_completed()
    {
        var unreadable = new IntakeEntry("d-2", "issue_comment", TimeProvider.System.GetUtcNow(), "{ not json");
        await AcceptAsync([Comment("d-1", pull: 1, "iacbot plan -p p1"), unreadable, Comment("d-3", pull: 1, "iacbot plan -p p3")]);
        var deliveries = App.Services.GetRequiredService<IDeliveryStore>();
        await deliveries.TryRecordAsync("d-3", "issue_comment", TimeProvider.System.GetUtcNow(), "a-server-that-is-gone", CancellationToken.None);
        await deliveries.MarkQueuedAsync(["d-3"], CancellationToken.None);
        _jobs.Refusing = true;

        Assert.Equal(PumpRound.Stalled, await Pump().PumpAsync(CancellationToken.None));

        Assert.Equal(["d-1"], (await PendingAsync()).Select(p => p.Entry.DeliveryId));
        Assert.Empty(_jobs.Queued);
    }

    [Fact]
    public async Task A_delivery_whose_job_was_queued_before_is_completed_without_a_second_job()
    {
        await AcceptAsync([Comment("d-1", pull: 1, "iacbot plan -p p1"), Comment("d-2", pull: 1, "iacbot plan -p p2")]);

        // What a server killed after queueing d-1's job and marking it, before completing its entry, leaves behind.
        var deliveries = App.Services.GetRequiredService<IDeliveryStore>();
        await deliveries.TryRecordAsync("d-1", "issue_comment", TimeProvider.System.GetUtcNow(), "a-server-that-is-gone", CancellationToken.None);
        await deliveries.MarkQueuedAsync(["d-1"], CancellationToken.None);

        await PumpUntilEmptyAsync();

        Assert.Equal(["iacbot plan -p p2"], _jobs.Queued.Select(c => c.Body));
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_delivery_a_stopped_server_recorded_but_never_queued_is_queued()
    {
        await AcceptAsync([Comment("d-1", pull: 1, "iacbot plan -p p1")]);
        var deliveries = App.Services.GetRequiredService<IDeliveryStore>();
        await deliveries.TryRecordAsync("d-1", "issue_comment", TimeProvider.System.GetUtcNow(), "a-server-that-is-gone", CancellationToken.None);

        await PumpUntilEmptyAsync();

        Assert.Equal(["iacbot plan -p p1"], _jobs.Queued.Select(c => c.Body));
    }

    [Fact]
    public void While_deliveries_arrive_the_pump_rests_as_long_as_its_round_took_and_otherwise_goes_straight_on()
    {
        var took = TimeSpan.FromMilliseconds(40);

        Assert.Equal(took, IntakePump.RestAfter(took, deliveriesArrived: true));
        Assert.Equal(TimeSpan.Zero, IntakePump.RestAfter(took, deliveriesArrived: false));
    }

    private ITicketStore Tickets => App.Services.GetRequiredService<ITicketStore>();

    private string ServerId => App.Services.GetRequiredService<ServerInstance>().Id;

    private IntakePump Pump() => ActivatorUtilities.CreateInstance<IntakePump>(App.Services, (IJobBatchQueue)_jobs);

    private async Task PumpUntilEmptyAsync()
    {
        var pump = Pump();
        while (await pump.PumpAsync(CancellationToken.None) == PumpRound.Done)
        {
        }
    }

    private Task AcceptAsync(IReadOnlyList<IntakeEntry> entries) =>
        App.Services.GetRequiredService<IIntakeJournal>().AppendAsync(entries, ServerId, CancellationToken.None);

    private Task<IReadOnlyList<JournaledDelivery>> PendingAsync() =>
        App.Services.GetRequiredService<IIntakeJournal>().PendingAsync(ServerId, 100, CancellationToken.None);

    private static IntakeEntry Comment(string deliveryId, int pull, string body) =>
        new(deliveryId, "issue_comment", TimeProvider.System.GetUtcNow(), new QueuedWork(null, new CommentEvent(Pull(pull), "alice", body)).ToJson());

    private static string Body(IntakeEntry entry) => QueuedWork.FromJson(entry.Work).Comment!.Body;

    private static PullRequestRef Pull(int number) => new(new RepoId("github.com", "acme", "infra"), number);
}
