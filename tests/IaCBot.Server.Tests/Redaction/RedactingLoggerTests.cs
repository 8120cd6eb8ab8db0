using IaCBot.Core.Redaction;
using IaCBot.Server.Redaction;
using IaCBot.Server.Tests.Harness;
using Microsoft.Extensions.Logging;

namespace IaCBot.Server.Tests.Redaction;

/// <summary>What a log provider receives from the server's loggers when an entry holds a secret.</summary>
public sealed partial class RedactingLoggerTests : IDisposable
{
    private const string Secret = "ghp_logged-secret-7";
    private readonly CapturedLogs _logs = new();
    private readonly ILoggerFactory _factory;

    public RedactingLoggerTests() =>
        _factory = new RedactingLoggerFactory(
            LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs)), new Redactor([Secret]));

    [Fact]
    public void The_message_and_each_structured_argument_are_masked()
    {
        var logger = _factory.CreateLogger("test");

        LogHeader(logger, "Authorization: token " + Secret, 3);

        var entry = Assert.Single(_logs.Entries);
        Assert.Contains("Header Authorization: token *** on attempt 3", entry, StringComparison.Ordinal);
        Assert.Contains("Header=Authorization: token ***", entry, StringComparison.Ordinal);
        Assert.Contains("Attempt=3", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exceptions_message_and_details_are_masked()
    {
        var logger = _factory.CreateLogger("test");

        LogFailure(logger, new InvalidOperationException("failed", new HttpRequestException($"proxy said {Secret}")));

        var entry = Assert.Single(_logs.Entries);
        Assert.Contains("HttpRequestException: proxy said ***", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_are_masked()
    {
        var logger = _factory.CreateLogger("test");

        using (logger.BeginScope(new Dictionary<string, object> { ["Url"] = $"https://x-access-token:{Secret}@github.com/acme/infra" }))
        using (logger.BeginScope($"cloning with {Secret}"))
        {
            LogInside(logger);
        }

        var entry = Assert.Single(_logs.Entries);
        Assert.Contains("Url=https://x-access-token:***@github.com/acme/infra", entry, StringComparison.Ordinal);
        Assert.Contains("scope: cloning with ***", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_secret_reaches_the_provider_unchanged()
    {
        var logger = _factory.CreateLogger("test");
        var error = new InvalidOperationException("nothing to hide");

        LogPlain(logger, error, 2);

        var entry = Assert.Single(_logs.Entries);
        Assert.Contains("Plain 2", entry, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: nothing to hide", entry, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Header {Header} on attempt {Attempt}")]
    private static partial void LogHeader(ILogger logger, string header, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Work failed")]
    private static partial void LogFailure(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "inside")]
    private static partial void LogInside(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plain {Count}")]
    private static partial void LogPlain(ILogger logger, Exception exception, int count);
}
