using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Invitations;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Invitations;

[Collection(DatabaseCollection.Name)]
public sealed class InvitationServiceTests(DatabaseFixture fixture)
{
    private static Func<Person, Task<IdentityResult>> SetPassword(string hash = "hashed") => person =>
    {
        person.PasswordHash = hash;
        return Task.FromResult(IdentityResult.Success);
    };

    private static async Task<IssuedInvitation> InviteAsync(TestHost host, CompanyScope by, string email, string name = "Victim", CompanyRole role = CompanyRole.Member)
    {
        await using var unit = host.Scope(by);
        return await unit.ServiceProvider.GetRequiredService<InvitationService>().InviteAsync(email, name, role);
    }

    private static InvitationService Service(AsyncServiceScope unit) => unit.ServiceProvider.GetRequiredService<InvitationService>();

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TakeoverAcrossCompanies_OtherCompanysLinkNeverSetsThePassword(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        var fromA = await InviteAsync(host, a, "victim@a.test", "Victim Vandamme");
        var fromB = await InviteAsync(host, b, "VICTIM@a.test", "Whoever");

        await using var anonymous = host.Scope();
        var viewB = (await Service(anonymous).FindByTokenAsync(fromB.Token)).ShouldNotBeNull();
        viewB.MayChoosePassword.ShouldBeFalse();
        viewB.PersonId.ShouldBe(fromA.PersonId);
        await Should.ThrowAsync<NotFoundException>(() => Service(anonymous).AcceptWithFirstPasswordAsync(fromB.Token, SetPassword("attacker")));

        var db = anonymous.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        (await db.Users.AsNoTracking().SingleAsync(p => p.Id == fromA.PersonId)).PasswordHash.ShouldBeNull();
        (await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.PersonId == fromA.PersonId)).ShouldBe(0);

        var (result, joined) = await Service(anonymous).AcceptWithFirstPasswordAsync(fromA.Token, SetPassword("victims own"));
        result.Succeeded.ShouldBeTrue();
        joined.ShouldBe(a.CompanyId);
        var victim = await db.Users.AsNoTracking().SingleAsync(p => p.Id == fromA.PersonId);
        victim.PasswordHash.ShouldBe("victims own");
        victim.CreatedByCompanyId.ShouldBeNull();

