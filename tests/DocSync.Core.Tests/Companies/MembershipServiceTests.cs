using DocSync.Core.Access;
using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Companies;

[Collection(DatabaseCollection.Name)]
public sealed class MembershipServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddAsync_AccountantInTwoCompanies_GetsAccountantRightsInEach(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        Guid accountant = default;
        foreach (var owner in new[] { a, b })
        {
            accountant = await host.AddMemberAsync(owner, "Els@Fiduciaire.be", "Els Peeters", CompanyRole.Accountant);
        }

        await using var anonymous = host.Scope();
        var access = anonymous.ServiceProvider.GetRequiredService<CompanyAccess>();
        var companies = await access.CompaniesOfAsync(accountant);
        var inA = await access.ForPersonAsync(accountant, a.CompanyId);
        var stranger = await access.ForPersonAsync(Guid.NewGuid(), a.CompanyId);

        companies.Select(c => (c.CompanyName, c.Role)).ShouldBe([("A BV", CompanyRole.Accountant), ("B BV", CompanyRole.Accountant)]);
        inA.ShouldNotBeNull().Rights.ShouldBe(RoleRights.For(CompanyRole.Accountant), ignoreOrder: true);
        inA.Rights.ShouldContain(Right.ConfigureCollection);
        inA.Rights.ShouldNotContain(Right.ManageDropboxConnections);
        stranger.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RemoveAsync_LastOwner_ThrowsConflict(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var members = unit.ServiceProvider.GetRequiredService<MembershipService>();

        (await Should.ThrowAsync<ConflictException>(() => members.RemoveAsync(owner.Actor.Id))).Code.ShouldBe("last-owner");
        (await Should.ThrowAsync<ConflictException>(() => members.ChangeRoleAsync(owner.Actor.Id, CompanyRole.Member))).Code.ShouldBe("last-owner");
        var second = new { PersonId = await host.AddMemberAsync(owner, "co@example.be", "Co Owner", CompanyRole.Owner) };
        await members.ChangeRoleAsync(owner.Actor.Id, CompanyRole.Member);
        (await members.ListAsync()).Select(m => (m.PersonId, m.Role)).ShouldBe([(second.PersonId, CompanyRole.Owner), (owner.Actor.Id, CompanyRole.Member)]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task InviteAsync_AdminGrantingOwner_ThrowsAccessDenied(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        var admin = owner with { Rights = RoleRights.For(CompanyRole.Admin) };
        await using (var unit = host.Scope(admin))
        {
            var invitations = unit.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>();
            (await Should.ThrowAsync<AccessDeniedException>(() => invitations.InviteAsync("x@example.be", "X", CompanyRole.Owner))).Right.ShouldBe(Right.ManageCompany);
        }

        var member = await host.AddMemberAsync(admin, "m@example.be", "M", CompanyRole.Member);
        await using var again = host.Scope(admin);
        (await Should.ThrowAsync<ConflictException>(() => again.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>()
            .InviteAsync("M@EXAMPLE.BE", "M", CompanyRole.Member))).Code.ShouldBe("already-member");
        var audit = await again.ServiceProvider.GetRequiredService<DocSyncDbContext>().AuditEntries
            .Where(e => e.EntityType == nameof(Membership) && e.ActorId == member).ToListAsync();
        audit.ShouldHaveSingleItem().Action.ShouldBe("Added");
        audit[0].ActorId.ShouldBe(member);
        (await again.ServiceProvider.GetRequiredService<MembershipService>().ListAsync()).Single(m => m.PersonId == member).Role.ShouldBe(CompanyRole.Member);
    }

    [Fact]
    public void RoleRights_EveryRole_MapsAsDocumented()
    {
        RoleRights.For(CompanyRole.Owner).ShouldBe(Enum.GetValues<Right>(), ignoreOrder: true);
        RoleRights.For(CompanyRole.Admin).ShouldNotContain(Right.ManageCompany);
        RoleRights.For(CompanyRole.Admin).ShouldContain(Right.ManageDropboxConnections);
        RoleRights.For(CompanyRole.Member).ShouldNotContain(Right.ConfigureCollection);
        RoleRights.For(CompanyRole.External).ShouldBe([Right.ViewDocuments]);
        Enum.GetValues<CompanyRole>().ShouldAllBe(r => RoleRights.For(r).Contains(Right.ViewDocuments));
    }
}
