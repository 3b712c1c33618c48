using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Organizing;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>What a person would do in the web UI for a tenant, done directly through the services.</summary>
public static class TenantActions
{
    /// <summary>Creates a binder in the tenant's company; returns its id.</summary>
    public static async Task<Guid> CreateBinderAsync(this TestTenant tenant, string name)
    {
        await using var scope = tenant.EnterCompany();
        return (await scope.ServiceProvider.GetRequiredService<BinderService>().CreateAsync(name, $"{name} of the year")).Id;
    }

    /// <summary>Revokes the key <paramref name="apiKey"/> (default: the tenant's own).</summary>
    public static async Task RevokeApiKeyAsync(this TestTenant tenant, string? apiKey = null)
    {
        var token = apiKey ?? tenant.ApiKey;
        await using var scope = tenant.EnterCompany();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var key = (await keys.ListAsync()).Single(k => token.StartsWith(k.Prefix + "_", StringComparison.Ordinal));
        await keys.RevokeAsync(key.Id);
    }

    /// <summary>Creates another API key in the tenant's company; returns the token.</summary>
    public static async Task<string> CreateApiKeyAsync(this TestTenant tenant, ApiKeyAccess access)
    {
        await using var scope = tenant.EnterCompany();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync($"{access} key", access)).Token;
    }

    private static AsyncServiceScope EnterCompany(this TestTenant tenant)
    {
        var scope = tenant.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(tenant.CompanyId, Actor.Person(tenant.OwnerId), Core.Companies.RoleRights.All));
        return scope;
    }
}
