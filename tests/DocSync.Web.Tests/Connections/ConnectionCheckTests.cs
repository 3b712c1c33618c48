using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocSync.Core.Access;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Connections;

[Collection(WebCollection.Name)]
public sealed class ConnectionCheckTests(Databases databases)
{
    [Fact]
    public async Task Check_GrantRevokedAtDropbox_NeedsRelinkAndAdminsAreTold()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = "0",
            ["DocSync:Dropbox:Emulator:DataPath"] = databases.NewFolder(),
        });
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var embedded = app.Services.GetRequiredService<EmbeddedEmulatorService>();
        var emulator = embedded.BaseUri.ShouldNotBeNull();
        using var http = new HttpClient { BaseAddress = emulator };
        http.DefaultRequestHeaders.Add(DocSync.Dropbox.Emulator.Admin.AdminGuard.SecretHeader, embedded.AdminSecret);
        var minted = (await (await http.PostAsJsonAsync("_emulator/tokens", new { account = WorldSeeder.AliceEmail, refresh = true })).Content.ReadFromJsonAsync<JsonObject>())!;
        Guid connectionId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(CompanyScope.System(tenant.CompanyId));
            connectionId = (await scope.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(new LinkRequest("Accounting Dropbox", "/DocSync",
                "dbid:alice", WorldSeeder.AliceEmail, "Alice Martin", null, false, true, minted["refresh_token"]!.GetValue<string>()))).Id;
        }

        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var page = $"/c/{tenant.CompanyId}/connections";

        async Task<string> CheckAsync()
        {
            using var response = await ui.Http.PostAsync(page + "?handler=check", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [UiClient.TokenField] = await ui.TokenAsync(page),
                ["connectionId"] = connectionId.ToString(),
            }));
            return response.Headers.Location!.ToString();
        }

        (await CheckAsync()).ShouldEndWith("checked=Healthy");
        (await ui.Http.GetStringAsync($"/c/{tenant.CompanyId}/documents")).ShouldNotContain("need re-linking");

        using (var revoke = new HttpRequestMessage(HttpMethod.Post, "2/auth/token/revoke"))
        {
            revoke.Headers.Authorization = new AuthenticationHeaderValue("Bearer", minted["access_token"]!.GetValue<string>());
            (await http.SendAsync(revoke)).EnsureSuccessStatusCode();
        }

        (await CheckAsync()).ShouldEndWith("checked=NeedsRelink");
        (await ui.Http.GetStringAsync(page)).ShouldContain("Needs re-linking");
        (await ui.Http.GetStringAsync($"/c/{tenant.CompanyId}/documents")).ShouldContain("1 Dropbox connection needs re-linking");
    }
}
