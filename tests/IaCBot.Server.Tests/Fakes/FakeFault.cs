namespace IaCBot.Server.Tests.Fakes;

/// <summary>An injected failure: the next <see cref="Remaining"/> matching requests get it instead of the real answer.</summary>
internal sealed class FakeFault(string method, string pathContains, int statusCode, int times, IReadOnlyDictionary<string, string> headers, string? body)
{
    public string Method { get; } = method;

    public string PathContains { get; } = pathContains;

    public int StatusCode { get; } = statusCode;

    public int Remaining { get; private set; } = times;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public string? Body { get; } = body;

    public bool Matches(string method, string path) =>
        (Method == "*" || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && path.Contains(PathContains, StringComparison.Ordinal);

    /// <summary>Uses the fault up once; true when it has no more uses.</summary>
    public bool Consume() => --Remaining <= 0;
}
