using System.Text;
using DocSync.Core.ApiKeys;
using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.ApiKeys;

[Collection(DatabaseCollection.Name)]
public sealed class ApiKeyServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_NewKey_StoresOnlySaltedHash(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var keys = unit.ServiceProvider.GetRequiredService<ApiKeyService>();

        var first = await keys.CreateAsync("onFact", ApiKeyAccess.ReadWrite);
        var second = await keys.CreateAsync("ERP", ApiKeyAccess.ReadOnly);

        first.Token.ShouldStartWith(first.Prefix + "_");
        var secret = first.Token[(first.Prefix.Length + 1)..];
        secret.Length.ShouldBeGreaterThanOrEqualTo(43);
        var rows = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().ApiKeys.AsNoTracking().ToListAsync();
        var row = rows.Single(k => k.Id == first.Id);
        row.SecretHash.Length.ShouldBe(32);
        row.SecretHash.ShouldNotBe(Encoding.UTF8.GetBytes(secret));
        row.Salt.ShouldNotBe(rows.Single(k => k.Id == second.Id).Salt);
        rows.ShouldAllBe(k => !k.Name.Contains(secret) && !k.Prefix.Contains(secret));
        (await keys.ListAsync()).Select(k => k.Prefix).ShouldBe([first.Prefix, second.Prefix]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuthenticateAsync_Tokens_GrantOwnCompanyOnlyUntilRevoked(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        CreatedApiKey readWrite, readOnly;
        await using (var unit = host.Scope(owner))
        {
            readWrite = await unit.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("onFact", ApiKeyAccess.ReadWrite);
            readOnly = await unit.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("viewer", ApiKeyAccess.ReadOnly);
        }

        await using var anonymous = host.Scope();
        var keys = anonymous.ServiceProvider.GetRequiredService<ApiKeyService>();
        var scope = await keys.AuthenticateAsync(readWrite.Token);
        var viewer = await keys.AuthenticateAsync(readOnly.Token);
        var tampered = readWrite.Token[..^1] + (readWrite.Token[^1] == 'A' ? 'B' : 'A');

        scope.ShouldNotBeNull();
        (scope.CompanyId, scope.Actor.Id).ShouldBe((owner.CompanyId, readWrite.Id));
        scope.Rights.ShouldBe([Right.ViewDocuments, Right.EditDocuments, Right.ManageBinders, Right.ProcessInbox, Right.ManageFiles], ignoreOrder: true);
        viewer.ShouldNotBeNull().Rights.ShouldBe([Right.ViewDocuments]);
        (await keys.AuthenticateAsync(tampered)).ShouldBeNull();
        (await keys.AuthenticateAsync(readWrite.Prefix + "_" + readOnly.Token[(readOnly.Prefix.Length + 1)..])).ShouldBeNull();
        (await keys.AuthenticateAsync("dsk_nope_nope")).ShouldBeNull();
        (await keys.AuthenticateAsync("Bearer whatever")).ShouldBeNull();
        (await keys.AuthenticateAsync(null)).ShouldBeNull();

        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(readWrite.Id);
        }

        await using var later = host.Scope();
        (await later.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(readWrite.Token)).ShouldBeNull();
        (await later.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(readOnly.Token)).ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateAsync_WithoutManageApiKeys_ThrowsAccessDenied(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner with { Rights = RoleRights.For(CompanyRole.Accountant) });

        (await Should.ThrowAsync<AccessDeniedException>(() => unit.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("x", ApiKeyAccess.ReadOnly)))
            .Right.ShouldBe(Right.ManageApiKeys);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuthenticateAsync_ManyCallsWithinAMinute_RecordsLastUseOncePerMinute(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        CreatedApiKey key;
        await using (var unit = host.Scope(owner))
        {
            key = await unit.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("onFact", ApiKeyAccess.ReadWrite);
        }

        async Task<DateTimeOffset?> LastUsedAsync()
        {
            await using var unit = host.Scope(owner);
            return (await unit.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync()).Single().LastUsedAt;
        }

        async Task AuthenticateAsync()
        {
            await using var anonymous = host.Scope();
            (await anonymous.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(key.Token)).ShouldNotBeNull();
        }

        var first = host.Time.GetUtcNow();
        await AuthenticateAsync();
        host.Time.Advance(TimeSpan.FromSeconds(50));
        await AuthenticateAsync();
        (await LastUsedAsync()).ShouldBe(first);

        host.Time.Advance(TimeSpan.FromSeconds(20));
        await AuthenticateAsync();
        (await LastUsedAsync()).ShouldBe(first.AddSeconds(70));
    }
}
