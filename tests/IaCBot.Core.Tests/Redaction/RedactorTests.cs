using System.Text;
using IaCBot.Core.Redaction;

namespace IaCBot.Core.Tests.Redaction;

public sealed class RedactorTests
{
    private const string Token = "ghp_abcDEF123456";

    [Fact]
    public void A_secret_is_masked_wherever_it_appears()
    {
        var redactor = new Redactor([Token]);

        Assert.Equal("token *** and again ***.", redactor.Redact($"token {Token} and again {Token}."));
    }

    [Fact]
    public void The_authorization_header_git_sends_the_token_in_is_masked()
    {
        var header = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token));

        Assert.Equal("Authorization: Basic ***", new Redactor([Token]).Redact(header));
    }

    [Fact]
    public void The_url_encoded_and_base64_forms_of_a_secret_are_masked()
    {
        const string secret = "p@ss word/+=&x";
        var redactor = new Redactor([secret]);

        Assert.Equal("q=***", redactor.Redact("q=" + Uri.EscapeDataString(secret)));
        Assert.Equal("q=***", redactor.Redact("q=" + System.Net.WebUtility.UrlEncode(secret)));
        Assert.Equal("Basic ***", redactor.Redact("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))));
    }

    [Fact]
    public void Values_shorter_than_four_characters_are_left_alone_so_ordinary_text_stays_readable()
    {
        var redactor = new Redactor(["abc", "", "   ", null, "abcd"]);

        Assert.Equal("abc *** abcabc", redactor.Redact("abc abcd abcabc"));
        Assert.Equal(["abcd"], redactor.Values);
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var redactor = new Redactor(["secret", "my-secret-value"]);

        Assert.Equal("*** and ***", redactor.Redact("my-secret-value and secret"));
    }

    [Fact]
    public void More_values_can_be_added_for_one_use_without_changing_the_original()
    {
        var server = new Redactor([Token]);

        var project = server.With(["db-password-1", "xy"]);

        Assert.Equal("*** ***", project.Redact($"{Token} db-password-1"));
        Assert.Equal("*** db-password-1", server.Redact($"{Token} db-password-1"));
    }

    [Fact]
    public void An_exception_that_holds_a_secret_becomes_one_with_the_same_text_masked()
    {
        var redactor = new Redactor([Token]);
        var original = new InvalidOperationException($"bad token {Token}", new ArgumentException($"inner {Token}"));

        var masked = redactor.Redact(original);

        var redacted = Assert.IsType<RedactedException>(masked);
        Assert.Equal("bad token ***", redacted.Message);
        Assert.Equal(typeof(InvalidOperationException).FullName, redacted.OriginalType);
        Assert.Contains("System.InvalidOperationException: bad token ***", redacted.ToString(), StringComparison.Ordinal);
        Assert.Contains("inner ***", redacted.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, redacted.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_without_a_secret_is_kept_as_it_is()
    {
        var original = new InvalidOperationException("nothing to hide");

        Assert.Same(original, new Redactor([Token]).Redact(original));
    }
}
