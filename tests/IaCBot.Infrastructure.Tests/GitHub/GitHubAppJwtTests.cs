using IaCBot.Infrastructure.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace IaCBot.Infrastructure.Tests.GitHub;

public sealed class GitHubAppJwtTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestAppKey _key = new();

    [Fact]
    public void The_JWT_is_signed_with_the_app_key_issued_by_the_app_and_dated_back_for_clock_skew()
    {
        var jwt = new GitHubAppJwt(123, _key.Key, new FakeTimeProvider(Now)).Create();

        Assert.Null(JwtCheck.Problem(jwt, _key.Key, 123, Now));
        var (issuer, issuedAt, expiresAt) = JwtCheck.Claims(jwt);
        Assert.Equal("123", issuer);
        Assert.Equal(Now - TimeSpan.FromSeconds(60), issuedAt);
        Assert.True(expiresAt <= issuedAt + TimeSpan.FromMinutes(10), $"exp {expiresAt:O} is more than 10 minutes after iat {issuedAt:O}");
        Assert.True(expiresAt > Now + TimeSpan.FromMinutes(5), $"exp {expiresAt:O} leaves too little time to use the JWT");
    }

    [Fact]
    public void A_JWT_GitHub_checks_a_minute_later_by_its_own_clock_is_still_taken()
    {
        var jwt = new GitHubAppJwt(123, _key.Key, new FakeTimeProvider(Now)).Create();

        Assert.Null(JwtCheck.Problem(jwt, _key.Key, 123, Now + TimeSpan.FromSeconds(59)));
        Assert.Null(JwtCheck.Problem(jwt, _key.Key, 123, Now - TimeSpan.FromSeconds(59)));
    }

    [Fact]
    public void A_JWT_signed_with_another_key_does_not_pass_the_check()
    {
        using var other = new TestAppKey();
        var jwt = new GitHubAppJwt(123, other.Key, new FakeTimeProvider(Now)).Create();

        Assert.Equal("bad signature", JwtCheck.Problem(jwt, _key.Key, 123, Now));
    }

    public void Dispose() => _key.Dispose();
}
