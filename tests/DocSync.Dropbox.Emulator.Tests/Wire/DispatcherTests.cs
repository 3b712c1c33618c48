using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Wire;

public sealed class DispatcherTests : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { MaxRequestBytes = 64 * 1024 };

    [Fact]
    public async Task Rpc_Success_HasExactJsonContentTypeAndRequestId()
    {
        var response = await Alice.RpcAsync("users/get_current_account", null);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe("application/json");
        response.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
        response.Object["email"]!.GetValue<string>().ShouldBe("alice@example.com");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("null")]
    public async Task VoidRoute_EmptyOrNullBody_IsAccepted(string? body)
    {
        var response = await Alice.RpcRawAsync("users/get_space_usage", body);

        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
        response.Object["allocation"]![".tag"]!.GetValue<string>().ShouldBe("individual");
    }

    [Fact]
    public async Task Rpc_MalformedJson_Answers400PlainText()
    {
        var response = await Alice.RpcRawAsync("files/list_folder", "{\"path\": ");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ContentType!.ShouldStartWith("text/plain");
        response.Text.ShouldContain("files/list_folder");
        response.Text.ShouldContain("could not decode input as JSON");
        response.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Rpc_WrongFieldType_Answers400NamingTheField()
    {
        var response = await Alice.RpcAsync("files/list_folder", new JsonObject { ["path"] = "", ["recursive"] = "yes" });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("recursive");
        response.Text.ShouldContain("expected boolean");
    }

    [Fact]
    public async Task Rpc_NonVoidRouteWithEmptyBody_Answers400()
    {
        var response = await Alice.RpcRawAsync("files/get_metadata", null);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Rpc_WrongContentType_Answers400()
    {
        var response = await Alice.RpcRawAsync("files/list_folder", "{\"path\":\"\"}", contentType: "application/xml");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("Content-Type");
    }

    [Fact]
    public async Task UnknownRoute_Answers404WithRequestId()
    {
        var response = await Alice.RpcAsync("files/teleport", new JsonObject());

        response.Status.ShouldBe(HttpStatusCode.NotFound);
        response.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task MissingToken_Answers400()
    {
        var response = await Anonymous().RpcAsync("users/get_current_account", null);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("Authorization");
    }

    [Fact]
    public async Task BadToken_Answers401InvalidAccessToken()
    {
        var client = Anonymous();
        client.Token = "sl.not-a-token";

        var response = await client.RpcAsync("users/get_current_account", null);

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        response.ContentType.ShouldBe("application/json");
        response.Error[".tag"]!.GetValue<string>().ShouldBe("invalid_access_token");
        response.Summary.ShouldStartWith("invalid_access_token/");
    }

    [Fact]
    public async Task ExpiredToken_Answers401ExpiredAccessToken()
    {
        await AdminAsync("tokens/expire", new JsonObject { ["token"] = Alice.Token });

        var response = await Alice.RpcAsync("users/get_current_account", null);

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        response.Error[".tag"]!.GetValue<string>().ShouldBe("expired_access_token");
    }

    [Fact]
    public async Task MissingScope_Answers401MissingScopeWithRequiredScope()
    {
        var client = new ApiClient(NewHttp(), Emulator.MintToken(Model.WorldSeeder.AliceEmail, scopes: new HashSet<string> { "account_info.read" }));

        var response = await client.RpcAsync("files/list_folder", new JsonObject { ["path"] = "" });

        response.Status.ShouldBe(HttpStatusCode.Unauthorized);
        response.Error[".tag"]!.GetValue<string>().ShouldBe("missing_scope");
        response.Error["required_scope"]!.GetValue<string>().ShouldBe("files.metadata.read");
    }

    [Fact]
    public async Task UploadArg_RawUtf8AndEscapes_BothAccepted()
    {
        // As the Go SDK does: raw UTF-8 bytes in the header.
        using var utf8Http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = Emulator.BaseUri,
        };
        using var raw = new HttpRequestMessage(HttpMethod.Post, "2/files/upload") { Content = new ByteArrayContent("x"u8.ToArray()) };
        raw.Content.Headers.ContentType = new("application/octet-stream");
        raw.Headers.TryAddWithoutValidation("Dropbox-API-Arg", "{\"path\":\"/Ré sumé.txt\"}");
        var rawResponse = await new ApiClient(utf8Http, Alice.Token).SendAsync(raw);

        var escaped = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/Ré sumé 2.txt" }, "y"u8.ToArray());

        rawResponse.Status.ShouldBe(HttpStatusCode.OK, rawResponse.ToString());
        rawResponse.Object["path_display"]!.GetValue<string>().ShouldBe("/Ré sumé.txt");
        escaped.Object["path_display"]!.GetValue<string>().ShouldBe("/Ré sumé 2.txt");
    }

    [Fact]
    public async Task UploadArg_InQueryParameter_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "2/files/upload?arg=" + Uri.EscapeDataString("{\"path\":\"/q.txt\"}"))
        {
            Content = new ByteArrayContent("q"u8.ToArray()),
        };
        request.Content.Headers.ContentType = new("application/octet-stream");

        var response = await Alice.SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
    }

    [Fact]
    public async Task Download_ResultHeader_IsAsciiEscaped()
    {
        await Alice.PutAsync("/Café ☕.txt", "coffee");

        var response = await Alice.DownloadAsync("/café ☕.txt");

        response.Status.ShouldBe(HttpStatusCode.OK);
        var header = response.Header("Dropbox-API-Result")!;
        header.All(c => c < 0x7F).ShouldBeTrue(header);
        JsonNode.Parse(header)!["name"]!.GetValue<string>().ShouldBe("Café ☕.txt");
        response.Text.ShouldBe("coffee");
    }

    [Fact]
    public async Task Download_Range_Answers206WithTheSlice()
    {
        await Alice.PutAsync("/range.txt", "0123456789");

        var partial = await Alice.DownloadAsync("/range.txt", r => r.Headers.Range = new(2, 5));
        var tail = await Alice.DownloadAsync("/range.txt", r => r.Headers.Range = new(null, 3));
        var beyond = await Alice.DownloadAsync("/range.txt", r => r.Headers.Range = new(50, 60));

        partial.Status.ShouldBe(HttpStatusCode.PartialContent);
        partial.Text.ShouldBe("2345");
        partial.Header("Content-Range").ShouldBe("bytes 2-5/10");
        tail.Text.ShouldBe("789");
        beyond.Status.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task Download_FolderPath_AnswersNotFile()
    {
        await Alice.RpcAsync("files/create_folder_v2", new JsonObject { ["path"] = "/dir" });

        var response = await Alice.DownloadAsync("/dir");

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        response.Summary.ShouldStartWith("path/not_file/");
    }

    [Fact]
    public async Task Upload_OverMaxBody_AnswersPayloadTooLarge()
    {
        var response = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/big.bin" }, new byte[65 * 1024]);

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        response.Error[".tag"]!.GetValue<string>().ShouldBe("payload_too_large");
        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/big.bin" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Upload_WrongContentHash_AnswersMismatchAndStoresNothing()
    {
        var response = await Alice.UploadAsync("files/upload",
            new JsonObject { ["path"] = "/h.txt", ["content_hash"] = new string('0', 64) }, "abc"u8.ToArray());

        response.Status.ShouldBe(HttpStatusCode.Conflict);
        response.Error[".tag"]!.GetValue<string>().ShouldBe("content_hash_mismatch");
        (await Alice.RpcAsync("files/get_metadata", new JsonObject { ["path"] = "/h.txt" })).Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Get_OnRpcRoute_Answers405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "2/files/list_folder");

        var response = await Alice.SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task AdminAndOAuth_AlsoCarryRequestId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "_emulator/state");

        var response = await Anonymous().SendAsync(request);

        response.Header("X-Dropbox-Request-Id").ShouldNotBeNullOrEmpty();
    }
}
