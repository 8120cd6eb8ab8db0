using System.Net;
using IaCBot.Core.Locking;
using IaCBot.Core.Storage;
using IaCBot.Core.Vcs;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace IaCBot.Server.Tests.Observability;

public sealed class HealthTests : ServerTest
{
    [Fact]
    public async Task A_started_server_is_healthy_and_ready()
    {
        var health = await App.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await App.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task When_the_store_cannot_be_read_readyz_answers_503_saying_so_and_healthz_stays_up()
    {
        TestServices = services => services.AddSingleton<ILockStore, UnreadableLockStore>();

        var ready = await App.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var health = await App.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The store (data_dir/iacbot.db) cannot be read", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private sealed class UnreadableLockStore : ILockStore
    {
        public Task<ProjectLock> TryAcquireAsync(ProjectLock wanted, CancellationToken cancellationToken) => throw Unreadable();

        public Task<ProjectLock?> GetAsync(LockKey key, CancellationToken cancellationToken) => throw Unreadable();

        public Task<IReadOnlyList<ProjectLock>> ListAsync(CancellationToken cancellationToken) => throw Unreadable();

        public Task<ProjectLock?> ReleaseAsync(LockKey key, CancellationToken cancellationToken) => throw Unreadable();

        public Task<IReadOnlyList<ProjectLock>> ReleaseAllAsync(PullRequestRef pull, CancellationToken cancellationToken) => throw Unreadable();

        private static IOException Unreadable() => new("The database file is corrupt.");
    }
}
