using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Admin;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Admin;

/// <summary>
/// The admin API can mint tokens, read every file and wipe the world: nothing under /_emulator/
/// happens without the secret, from a foreign Host or Origin, or with a body that is not JSON.
/// </summary>
public sealed class AdminGuardTests : EmulatorFixture
{
    private HttpClient Bare()
    {
        var http = NewHttp();
        http.DefaultRequestHeaders.Remove(AdminGuard.SecretHeader);
        return http;
    }

    private static HttpRequestMessage Reset(string? secret, string body = "{\"confirm\":\"reset\"}", string type = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "_emulator/reset") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        if (secret is not null)
        {
            request.Headers.Add(AdminGuard.SecretHeader, secret);
        }
        return request;
    }

    private async Task<bool> AliceFileSurvivesAsync()
    {
        var download = await Alice.DownloadAsync("/keep.txt");
        return download.Status == HttpStatusCode.OK;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Bare().SendAsync(request);
        }
    }

    [Fact]
    public async Task Reset_WithoutSecret_Answers401ProblemAndWipesNothing()
    {
        await Alice.PutAsync("/keep.txt", "kept");

        var response = await SendAsync(Reset(secret: null));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":401");
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_WithWrongSecret_Answers401AndWipesNothing()
    {
        await Alice.PutAsync("/keep.txt", "kept");

        var response = await SendAsync(Reset(Emulator.AdminSecret + "x"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task MintToken_WithoutSecret_MintsNothing()
    {
        int before;
        lock (State.Gate)
        {
            before = State.AccessTokens.Count;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "_emulator/tokens") { Content = new StringContent("{\"account\":\"alice@example.com\"}", Encoding.UTF8, "application/json") };

        var response = await SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        lock (State.Gate)
        {
            State.AccessTokens.Count.ShouldBe(before);
        }
    }

    [Fact]
    public async Task Reads_WithoutSecret_AreRefusedToo()
    {
        await Alice.PutAsync("/keep.txt", "kept");

        var files = await Bare().GetAsync("_emulator/files?account=alice@example.com");
        var state = await Bare().GetAsync("_emulator/state");

        files.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await files.Content.ReadAsStringAsync()).ShouldNotContain("keep.txt");
        state.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reset_FromAForeignHost_IsRefusedEvenWithTheSecret()
    {
        await Alice.PutAsync("/keep.txt", "kept");
        var request = Reset(Emulator.AdminSecret);
        request.Headers.Host = $"rebound.attacker.example:{Emulator.BaseUri.Port}";

        var response = await SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    public async Task Reset_FromAForeignOrigin_IsRefusedEvenWithTheSecret(string origin)
    {
        await Alice.PutAsync("/keep.txt", "kept");
        var request = Reset(Emulator.AdminSecret);
        request.Headers.Add("Origin", origin);

        var response = await SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_AsTextPlain_Answers415AndWipesNothing()
    {
        await Alice.PutAsync("/keep.txt", "kept");

        var response = await SendAsync(Reset(Emulator.AdminSecret, type: "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"confirm\":true}")]
    public async Task Reset_WithoutTheConfirmation_Answers400AndWipesNothing(string body)
    {
        await Alice.PutAsync("/keep.txt", "kept");

        var response = await SendAsync(Reset(Emulator.AdminSecret, body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_WithNoBodyAtAll_IsRefused()
    {
        await Alice.PutAsync("/keep.txt", "kept");
        using var request = new HttpRequestMessage(HttpMethod.Post, "_emulator/reset");
        request.Headers.Add(AdminGuard.SecretHeader, Emulator.AdminSecret);

        var response = await SendAsync(request);

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await AliceFileSurvivesAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_WithSecretOwnOriginAndConfirmation_Resets()
    {
        await Alice.PutAsync("/keep.txt", "kept");
        var request = Reset(Emulator.AdminSecret);
        request.Headers.Add("Origin", Emulator.BaseUri.GetLeftPart(UriPartial.Authority));

        var response = await SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await AliceFileSurvivesAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task Secret_AsBearerToken_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/accounts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.AdminSecret);

        var response = await SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(WorldSeeder.AliceEmail);
    }

    [Fact]
    public async Task Secret_IsRandomPerStart_UnlessGiven()
    {
        await using var other = await DropboxEmulator.StartAsync(new EmulatorOptions());
        await using var given = await DropboxEmulator.StartAsync(new EmulatorOptions { AdminSecret = "a-given-secret-of-some-length" });

        other.AdminSecret.ShouldNotBe(Emulator.AdminSecret);
        other.AdminSecret.Length.ShouldBeGreaterThanOrEqualTo(32);
        given.AdminSecret.ShouldBe("a-given-secret-of-some-length");
        await Should.ThrowAsync<ArgumentException>(() => DropboxEmulator.StartAsync(new EmulatorOptions { AdminSecret = "short" }));
    }

    [Fact]
    public async Task DropboxRoutes_DoNotNeedTheAdminSecret()
    {
        var response = await Alice.RpcAsync("users/get_current_account", null, r => r.Headers.Remove(AdminGuard.SecretHeader));

        response.Status.ShouldBe(HttpStatusCode.OK);
    }
}
