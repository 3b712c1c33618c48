using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientAccountTests : EmulatorTest
{
    [Fact]
    public async Task GetCurrentAccountAsync_PersonalAccount_DecodesAccount()
    {
        var account = await Alice.GetCurrentAccountAsync();

        account.Email.ShouldBe(WorldSeeder.AliceEmail);
        account.Name.GivenName.ShouldBe("Alice");
        account.AccountType.ShouldBe("basic");
        account.RootInfo.Kind.ShouldBe("user");
        account.RootInfo.RootNamespaceId.ShouldBe(account.RootInfo.HomeNamespaceId);
        account.Team.ShouldBeNull();
    }

    [Fact]
    public async Task GetCurrentAccountAsync_TeamMember_HasTeamAndRootInfo()
    {
        var carol = NewClient(WorldSeeder.CarolEmail);

        var account = await carol.GetCurrentAccountAsync();

        account.Team!.Name.ShouldBe(WorldSeeder.TeamName);
        account.TeamMemberId.ShouldNotBeNullOrEmpty();
        account.RootInfo.Kind.ShouldBe("team");
        account.RootInfo.HomePath.ShouldBe("/Carol Dubois");
        account.RootInfo.RootNamespaceId.ShouldNotBe(account.RootInfo.HomeNamespaceId);
    }

    [Fact]
    public async Task GetCurrentAccountAsync_InvalidToken_ThrowsAuthException()
    {
        var client = NewClient(new StaticTokenProvider("sl.not-a-token"));

        var error = await Should.ThrowAsync<DropboxAuthException>(() => client.GetCurrentAccountAsync());

        error.StatusCode.ShouldBe(401);
        error.ErrorTag.ShouldBe(DropboxErrorTags.InvalidAccessToken);
        error.IsTransient.ShouldBeFalse();
        error.RequestId.ShouldNotBeNullOrEmpty();
        Requests["/2/users/get_current_account"].ShouldBe(1);
    }

    [Fact]
    public async Task GetCurrentAccountAsync_MissingScope_ReportsRequiredScope()
    {
        var token = Emulator.MintToken(WorldSeeder.AliceEmail, scopes: new HashSet<string> { "files.metadata.read" });
        var client = NewClient(new StaticTokenProvider(token));

        var error = await Should.ThrowAsync<DropboxAuthException>(() => client.GetCurrentAccountAsync());

        error.ErrorTag.ShouldBe(DropboxErrorTags.MissingScope);
        error.RequiredScope.ShouldBe("account_info.read");
    }

    [Fact]
    public async Task GetSpaceUsageAsync_AfterUpload_CountsBytes()
    {
        await Alice.UploadAsync("/usage.bin", new byte[1000]);

        var usage = await Alice.GetSpaceUsageAsync();

        usage.Used.ShouldBe(1000);
        usage.Allocation.Kind.ShouldBe("individual");
        usage.Allocation.Allocated.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetSpaceUsageAsync_TeamMember_TeamAllocation()
    {
        var usage = await NewClient(WorldSeeder.DaveEmail).GetSpaceUsageAsync();

        usage.Allocation.Kind.ShouldBe("team");
        usage.Allocation.Used.ShouldNotBeNull();
    }

    [Fact]
    public async Task GetAccountAsync_OtherAccount_Decodes()
    {
        var bob = await NewClient(WorldSeeder.BobEmail).GetCurrentAccountAsync();

        var seen = await Alice.GetAccountAsync(bob.AccountId);

        seen.Email.ShouldBe(WorldSeeder.BobEmail);
        seen.IsTeammate.ShouldBeFalse();
    }

    [Fact]
    public async Task GetAccountAsync_UnknownAccount_NoAccountTag()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.GetAccountAsync("dbid:" + new string('A', 35)));

        error.StatusCode.ShouldBe(409);
        error.ErrorTag.ShouldBe("no_account");
    }

    [Fact]
    public async Task CheckUserAsync_Query_Echoed()
    {
        (await Alice.CheckUserAsync("ping é")).ShouldBe("ping é");
    }

    [Fact]
    public async Task CheckAppAsync_RightSecret_Echoed()
    {
        (await Alice.CheckAppAsync("pong")).ShouldBe("pong");
    }

    [Fact]
    public async Task CheckAppAsync_WrongSecret_ThrowsAuth()
    {
        var client = NewClient(WorldSeeder.AliceEmail, o => o.AppSecret = "wrong");

        await Should.ThrowAsync<DropboxAuthException>(() => client.CheckAppAsync("x"));
    }

    [Fact]
    public async Task RevokeTokenAsync_ThenCall_InvalidAccessToken()
    {
        await Alice.RevokeTokenAsync();

        var error = await Should.ThrowAsync<DropboxAuthException>(() => Alice.GetCurrentAccountAsync());
        error.ErrorTag.ShouldBe(DropboxErrorTags.InvalidAccessToken);
    }

    [Fact]
    public async Task ListAllTeamMembersAsync_PageSizeOne_FollowsEveryPage()
    {
        var team = NewClient(new StaticTokenProvider(Emulator.MintTeamToken()));

        var members = new List<TeamMember>();
        await foreach (var member in team.ListAllTeamMembersAsync(pageSize: 1))
        {
            members.Add(member);
        }

        members.Select(m => m.Profile.Email).ShouldBe([WorldSeeder.CarolEmail, WorldSeeder.DaveEmail], ignoreOrder: true);
        members.Single(m => m.Profile.Email == WorldSeeder.CarolEmail).Roles.ShouldNotBeEmpty();
        members.All(m => m.Profile.Status == "active").ShouldBeTrue();
        Requests["/2/team/members/list/continue_v2"].ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task ListTeamMembersContinueAsync_BadCursor_InvalidCursorTag()
    {
        var team = NewClient(new StaticTokenProvider(Emulator.MintTeamToken()));

        var error = await Should.ThrowAsync<DropboxApiException>(() => team.ListTeamMembersContinueAsync("%%%"));

        error.ErrorTag.ShouldBe("invalid_cursor");
    }

    [Fact]
    public async Task ListTeamMembersAsync_UserToken_BadInput400()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.ListTeamMembersAsync());

        error.StatusCode.ShouldBe(400);
        error.IsTransient.ShouldBeFalse();
        error.Summary.ShouldContain("team");
    }

    [Fact]
    public async Task AsTeamMember_TeamToken_ActsAsMember()
    {
        var team = NewClient(new StaticTokenProvider(Emulator.MintTeamToken()));
        var dave = Emulator.Account(WorldSeeder.DaveEmail);

        var account = await team.AsTeamMember(dave.TeamMemberId!).GetCurrentAccountAsync();

        account.Email.ShouldBe(WorldSeeder.DaveEmail);
    }

    [Fact]
    public async Task AsTeamMember_UnknownMember_InvalidSelectUser()
    {
        var team = NewClient(new StaticTokenProvider(Emulator.MintTeamToken()));

        var error = await Should.ThrowAsync<DropboxAuthException>(() => team.AsTeamMember("dbmid:nobody").GetCurrentAccountAsync());

        error.ErrorTag.ShouldBe(DropboxErrorTags.InvalidSelectUser);
    }

    [Fact]
    public async Task WithPathRoot_TeamRoot_SeesTeamFolder()
    {
        var carol = NewClient(WorldSeeder.CarolEmail);
        var root = (await carol.GetCurrentAccountAsync()).RootInfo.RootNamespaceId;

        var names = new List<string>();
        await foreach (var entry in carol.WithPathRoot(PathRoot.Root(root)).ListFolderAllAsync(""))
        {
            names.Add(entry.Name);
        }

        names.ShouldContain("Acme Shared");
        names.ShouldContain("Carol Dubois");
    }

    [Fact]
    public async Task WithPathRoot_StaleRoot_InvalidRoot422()
    {
        var carol = NewClient(WorldSeeder.CarolEmail);

        var error = await Should.ThrowAsync<DropboxApiException>(() => carol.WithPathRoot(PathRoot.Root("999999")).ListFolderAsync(""));

        error.StatusCode.ShouldBe(422);
        error.HasTag(DropboxErrorTags.InvalidRoot).ShouldBeTrue(error.ErrorTag);
    }

    [Fact]
    public async Task WithPathRoot_ForeignNamespace_NoPermission()
    {
        var alice = await Alice.GetCurrentAccountAsync();
        var bob = NewClient(WorldSeeder.BobEmail);

        var error = await Should.ThrowAsync<DropboxApiException>(() => bob.WithPathRoot(PathRoot.Namespace(alice.RootInfo.HomeNamespaceId)).ListFolderAsync(""));

        error.StatusCode.ShouldBe(422);
        error.ErrorTag.ShouldBe(DropboxErrorTags.NoPermission);
    }
}
