using System.Net;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Routes;

public sealed class TeamTests : EmulatorFixture
{
    private ApiClient Team() => new(NewHttp(), Emulator.MintTeamToken());

    [Fact]
    public async Task MembersListV2_PagesThroughMembers()
    {
        var team = Team();

        var first = await team.RpcAsync("team/members/list_v2", new JsonObject { ["limit"] = 1 });
        var next = await team.RpcAsync("team/members/list/continue_v2", new JsonObject { ["cursor"] = first.Object["cursor"]!.GetValue<string>() });

        first.Object["members"]!.AsArray().Count.ShouldBe(1);
        first.Object["has_more"]!.GetValue<bool>().ShouldBeTrue();
        first.Object["members"]![0]!["profile"]!["email"]!.GetValue<string>().ShouldBe(WorldSeeder.CarolEmail);
        next.Object["members"]![0]!["profile"]!["email"]!.GetValue<string>().ShouldBe(WorldSeeder.DaveEmail);
        next.Object["has_more"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task TeamToken_OnUserRouteWithoutSelectUser_Answers400()
    {
        var response = await Team().RpcAsync("files/list_folder", new JsonObject { ["path"] = "" });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Text.ShouldContain("Dropbox-API-Select-User");
    }

    [Fact]
    public async Task SelectUser_ActsAsThatMember()
    {
        var dave = Emulator.Account(WorldSeeder.DaveEmail);

        var response = await Team().RpcAsync("users/get_current_account", null, r => r.Headers.Add("Dropbox-API-Select-User", dave.TeamMemberId));
        var bad = await Team().RpcAsync("users/get_current_account", null, r => r.Headers.Add("Dropbox-API-Select-User", "dbmid:nobody"));

        response.Object["email"]!.GetValue<string>().ShouldBe(WorldSeeder.DaveEmail);
        response.Object["root_info"]![".tag"]!.GetValue<string>().ShouldBe("team");
        bad.Status.ShouldBe(HttpStatusCode.Unauthorized);
        bad.Error[".tag"]!.GetValue<string>().ShouldBe("invalid_select_user");
    }

    [Fact]
    public async Task UserToken_OnTeamRoute_Answers400()
    {
        var response = await Alice.RpcAsync("team/members/list_v2", new JsonObject());

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PathRoot_Root_ShowsTheTeamSpace()
    {
        var carol = ClientFor(WorldSeeder.CarolEmail);
        var account = await carol.RpcAsync("users/get_current_account", null);
        var root = account.Object["root_info"]!["root_namespace_id"]!.GetValue<string>();
        await carol.PutAsync("/mine.txt", "home");

        var home = await carol.RpcAsync("files/list_folder", new JsonObject { ["path"] = "" });
        var team = await carol.RpcAsync("files/list_folder", new JsonObject { ["path"] = "" },
            r => r.Headers.Add("Dropbox-API-Path-Root", new JsonObject { [".tag"] = "root", ["root"] = root }.ToJsonString()));
        var wrong = await carol.RpcAsync("files/list_folder", new JsonObject { ["path"] = "" },
            r => r.Headers.Add("Dropbox-API-Path-Root", new JsonObject { [".tag"] = "root", ["root"] = "12345" }.ToJsonString()));

        home.Object["entries"]!.AsArray().Select(e => e!["path_display"]!.GetValue<string>()).ShouldBe(["/mine.txt"]);
        team.Object["entries"]!.AsArray().Select(e => e!["path_display"]!.GetValue<string>())
            .ShouldBe(["/Acme Shared", "/Carol Dubois", "/Dave Janssens"], ignoreOrder: true);
        wrong.Status.ShouldBe((HttpStatusCode)422);
        wrong.Error[".tag"]!.GetValue<string>().ShouldBe("invalid_root");
        wrong.Error["invalid_root"]!["root_namespace_id"]!.GetValue<string>().ShouldBe(root);
    }

    [Fact]
    public async Task SpaceUsage_ForTeamMember_IsTeamAllocation()
    {
        var carol = ClientFor(WorldSeeder.CarolEmail);

        var response = await carol.RpcAsync("users/get_space_usage", null);

        response.Object["allocation"]![".tag"]!.GetValue<string>().ShouldBe("team");
        response.Object["allocation"]!["user_within_team_space_limit_type"]![".tag"]!.GetValue<string>().ShouldBe("off");
    }

    [Fact]
    public async Task TokenRevoke_DisablesTheToken()
    {
        var client = ClientFor(WorldSeeder.BobEmail);

        var revoke = await client.RpcAsync("auth/token/revoke", null);
        var after = await client.RpcAsync("users/get_current_account", null);

        revoke.Status.ShouldBe(HttpStatusCode.OK);
        revoke.Text.ShouldBe("null");
        after.Error[".tag"]!.GetValue<string>().ShouldBe("invalid_access_token");
    }
}
