using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

/// <summary>What an unmodified third-party client (rclone) found: account types gate link settings, a basic account's quota.</summary>
public sealed class AccountTypeTests : EmulatorFixture
{
    public static TheoryData<string> BasicRefusals => new()
    {
        """{"expires":"2099-01-01T00:00:00Z"}""",
        """{"requested_visibility":{".tag":"password"},"link_password":"s3cret-pass"}""",
        """{"link_password":"s3cret-pass","require_password":true}""",
        """{"audience":{".tag":"team"}}""",
        """{"requested_visibility":{".tag":"team_only"}}""",
    };

    [Theory]
    [MemberData(nameof(BasicRefusals))]
    public async Task BasicAccount_LinkSettingsBeyondPublic_AreNotAuthorized(string settings)
    {
        await Alice.PutAsync("/links/a.txt", "a");

        var response = await Alice.RpcAsync("sharing/create_shared_link_with_settings",
            new JsonObject { ["path"] = "/links/a.txt", ["settings"] = JsonNode.Parse(settings) });
        var listed = await Alice.RpcAsync("sharing/list_shared_links", new JsonObject { ["path"] = "/links/a.txt" });

        response.Status.ShouldBe(HttpStatusCode.Conflict, response.ToString());
        response.Summary.ShouldStartWith("settings_error/not_authorized/");
        response.Error.ToJsonString().ShouldBe("""{".tag":"settings_error","settings_error":{".tag":"not_authorized"}}""");
        listed.Object["links"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task ProAccount_MaySetExpiryAndPassword_ButNotATeamAudience()
    {
        var bob = ClientFor(WorldSeeder.BobEmail);
        await bob.PutAsync("/links/b.txt", "b");
        await bob.PutAsync("/links/c.txt", "c");

        var expiring = await bob.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject
        {
            ["path"] = "/links/b.txt",
            ["settings"] = new JsonObject { ["expires"] = "2099-01-01T00:00:00Z", ["requested_visibility"] = "password", ["link_password"] = "s3cret-pass" },
        });
        var team = await bob.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject
        {
            ["path"] = "/links/c.txt",
            ["settings"] = new JsonObject { ["audience"] = "team" },
        });

        expiring.Status.ShouldBe(HttpStatusCode.OK, expiring.ToString());
        expiring.Object["expires"]!.GetValue<string>().ShouldBe("2099-01-01T00:00:00Z");
        team.Summary.ShouldStartWith("settings_error/not_authorized/");
    }

    [Fact]
    public async Task TeamMember_MaySetEverything()
    {
        var carol = ClientFor(WorldSeeder.CarolEmail);
        await carol.PutAsync("/links/t.txt", "t");

        var response = await carol.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject
        {
            ["path"] = "/links/t.txt",
            ["settings"] = new JsonObject { ["expires"] = "2099-01-01T00:00:00Z", ["audience"] = "team" },
        });

        response.Status.ShouldBe(HttpStatusCode.OK, response.ToString());
    }

    [Fact]
    public async Task SpaceUsage_BasicHas2GB_ProHas2TB()
    {
        var alice = await Alice.RpcAsync("users/get_space_usage", null);
        var bob = await ClientFor(WorldSeeder.BobEmail).RpcAsync("users/get_space_usage", null);

        alice.Object["allocation"]!.ToJsonString().ShouldBe("""{".tag":"individual","allocated":2147483648}""");
        bob.Object["allocation"]!["allocated"]!.GetValue<long>().ShouldBe(2L * 1024 * 1024 * 1024 * 1024);
    }
}

/// <summary>Links are served at the origin the client reached; behind a TLS front, the forwarded one.</summary>
public sealed class ForwardedLinkTests : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { TrustForwardedHeaders = true };

    private static void Forwarded(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "api.dropboxapi.com");
    }

    [Fact]
    public async Task SharedAndTemporaryLinks_BehindATlsFront_UseTheForwardedSchemeAndHost_AndAreServed()
    {
        await Alice.PutAsync("/links/f.txt", "front");

        var shared = await Alice.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject { ["path"] = "/links/f.txt" }, Forwarded);
        var temporary = await Alice.RpcAsync("files/get_temporary_link", new JsonObject { ["path"] = "/links/f.txt" }, Forwarded);
        var sharedUrl = new Uri(shared.Object["url"]!.GetValue<string>());
        var temporaryUrl = new Uri(temporary.Object["link"]!.GetValue<string>());

        sharedUrl.GetLeftPart(UriPartial.Authority).ShouldBe("https://api.dropboxapi.com");
        sharedUrl.AbsolutePath.ShouldStartWith("/s/");
        temporaryUrl.GetLeftPart(UriPartial.Authority).ShouldBe("https://api.dropboxapi.com");
        // The front passes the path on to the emulator, which serves it.
        (await Alice.Http.GetStringAsync(sharedUrl.PathAndQuery)).ShouldBe("front");
        (await Alice.Http.GetStringAsync(temporaryUrl.PathAndQuery)).ShouldBe("front");
    }

    [Fact]
    public async Task WithoutForwardedHeaders_TheRequestsOwnOriginIsUsed()
    {
        await Alice.PutAsync("/links/g.txt", "own");

        var shared = await Alice.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject { ["path"] = "/links/g.txt" });

        shared.Object["url"]!.GetValue<string>().ShouldStartWith(Emulator.BaseUri + "s/");
    }
}

/// <summary>Forwarded headers are not trusted unless configured: a client cannot make links point elsewhere.</summary>
public sealed class UntrustedForwardedLinkTests : EmulatorFixture
{
    [Fact]
    public async Task ForwardedHeaders_AreIgnoredByDefault()
    {
        await Alice.PutAsync("/links/h.txt", "h");

        var shared = await Alice.RpcAsync("sharing/create_shared_link_with_settings", new JsonObject { ["path"] = "/links/h.txt" }, r =>
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-Host", "evil.example");
        });

        shared.Object["url"]!.GetValue<string>().ShouldStartWith(Emulator.BaseUri + "s/");
    }
}
