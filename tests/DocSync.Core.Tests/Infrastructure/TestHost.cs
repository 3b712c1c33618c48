using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Infrastructure;

/// <summary>DocSync.Core wired as the web host will wire it, on a fresh database of one provider, with a fake clock.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestHost(ServiceProvider services, FakeTimeProvider time, string blobRoot)
    {
        _services = services;
        Time = time;
        BlobRoot = blobRoot;
    }

    public FakeTimeProvider Time { get; }

    public string BlobRoot { get; }

    /// <summary>The key ring protecting secrets (a second instance must share it).</summary>
    public Microsoft.AspNetCore.DataProtection.IDataProtectionProvider DataProtection { get; private init; } = null!;

    /// <summary>The database this host uses.</summary>
    public string ConnectionString { get; private init; } = "";

    public static async Task<TestHost> StartAsync(DatabaseFixture fixture, DatabaseProvider provider, long maxBlobBytes = 1024 * 1024,
        Action<IServiceCollection>? configure = null)
    {
        var connectionString = await fixture.CreateDatabaseAsync(provider);
        return On(provider, connectionString, fixture.NewFolder(), maxBlobBytes, configure);
    }

    /// <summary>Another host on an existing database and blob folder (a second instance of the service).</summary>
    public static TestHost On(DatabaseProvider provider, string connectionString, string blobRoot, long maxBlobBytes = 1024 * 1024,
        Action<IServiceCollection>? configure = null, FakeTimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocSync:Database:Provider"] = provider.ToString(),
            ["DocSync:Database:ConnectionString"] = connectionString,
            ["DocSync:Blobs:RootPath"] = blobRoot,
            ["DocSync:Blobs:MaxBlobBytes"] = maxBlobBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        time ??= new FakeTimeProvider(new DateTimeOffset(2025, 6, 16, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        var protection = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();
        services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(protection);
        services.AddDocSyncCore(configuration);
        configure?.Invoke(services);
        var built = services.BuildServiceProvider(validateScopes: true);
        return new TestHost(built, time, blobRoot)
        {
            ConnectionString = connectionString,
            DataProtection = built.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
        };
    }

    /// <summary>A service of the host (singletons: the sync worker).</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A unit of work (like one request) acting in <paramref name="scope"/>'s company, or in none.</summary>
    public AsyncServiceScope Scope(CompanyScope? scope = null)
    {
        var unit = _services.CreateAsyncScope();
        if (scope is not null)
        {
            unit.ServiceProvider.GetRequiredService<CompanyContext>().Enter(scope);
        }

        return unit;
    }

    /// <summary>Makes a person and a company they own; returns the owner's scope in it.</summary>
    public async Task<CompanyScope> NewCompanyAsync(string name = "Brasserie Van Damme BV", string email = "owner@example.be")
    {
        await using var unit = Scope();
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var person = MembershipService.NewPerson($"{Guid.NewGuid():N}.{email}", "Owner", Time.GetUtcNow());
        db.Users.Add(person);
        await db.SaveChangesAsync();
        var company = await unit.ServiceProvider.GetRequiredService<CompanyService>().CreateAsync(name, "BE", null, person.Id);
        return new CompanyScope(company.Id, Actor.Person(person.Id), RoleRights.For(CompanyRole.Owner));
    }

    /// <summary>Makes a binder in <paramref name="scope"/>'s company; returns its id.</summary>
    public async Task<Guid> NewBinderAsync(CompanyScope scope, string name)
    {
        await using var unit = Scope(scope);
        return (await unit.ServiceProvider.GetRequiredService<DocSync.Core.Organizing.BinderService>().CreateAsync(name)).Id;
    }

    /// <summary>Invites <paramref name="email"/> into the company of <paramref name="inviter"/> and has the person accept: a member, as after the real flow.</summary>
    public async Task<Guid> AddMemberAsync(CompanyScope inviter, string email, string displayName, DocSync.Core.Companies.CompanyRole role)
    {
        DocSync.Core.Invitations.IssuedInvitation issued;
        await using (var unit = Scope(inviter))
        {
            issued = await unit.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>().InviteAsync(email, displayName, role);
        }

        await using (var person = Scope())
        {
            // A new person chooses a password through the link; an existing account accepts once signed in.
            var invitations = person.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>();
            if ((await invitations.FindByTokenAsync(issued.Token))!.MayChoosePassword)
            {
                await invitations.AcceptWithFirstPasswordAsync(issued.Token, p =>
                {
                    p.PasswordHash = "test-hash";
                    return Task.FromResult(Microsoft.AspNetCore.Identity.IdentityResult.Success);
                });
            }
            else
            {
                await invitations.AcceptAsync(issued.InvitationId, issued.PersonId);
            }
        }

        return issued.PersonId;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
