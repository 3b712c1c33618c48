using System.Net;
using System.Web;
using DocSync.Dropbox.Emulator;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests.Auth;

public sealed class DropboxOAuthTests : EmulatorTest
{
    private static readonly Uri Redirect = new("http://127.0.0.1:5999/callback");

    protected override EmulatorOptions CreateEmulatorOptions()
    {
        var options = base.CreateEmulatorOptions();
        options.RedirectUris.Add(Redirect.ToString());
        return options;
    }

    private DropboxOAuth OAuth(Action<DropboxClientOptions>? configure = null) => new(NewHttp(), Options(configure));

    /// <summary>Plays the user on the emulator's consent page: Alice clicks Allow.</summary>
    private async Task<(string Code, string? State)> ConsentAsync(Uri authorizeUrl)
    {
        var query = HttpUtility.ParseQueryString(authorizeUrl.Query);
        var form = query.AllKeys.ToDictionary(k => k!, k => query[k]!);
        form["account"] = WorldSeeder.AliceEmail;
        form["decision"] = "allow";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Emulator.BaseUri };
        using var response = await http.PostAsync("oauth2/authorize", new FormUrlEncodedContent(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        return (back["code"]!, back["state"]);
    }

    [Fact]
    public void CreateAuthorizationRequest_Offline_CarriesPkceS256AndState()
    {
        var request = OAuth().CreateAuthorizationRequest(Redirect, scopes: ["files.content.write", "account_info.read"]);

        var query = HttpUtility.ParseQueryString(request.Url.Query);
        query["client_id"].ShouldBe(WorldSeeder.AppKey);
        query["response_type"].ShouldBe("code");
        query["token_access_type"].ShouldBe("offline");
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldBe(DropboxOAuth.CodeChallenge(request.CodeVerifier));
        query["state"].ShouldBe(request.State);
        query["redirect_uri"].ShouldBe(Redirect.ToString());
        query["scope"].ShouldBe("files.content.write account_info.read");
        request.CodeVerifier.Length.ShouldBeInRange(43, 128);
        request.ToString().ShouldNotContain(request.CodeVerifier);
    }

    [Fact]
    public void CodeChallenge_Rfc7636Example_Matches()
    {
        DropboxOAuth.CodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").ShouldBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    [Fact]
    public async Task ExchangeCodeAsync_AfterConsent_TokensWork()
    {
        var oauth = OAuth(o => o.AppSecret = null);
        var request = oauth.CreateAuthorizationRequest(Redirect);
        var (code, state) = await ConsentAsync(request.Url);
        state.ShouldBe(request.State);

        var tokens = await oauth.ExchangeCodeAsync(code, request.CodeVerifier, Redirect);

        tokens.AccessToken.ShouldStartWith("sl.");
        tokens.RefreshToken.ShouldNotBeNullOrEmpty();
        tokens.ExpiresAt.ShouldNotBeNull();
        tokens.AccountId.ShouldBe(Emulator.Account(WorldSeeder.AliceEmail).AccountId);
        tokens.ToString().ShouldNotContain(tokens.AccessToken);
        tokens.ToString().ShouldNotContain(tokens.RefreshToken!);
        var client = NewClient(new StaticTokenProvider(tokens.AccessToken));
        (await client.GetCurrentAccountAsync()).Email.ShouldBe(WorldSeeder.AliceEmail);
    }

    [Fact]
    public async Task ExchangeCodeAsync_WrongVerifier_InvalidGrant()
    {
        var oauth = OAuth(o => o.AppSecret = null);
        var request = oauth.CreateAuthorizationRequest(Redirect);
        var (code, _) = await ConsentAsync(request.Url);

        var error = await Should.ThrowAsync<DropboxAuthException>(() => oauth.ExchangeCodeAsync(code, new string('x', 64), Redirect));

        error.ErrorTag.ShouldBe(DropboxErrorTags.InvalidGrant);
        error.StatusCode.ShouldBe(400);
    }

    [Fact]
    public async Task ExchangeCodeAsync_CodeUsedTwice_InvalidGrant()
    {
        var oauth = OAuth();
        var request = oauth.CreateAuthorizationRequest(Redirect);
        var (code, _) = await ConsentAsync(request.Url);
        await oauth.ExchangeCodeAsync(code, request.CodeVerifier, Redirect);

        (await Should.ThrowAsync<DropboxAuthException>(() => oauth.ExchangeCodeAsync(code, request.CodeVerifier, Redirect))).ErrorTag
            .ShouldBe(DropboxErrorTags.InvalidGrant);
    }

    [Fact]
    public async Task RefreshAsync_ValidRefreshToken_NewWorkingAccessToken()
    {
        var oauth = OAuth();
        var request = oauth.CreateAuthorizationRequest(Redirect);
        var (code, _) = await ConsentAsync(request.Url);
        var first = await oauth.ExchangeCodeAsync(code, request.CodeVerifier, Redirect);

        var renewed = await oauth.RefreshAsync(first.RefreshToken!);

        renewed.AccessToken.ShouldNotBe(first.AccessToken);
        renewed.RefreshToken.ShouldBe(first.RefreshToken);
        (await NewClient(new StaticTokenProvider(renewed.AccessToken)).CheckUserAsync("ok")).ShouldBe("ok");
    }

    [Fact]
    public async Task RefreshAsync_UnknownRefreshToken_InvalidGrant()
    {
        (await Should.ThrowAsync<DropboxAuthException>(() => OAuth().RefreshAsync("nope"))).ErrorTag.ShouldBe(DropboxErrorTags.InvalidGrant);
    }

    [Fact]
    public async Task RefreshAsync_WrongSecret_InvalidClient()
    {
        (await Should.ThrowAsync<DropboxAuthException>(() => OAuth(o => o.AppSecret = "bad").RefreshAsync("x"))).ErrorTag.ShouldBe(DropboxErrorTags.InvalidClient);
    }

    [Fact]
    public void Constructor_NoAppKey_NamesTheField()
    {
        using var http = new HttpClient();
        Should.Throw<ArgumentException>(() => new DropboxOAuth(http, new DropboxClientOptions())).Message.ShouldContain("AppKey");
    }
}
