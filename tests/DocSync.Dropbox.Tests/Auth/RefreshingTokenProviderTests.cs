using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests.Auth;

public sealed class RefreshingTokenProviderTests : EmulatorTest
{
    private async Task<(string Access, string Refresh)> MintWithRefreshAsync()
    {
        var minted = await AdminAsync("tokens", new JsonObject { ["account"] = WorldSeeder.AliceEmail, ["refresh"] = true });
        return (minted["access_token"]!.GetValue<string>(), minted["refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_TokenExpiredServerSideUnder20ConcurrentCalls_RenewedExactlyOnce()
    {
        var (access, refresh) = await MintWithRefreshAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var initial = new OAuthTokens { AccessToken = access, RefreshToken = refresh, ExpiresAt = time.GetUtcNow().AddHours(4) };
        using var provider = new RefreshingTokenProvider(new DropboxOAuth(NewHttp(), Options()), refresh, initial, time);
        var client = NewClient(provider, time: time);
        await client.GetCurrentAccountAsync();
        await AdminAsync("tokens/expire", new JsonObject { ["token"] = access });

        var accounts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetCurrentAccountAsync()));

        accounts.ShouldAllBe(a => a.Email == WorldSeeder.AliceEmail);
        Requests["/oauth2/token"].ShouldBe(1);
        // Calls that were sent before the renewal see 401 and retry once; calls sent after it go straight through.
        // However the race falls, no call is sent more than twice and at least one met the expired token.
        Requests["/2/users/get_current_account"].ShouldBeInRange(1 + 20 + 1, 1 + 20 + 20);
    }

    [Fact]
    public async Task GetAccessTokenAsync_NearExpiry_RenewsBeforeTheCall()
    {
        var (access, refresh) = await MintWithRefreshAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var initial = new OAuthTokens { AccessToken = access, RefreshToken = refresh, ExpiresAt = time.GetUtcNow().AddMinutes(10) };
        using var provider = new RefreshingTokenProvider(new DropboxOAuth(NewHttp(), Options()), refresh, initial, time);
        OAuthTokens? seen = null;
        provider.Refreshed += t => seen = t;

        (await provider.GetAccessTokenAsync(default)).ShouldBe(access);
        time.Advance(TimeSpan.FromMinutes(6));
        var renewed = await provider.GetAccessTokenAsync(default);

        renewed.ShouldNotBe(access);
        seen!.AccessToken.ShouldBe(renewed);
        Requests["/oauth2/token"].ShouldBe(1);
        (await NewClient(provider).CheckUserAsync("ok")).ShouldBe("ok");
    }

    [Fact]
    public async Task Call_RefreshTokenRevoked_AuthExceptionNotRetried()
    {
        var (access, refresh) = await MintWithRefreshAsync();
        using var provider = new RefreshingTokenProvider(new DropboxOAuth(NewHttp(), Options()), refresh,
            new OAuthTokens { AccessToken = access, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        var client = NewClient(provider);
        await client.RevokeTokenAsync();

        var error = await Should.ThrowAsync<DropboxAuthException>(() => client.GetCurrentAccountAsync());

        error.ErrorTag.ShouldBe(DropboxErrorTags.InvalidAccessToken);
        Requests["/oauth2/token"].ShouldBe(0);
    }

    [Fact]
    public async Task Call_StaticTokenExpired_ThrowsExpiredAfterOneAttempt()
    {
        var token = Emulator.MintToken(WorldSeeder.AliceEmail);
        await AdminAsync("tokens/expire", new JsonObject { ["token"] = token });

        var error = await Should.ThrowAsync<DropboxAuthException>(() => NewClient(new StaticTokenProvider(token)).GetCurrentAccountAsync());

        error.ErrorTag.ShouldBe(DropboxErrorTags.ExpiredAccessToken);
        Requests["/2/users/get_current_account"].ShouldBe(1);
    }
}
