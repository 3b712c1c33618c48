using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class AccountRoutesTests : EmulatorFixture
{
    [Fact]
    public async Task GetAccount_KnownAndUnknownIds()
    {
        var bob = Emulator.Account(WorldSeeder.BobEmail);

        var known = await Alice.RpcAsync("users/get_account", new JsonObject { ["account_id"] = bob.AccountId });
        var unknown = await Alice.RpcAsync("users/get_account", new JsonObject { ["account_id"] = "dbid:" + new string('x', 35) });

        known.Object["email"]!.GetValue<string>().ShouldBe(WorldSeeder.BobEmail);
        known.Object["is_teammate"]!.GetValue<bool>().ShouldBeFalse();
        unknown.Error[".tag"]!.GetValue<string>().ShouldBe("no_account");
    }

    [Fact]
    public async Task CheckUserAndApp_EchoTheQuery()
    {
        var user = await Alice.RpcAsync("check/user", new JsonObject { ["query"] = "ping" });
        var app = await Anonymous().RpcAsync("check/app", new JsonObject { ["query"] = "pong" }, r =>
            r.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.ASCII.GetBytes($"{WorldSeeder.AppKey}:{WorldSeeder.AppSecret}"))));
        var badApp = await Anonymous().RpcAsync("check/app", new JsonObject { ["query"] = "x" }, r =>
            r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("nope:nope"))));

        user.Object["result"]!.GetValue<string>().ShouldBe("ping");
        app.Object["result"]!.GetValue<string>().ShouldBe("pong");
        badApp.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
