using System.Net.Http.Headers;
using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>
/// The real DocSync web host on a fresh database of the given provider, its own blob and key folders,
/// the embedded emulator off. Requests go through the whole ASP.NET Core pipeline (in-memory test
/// server, or real Kestrel on a loopback port with <see cref="WebApplicationFactory{T}.UseKestrel()"/>).
/// </summary>
// Any type of the web assembly names its entry point; Program itself clashes with the emulator's.
public sealed class DocSyncApp : WebApplicationFactory<DocSync.Web.Hosting.WebOptions>
{
    private readonly Dictionary<string, string?> _settings;

    private DocSyncApp(DatabaseProvider provider, string connectionString, string folder, IDictionary<string, string?>? settings)
    {
        Provider = provider;
        Folder = folder;
        _settings = new Dictionary<string, string?>
        {
            ["DocSync:Database:Provider"] = provider.ToString(),
            ["DocSync:Database:ConnectionString"] = connectionString,
            ["DocSync:Blobs:RootPath"] = Path.Combine(folder, "blobs"),
            ["DocSync:Web:KeysPath"] = Path.Combine(folder, "keys"),
            ["DocSync:Dropbox:Emulator:Enabled"] = "false",
            // Tests that export turn the worker on; the others keep their connections still.
            ["DocSync:Export:Enabled"] = "false",
            ["DocSync:Collect:Enabled"] = "false",
            ["DocSync:Reading:ReadInboxUploads"] = "false",
            // Tests sign in often from one address; the tests of the limits set their own.
            ["DocSync:SignIn:PerAddressPerMinute"] = "100000",
            ["DocSync:SignIn:PerAccountPerWindow"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public DatabaseProvider Provider { get; }

    public string Folder { get; }

    /// <summary>The host's real address when started with Kestrel.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Starts a host on a fresh database (in-memory test server).</summary>
    public static async Task<DocSyncApp> StartAsync(Databases databases, DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var app = new DocSyncApp(provider, await databases.CreateDatabaseAsync(provider), databases.NewFolder(), settings);
        _ = app.Server; // builds and starts the host (migrations run here)
        return app;
    }

    /// <summary>Starts a host on a fresh database behind real Kestrel on a free loopback port (for the browser).</summary>
    public static async Task<DocSyncApp> StartKestrelAsync(Databases databases, DatabaseProvider provider, IDictionary<string, string?>? settings = null)
    {
        var app = new DocSyncApp(provider, await databases.CreateDatabaseAsync(provider), databases.NewFolder(), settings);
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        app.Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates a person (with a password) directly, bypassing the UI.</summary>
    public async Task<Guid> CreatePersonAsync(string email, string displayName, string password = TestTenant.Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var person = new Person { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(person, password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        return person.Id;
    }

    /// <summary>Creates a company owned by a new person, with a read-write API key and a client using it.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name = "Lumen BV", ApiKeyAccess access = ApiKeyAccess.ReadWrite)
    {
        var slug = Guid.NewGuid().ToString("N")[..8];
        var ownerId = await CreatePersonAsync($"owner-{slug}@example.com", $"Owner {slug}");
        await using var scope = Services.CreateAsyncScope();
        var company = await scope.ServiceProvider.GetRequiredService<CompanyService>().CreateAsync(name, "BE", null, ownerId);
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(company.Id, Actor.Person(ownerId), RoleRights.All));
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("tests", access);
        return new TestTenant(this, company.Id, ownerId, $"owner-{slug}@example.com", key.Token);
    }

    /// <summary>Invites the person with <paramref name="email"/> (an existing account) to <paramref name="companyId"/> with <paramref name="role"/>, and has them accept.</summary>
    public async Task AddMemberAsync(Guid companyId, string email, string displayName, CompanyRole role)
    {
        DocSync.Core.Invitations.IssuedInvitation issued;
        await using (var scope = Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(companyId));
            issued = await scope.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>().InviteAsync(email, displayName, role);
        }

        await using var accept = Services.CreateAsyncScope();
        await accept.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>().AcceptAsync(issued.InvitationId, issued.PersonId);
    }

    /// <summary>A client sending <paramref name="apiKey"/> as bearer token.</summary>
    public HttpClient ApiClient(string? apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }
}
