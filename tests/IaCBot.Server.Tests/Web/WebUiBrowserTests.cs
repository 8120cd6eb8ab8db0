using IaCBot.Core.RunHistory;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IaCBot.Server.Tests.Web;

/// <summary>The web UI in a real browser (Debian's Chromium), against the app on a real port of 127.0.0.1.</summary>
public sealed class WebUiBrowserTests : ServerTest
{
    private const string User = "ops-admin";
    private const string Password = "a-long-web-password";

    protected override bool RealPort => true;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["web:username"] = User,
        ["web:password"] = Password,
    };

    [Fact]
    public async Task The_home_page_shows_the_lock_a_plan_took_and_unlock_frees_it_and_tells_the_pull_request()
    {
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        await CommentContainingAsync(pr, "Ran plan");
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(App.Address!, (User, Password));

        await page.GotoAsync("/");
        var row = page.Locator("#locks tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("github.com/acme/infra");
        await Assertions.Expect(row).ToContainTextAsync("app");
        await Assertions.Expect(row).ToContainTextAsync(Author);
        await Chromium.ScreenshotAsync(page, "home-with-lock");
        await row.GetByRole(AriaRole.Link, new() { Name = "Details" }).ClickAsync();
        await Chromium.ScreenshotAsync(page, "lock-page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();

        await Assertions.Expect(page.GetByText("No locks are held.")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "home-after-unlock");
        var note = await CommentContainingAsync(pr, "discarded this plan");
        Assert.Contains($"`{User}` discarded this plan and released its lock through IaCBot's web UI", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_page_opened_while_a_slow_plan_runs_shows_the_log_lines_as_they_arrive()
    {
        using var plan = new TerraformGate(DataDir, "plan");
        var pr = OpenPullRequest(1, new Dictionary<string, string?> { ["app/main.tf"] = plan.Knob + NullResource("a") });
        await DeliverPullRequestAsync("opened", pr);
        var run = await RunningRunWithLogAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(App.Address!, (User, Password));

        await page.GotoAsync($"/runs/{run.Id}");
        var log = page.Locator("pre.log").First;
        await Assertions.Expect(log).ToContainTextAsync("$ terraform plan");
        await Assertions.Expect(page.Locator("#live")).ToContainTextAsync("Live: lines appear as terraform prints them.");
        await Assertions.Expect(log).Not.ToContainTextAsync("Plan: 1 to add");
        await Chromium.ScreenshotAsync(page, "run-page-live");
        plan.Release();
        await Assertions.Expect(log).ToContainTextAsync("Plan: 1 to add", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("The run has ended.", new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, "run-page-ended");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("pre.log").First).ToContainTextAsync("Plan: 1 to add");
        await Assertions.Expect(page.Locator("#steps")).ToContainTextAsync("succeeded");
        await Assertions.Expect(page.Locator(".reply")).ToContainTextAsync("Ran plan");
    }

    [Fact]
    public async Task A_visit_without_credentials_is_refused()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.OpenAsync(App.Address!, null);

        // Chromium answers a Basic challenge it has no credentials for by failing the navigation.
        var refused = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync("/"));
        var response = await page.APIRequest.GetAsync("/");

        Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", refused.Message, StringComparison.Ordinal);
        Assert.Equal(401, response.Status);
        Assert.DoesNotContain("Locks", await response.TextAsync(), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "refused");
    }

    /// <summary>The autoplan's run once its project's log exists, while the plan sleeps.</summary>
    private async Task<RunRecord> RunningRunWithLogAsync()
    {
        var history = App.Services.GetRequiredService<IRunHistory>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var running = await history.ListAsync(new RunQuery(RunningOnly: true), CancellationToken.None);
            if (running.FirstOrDefault(r => r.Projects.Any(p => p.Steps.Any(s => s.Name == "plan"))) is { } run)
            {
                return run;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the plan never started");
            await Task.Delay(50);
        }
    }
}
