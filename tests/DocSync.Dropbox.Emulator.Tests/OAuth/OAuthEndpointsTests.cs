using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.OAuth;

public sealed class OAuthEndpointsTests : EmulatorFixture
{
    private const string Redirect = "http://127.0.0.1:5099/callback";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override EmulatorOptions CreateOptions()
    {
        var options = new EmulatorOptions { TimeProvider = _clock, AccessTokenLifetime = TimeSpan.FromMinutes(5) };
        options.RedirectUris.Add(Redirect);
        return options;
    }

    private static string Verifier() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Dictionary<string, string> AuthorizeQuery(string challenge, string state = "xyz-state") => new()
    {
        ["client_id"] = WorldSeeder.AppKey,
        ["response_type"] = "code",
        ["redirect_uri"] = Redirect,
        ["state"] = state,
        ["token_access_type"] = "offline",
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    };

    private async Task<(HttpStatusCode Status, Uri? Location, string Body)> ConsentAsync(Dictionary<string, string> query, string decision = "allow")
    {
        var http = NewHttp(allowRedirect: false);
        var page = await http.GetAsync("oauth2/authorize?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return (page.StatusCode, null, html);
        }
        html.ShouldContain("id=\"allow\"");
        var form = new Dictionary<string, string>(query) { ["decision"] = decision, ["account"] = WorldSeeder.AliceEmail };
        var answer = await http.PostAsync("oauth2/authorize", new FormUrlEncodedContent(form));
        return (answer.StatusCode, answer.Headers.Location, await answer.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(Dictionary<string, string> form)
    {
        var response = await NewHttp().PostAsync("oauth2/token", new FormUrlEncodedContent(form));
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task CodeFlowWithPkce_IssuesShortLivedTokenAndRefreshToken()
    {
        var verifier = Verifier();
        var (status, location, _) = await ConsentAsync(AuthorizeQuery(Challenge(verifier)));
        status.ShouldBe(HttpStatusCode.Redirect);
        location!.GetLeftPart(UriPartial.Path).ShouldBe(Redirect);
        var query = HttpUtility.ParseQueryString(location.Query);
        query["state"].ShouldBe("xyz-state");

        var (tokenStatus, token) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"]!,
            ["client_id"] = WorldSeeder.AppKey,
            ["redirect_uri"] = Redirect,
            ["code_verifier"] = verifier,
        });

        tokenStatus.ShouldBe(HttpStatusCode.OK, token.ToJsonString());
        token["token_type"]!.GetValue<string>().ShouldBe("bearer");
        token["expires_in"]!.GetValue<long>().ShouldBe(300);
        token["refresh_token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        token["account_id"]!.GetValue<string>().ShouldBe(Emulator.Account(WorldSeeder.AliceEmail).AccountId);
        var client = new ApiClient(NewHttp(), token["access_token"]!.GetValue<string>());
        (await client.RpcAsync("users/get_current_account", null)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Code_WithWrongVerifierOrReused_AnswersInvalidGrant()
    {
        var verifier = Verifier();
        var (_, location, _) = await ConsentAsync(AuthorizeQuery(Challenge(verifier)));
        var code = HttpUtility.ParseQueryString(location!.Query)["code"]!;
        Dictionary<string, string> Form(string v) => new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = WorldSeeder.AppKey,
            ["redirect_uri"] = Redirect, ["code_verifier"] = v,
        };

        var wrong = await TokenAsync(Form(Verifier()));
        var right = await TokenAsync(Form(verifier));
        var reused = await TokenAsync(Form(verifier));

        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Body["error"]!.GetValue<string>().ShouldBe("invalid_grant");
        right.Status.ShouldBe(HttpStatusCode.OK);
        reused.Body["error"]!.GetValue<string>().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirect_ShowsErrorAndIssuesNoCode()
    {
        var query = AuthorizeQuery(Challenge(Verifier()));
        query["redirect_uri"] = "http://127.0.0.1:5099/callback/evil";

        var (status, location, body) = await ConsentAsync(query);

        status.ShouldBe(HttpStatusCode.BadRequest);
        location.ShouldBeNull();
        body.ShouldContain("redirect_uri");
    }

    [Fact]
    public async Task Authorize_Deny_RedirectsWithAccessDeniedAndState()
    {
        var (status, location, _) = await ConsentAsync(AuthorizeQuery(Challenge(Verifier()), "s-123"), decision: "deny");

        status.ShouldBe(HttpStatusCode.Redirect);
        var query = HttpUtility.ParseQueryString(location!.Query);
        query["error"].ShouldBe("access_denied");
        query["state"].ShouldBe("s-123");
        query["code"].ShouldBeNull();
    }

    [Fact]
    public async Task AccessToken_ExpiresAfterLifetimeAndRefreshWorksUntilRevoked()
    {
        var verifier = Verifier();
        var (_, location, _) = await ConsentAsync(AuthorizeQuery(Challenge(verifier)));
        var (_, token) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = HttpUtility.ParseQueryString(location!.Query)["code"]!,
            ["client_id"] = WorldSeeder.AppKey, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
        });
        var client = new ApiClient(NewHttp(), token["access_token"]!.GetValue<string>());
        var refresh = token["refresh_token"]!.GetValue<string>();

        _clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await client.RpcAsync("users/get_current_account", null);
        var (refreshStatus, refreshed) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = WorldSeeder.AppKey });
        client.Token = refreshed["access_token"]!.GetValue<string>();
        var works = await client.RpcAsync("users/get_current_account", null);
        await client.RpcAsync("auth/token/revoke", null);
        var (afterRevoke, error) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = WorldSeeder.AppKey });

        expired.Error[".tag"]!.GetValue<string>().ShouldBe("expired_access_token");
        refreshStatus.ShouldBe(HttpStatusCode.OK);
        refreshed.ContainsKey("refresh_token").ShouldBeFalse();
        works.Status.ShouldBe(HttpStatusCode.OK);
        afterRevoke.ShouldBe(HttpStatusCode.BadRequest);
        error["error"]!.GetValue<string>().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Token_WithoutPkceNeedsTheSecret()
    {
        var query = AuthorizeQuery("unused");
        query.Remove("code_challenge");
        query.Remove("code_challenge_method");
        var (_, location, _) = await ConsentAsync(query);
        var code = HttpUtility.ParseQueryString(location!.Query)["code"]!;

        var noSecret = await TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = WorldSeeder.AppKey, ["redirect_uri"] = Redirect });
        var withBasic = await NewHttp().SendAsync(new HttpRequestMessage(HttpMethod.Post, "oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect }),
            Headers = { Authorization = new("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes($"{WorldSeeder.AppKey}:{WorldSeeder.AppSecret}"))) },
        });

        noSecret.Body["error"]!.GetValue<string>().ShouldBe("invalid_client");
        withBasic.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_UnknownGrantType_AnswersUnsupportedGrantType()
    {
        var (status, body) = await TokenAsync(new() { ["grant_type"] = "password", ["client_id"] = WorldSeeder.AppKey });

        status.ShouldBe(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().ShouldBe("unsupported_grant_type");
    }
}
