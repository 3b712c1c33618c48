using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Connections;

[Collection(DatabaseCollection.Name)]
public sealed class ConnectionServiceTests(DatabaseFixture fixture)
{
    private static LinkRequest Link(string name = "Accounting Dropbox", string root = "DocSync/Lumen/", string token = "refresh-token-secret-123") =>
        new(name, root, "dbid:alice", "alice@example.com", "Alice Martin", null, AppFolder: false, Emulated: true, token);

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LinkAsync_NewName_StoresTheTokenEncryptedAndTheRootNormalised(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var connections = unit.ServiceProvider.GetRequiredService<ConnectionService>();

        var linked = await connections.LinkAsync(Link());

        (linked.State, linked.RootFolder, linked.AccountEmail).ShouldBe((ConnectionState.Active, "/DocSync/Lumen", "alice@example.com"));
        var row = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().DropboxConnections.AsNoTracking().SingleAsync();
        row.ProtectedRefreshToken.ShouldNotBeNull().ShouldNotContain("refresh-token-secret-123");
        (await connections.RevealRefreshTokenAsync(linked.Id)).ShouldBe("refresh-token-secret-123");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LinkAsync_NameOfAnActiveConnection_ConflictButRelinksOneThatNeedsIt(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var connections = unit.ServiceProvider.GetRequiredService<ConnectionService>();
        var first = await connections.LinkAsync(Link());

        (await Should.ThrowAsync<ConflictException>(() => connections.LinkAsync(Link(name: "accounting dropbox")))).Code.ShouldBe("name-taken");
        await connections.MarkNeedsRelinkAsync(first.Id, "invalid_grant");
        var again = await connections.LinkAsync(Link(token: "new-refresh-token"));

        again.Id.ShouldBe(first.Id);
        again.State.ShouldBe(ConnectionState.Active);
        again.LastError.ShouldBeNull();
        (await connections.RevealRefreshTokenAsync(first.Id)).ShouldBe("new-refresh-token");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RevealRefreshTokenAsync_KeyRingLost_MarksNeedsRelinkNeverEmpty(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        Guid id;
        await using (var unit = host.Scope(owner))
        {
            id = (await unit.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(Link())).Id;
        }

        // Another key ring (a lost or replaced data/keys folder) cannot open what the first one sealed.
        await using var other = host.Scope(owner);
        var foreign = new ConnectionService(other.ServiceProvider.GetRequiredService<DocSyncDbContext>(), other.ServiceProvider.GetRequiredService<ICompanyContext>(),
            new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ConnectionService>.Instance);

        (await Should.ThrowAsync<ConflictException>(() => foreign.RevealRefreshTokenAsync(id))).Code.ShouldBe("needs-relink");
        (await foreign.GetAsync(id)).State.ShouldBe(ConnectionState.NeedsRelink);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DisconnectAsync_Linked_ErasesTheTokenAndRefusesToRevealIt(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var connections = unit.ServiceProvider.GetRequiredService<ConnectionService>();
        var linked = await connections.LinkAsync(Link());

        await connections.DisconnectAsync(linked.Id);

        (await connections.GetAsync(linked.Id)).State.ShouldBe(ConnectionState.Disconnected);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().DropboxConnections.AsNoTracking().SingleAsync()).ProtectedRefreshToken.ShouldBeNull();
        (await Should.ThrowAsync<ConflictException>(() => connections.RevealRefreshTokenAsync(linked.Id))).Code.ShouldBe("disconnected");
        (await Should.ThrowAsync<ConflictException>(() => connections.SetPausedAsync(linked.Id, true))).Code.ShouldBe("not-linked");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Connections_AccountantWithoutTheRightOrAnotherCompany_RefusedOrNotFound(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        Guid bConnection;
        await using (var unitB = host.Scope(b))
        {
            bConnection = (await unitB.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(Link())).Id;
        }

        await using var accountant = host.Scope(a with { Rights = RoleRights.For(CompanyRole.Accountant) });
        await Should.ThrowAsync<AccessDeniedException>(() => accountant.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(Link()));
        await using var ownerOfA = host.Scope(a);
        var connections = ownerOfA.ServiceProvider.GetRequiredService<ConnectionService>();
        (await connections.ListAsync()).ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => connections.RevealRefreshTokenAsync(bConnection));
        await Should.ThrowAsync<NotFoundException>(() => connections.DisconnectAsync(bConnection));
    }

    [Theory]
    [InlineData("/Docs/../etc")]
    [InlineData("Docs//Inbox")]
    [InlineData("Docs/a:b")]
    [InlineData("Docs/trailing. ")]
    [InlineData("Docs/ends-with-dot.")]
    [InlineData("Docs/\u0007bell")]
    public void RootFolderError_HostileFolder_Explains(string root) => ConnectionRules.RootFolderError(root).ShouldNotBeNull();

    [Theory]
    [InlineData("", "")]
    [InlineData("/", "")]
    [InlineData("DocSync", "/DocSync")]
    [InlineData("/Facturen 2026/Verkopen/", "/Facturen 2026/Verkopen")]
    public void NormalizeRoot_ValidFolder_LeadingSlashNoTrailing(string root, string expected)
    {
        ConnectionRules.RootFolderError(root).ShouldBeNull();
        ConnectionRules.NormalizeRoot(root).ShouldBe(expected);
    }
}
