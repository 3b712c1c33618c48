using System.Net;
using DocSync.Core.Persistence;
using DocSync.Testing;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class HealthTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_FreshHost_Healthy(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);

        var response = await app.ApiClient(null).GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Company_WithApiKey_IsTheKeysCompany(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var tenant = await app.CreateTenantAsync("Atelier Dupont SRL");

        var body = await tenant.Api().GetStringAsync("/api/v1/company");

        body.ShouldContain("Atelier Dupont SRL");
        body.ShouldContain(tenant.CompanyId.ToString());
    }

    [Fact]
    public async Task Health_BlobStoreNotWritable_Unhealthy503()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var client = app.ApiClient(null);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Read-only permissions do not stop root (CI runs as root): a file where the store writes does, for everyone.
        var temp = Path.Combine(app.Folder, "blobs", "tmp");
        Directory.Delete(temp, recursive: true);
        await File.WriteAllTextAsync(temp, "not a folder");
        try
        {
            using var response = await client.GetAsync("/health");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        }
        finally
        {
            File.Delete(temp);
            Directory.CreateDirectory(temp);
        }

        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_DatabaseServerStopped_Unhealthy503()
    {
        using var cluster = PostgresCluster.Start();
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.PostgreSql, new Dictionary<string, string?>
        {
            ["DocSync:Database:ConnectionString"] = cluster.ConnectionString("postgres") + ";Timeout=3",
        });
        var client = app.ApiClient(null);
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        cluster.Dispose();
        using var response = await client.GetAsync("/health").WaitAsync(TimeSpan.FromSeconds(60));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }
}
