namespace IaCBot.Server.Tests.Fakes;

/// <summary>An injected slow answer: the next <see cref="Remaining"/> matching requests are answered after <see cref="Delay"/>.</summary>
internal sealed class FakeDelay(string method, string pathContains, TimeSpan delay, int times)
{
    public TimeSpan Delay { get; } = delay;

    public int Remaining { get; private set; } = times;

    public bool Matches(string requestMethod, string path) =>
        (method == "*" || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && path.Contains(pathContains, StringComparison.Ordinal);

    /// <summary>Uses the delay up once; true when it has no more uses.</summary>
    public bool Consume() => --Remaining <= 0;
}