        // B's invitation is still open, for the victim to accept or decline once signed in.
        (await Service(anonymous).ForPersonAsync(fromA.PersonId)).Select(i => i.CompanyName).ShouldBe(["B BV"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Invite_ExistingOrNewAddress_AdminSeesTheSameAnswer(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        await host.AddMemberAsync(a, "known@example.be", "Known Person In A", CompanyRole.Accountant);

        var existing = await InviteAsync(host, b, "known@example.be", "Typed By B");
        var fresh = await InviteAsync(host, b, "fresh@example.be", "Also Typed By B");

        existing.Token.Length.ShouldBe(fresh.Token.Length);
        await using var unit = host.Scope(b);
        var open = await Service(unit).ListOpenAsync();
        open.Select(i => (i.Email, i.DisplayName, i.Expired)).ShouldBe([("known@example.be", "Typed By B", false), ("fresh@example.be", "Also Typed By B", false)]);
        (await unit.ServiceProvider.GetRequiredService<MembershipService>().ListAsync()).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Link_UsedOnce_ExpiresAndRenewalKillsTheOldOne(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync();
        var first = await InviteAsync(host, a, "nina@example.be");
        IssuedInvitation second;
        await using (var unit = host.Scope(a))
        {
            second = await Service(unit).RenewAsync(first.InvitationId);
        }

        await using var anonymous = host.Scope();
        (await Service(anonymous).FindByTokenAsync(first.Token)).ShouldBeNull();
        (await Service(anonymous).FindByTokenAsync("not-a-token")).ShouldBeNull();
        (await Service(anonymous).FindByTokenAsync(new string('A', 43))).ShouldBeNull();

        host.Time.Advance(host.Get<IOptions<InvitationOptions>>().Value.Lifetime + TimeSpan.FromSeconds(1));
        (await Service(anonymous).FindByTokenAsync(second.Token)).ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => Service(anonymous).AcceptWithFirstPasswordAsync(second.Token, SetPassword()));

        await using (var unit = host.Scope(a))
        {
            (await Service(unit).ListOpenAsync()).ShouldHaveSingleItem().Expired.ShouldBeTrue();
            second = await Service(unit).RenewAsync(second.InvitationId);
        }

        (await Service(anonymous).AcceptWithFirstPasswordAsync(second.Token, SetPassword())).Result.Succeeded.ShouldBeTrue();
        await using var again = host.Scope();
        await Should.ThrowAsync<NotFoundException>(() => Service(again).AcceptWithFirstPasswordAsync(second.Token, SetPassword("again")));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WeakPassword_RollsBack_LinkStillWorks(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync();
        var issued = await InviteAsync(host, a, "nina@example.be");

        await using (var unit = host.Scope())
        {
            var (result, _) = await Service(unit).AcceptWithFirstPasswordAsync(issued.Token,
                _ => Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon" })));
            result.Succeeded.ShouldBeFalse();
        }

        await using var next = host.Scope();
        (await Service(next).FindByTokenAsync(issued.Token)).ShouldNotBeNull().MayChoosePassword.ShouldBeTrue();
        (await next.ServiceProvider.GetRequiredService<DocSyncDbContext>().Memberships.IgnoreQueryFilters().CountAsync(m => m.PersonId == issued.PersonId)).ShouldBe(0);
        (await Service(next).AcceptWithFirstPasswordAsync(issued.Token, SetPassword())).CompanyId.ShouldBe(a.CompanyId);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SameLinkTwiceAtOnce_OneWins(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync();
        var issued = await InviteAsync(host, a, "nina@example.be");

        async Task<bool> UseAsync(string hash)
        {
            await using var unit = host.Scope();
            try
            {
                return (await Service(unit).AcceptWithFirstPasswordAsync(issued.Token, SetPassword(hash))).Result.Succeeded;
            }
            catch (NotFoundException)
            {
                return false;
            }
            catch (DbUpdateException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                // SQLite: the second writer found the database busy and gave up; nothing it did stays.
                return false;
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => UseAsync($"hash-{i}"))));

        results.Count(r => r).ShouldBe(1);
        await using var check = host.Scope();
        (await check.ServiceProvider.GetRequiredService<DocSyncDbContext>().Memberships.IgnoreQueryFilters().CountAsync(m => m.PersonId == issued.PersonId)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ExistingAccount_AcceptsOrDeclinesOnlyTheirOwn(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        var c = await host.NewCompanyAsync("C BV", "c@example.be");
        var els = await host.AddMemberAsync(a, "els@example.be", "Els", CompanyRole.Accountant);
        var toB = await InviteAsync(host, b, "els@example.be", role: CompanyRole.Accountant);
        var toC = await InviteAsync(host, c, "els@example.be");

        await using var unit = host.Scope();
        await Should.ThrowAsync<NotFoundException>(() => Service(unit).AcceptAsync(toB.InvitationId, a.Actor.Id));
        (await Service(unit).AcceptAsync(toB.InvitationId, els)).ShouldBe(b.CompanyId);
        await Service(unit).DeclineAsync(toC.InvitationId, els);
        await Should.ThrowAsync<NotFoundException>(() => Service(unit).AcceptAsync(toC.InvitationId, els));

        var access = unit.ServiceProvider.GetRequiredService<CompanyAccess>();
        (await access.CompaniesOfAsync(els)).Select(m => m.CompanyName).ShouldBe(["A BV", "B BV"]);
        (await Service(unit).ForPersonAsync(els)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("00:05:00", false)]
    [InlineData("7.00:00:00", true)]
    [InlineData("91.00:00:00", false)]
    public void Options_Lifetime_Validated(string lifetime, bool valid) =>
        new InvitationOptionsValidator().Validate(null, new InvitationOptions { Lifetime = TimeSpan.Parse(lifetime, System.Globalization.CultureInfo.InvariantCulture) }).Succeeded.ShouldBe(valid);
}
