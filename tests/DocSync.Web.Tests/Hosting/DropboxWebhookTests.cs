using System.Net;
using System.Security.Cryptography;
using System.Text;
using DocSync.Core.Persistence;
using DocSync.Web.Features.Collection;

namespace DocSync.Web.Tests.Hosting;

/// <summary>Dropbox webhooks: the challenge is echoed, and only a body signed with the app secret is accepted.</summary>
[Collection(WebCollection.Name)]
public sealed class DropboxWebhookTests(Databases databases)
{
    private const string Secret = "webhook-test-secret";

    [Fact]
    public async Task Challenge_is_echoed_as_plain_text()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(DropboxWebhook.Path + "?challenge=abc123");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("abc123");
        (await client.GetAsync(DropboxWebhook.Path)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_a_correctly_signed_notification_is_accepted()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();
        const string body = """{"list_folder":{"accounts":["dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"]},"delta":{"users":[12345]}}""";

        (await PostAsync(client, body, Sign(body, Secret))).ShouldBe(HttpStatusCode.OK);
        (await PostAsync(client, body, null)).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(client, body, Sign(body, "another-secret"))).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(client, body + " ", Sign(body, Secret))).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(client, body, "zz" + Sign(body, Secret)[2..])).ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(client, "not json", Sign("not json", Secret))).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_a_Dropbox_app_every_notification_is_refused()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        const string body = """{"list_folder":{"accounts":[]}}""";

        (await PostAsync(client, body, Sign(body, ""))).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("abc", false)]
    [InlineData("not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex!", false)]
    public void Malformed_signatures_are_invalid(string signature, bool valid) =>
        DropboxWebhook.SignatureIsValid("{}"u8, signature, Secret).ShouldBe(valid);

    private Task<DocSyncApp> StartAsync() => DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
    {
        ["DocSync:Dropbox:AppKey"] = "webhook-test-app",
        ["DocSync:Dropbox:AppSecret"] = Secret,
        ["DocSync:Dropbox:BaseUri"] = "http://127.0.0.1:9/",
    });

    private static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DropboxWebhook.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Dropbox-Signature", signature);
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
