using System.Net;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Pages;

/// <summary>The Dropbox connections page when DocSync has no Dropbox to talk to (no app key, emulator off).</summary>
[Collection(WebCollection.Name)]
public sealed class ConnectionsPageTests(Databases databases)
{
    [Fact]
    public async Task Disconnect_NoDropboxConfigured_DisconnectedWithNote()
    {
        // Linked while an app key was set; the key has since been removed from the settings.
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice Martin", "alice@example.com");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var url = $"/c/{tenant.CompanyId}/connections";
        var token = await ui.TokenAsync(url);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["connectionId"] = connectionId.ToString(), ["confirmed"] = "true", [UiClient.TokenField] = token });
        using var response = await ui.Http.PostAsync($"{url}?handler=disconnect", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location?.OriginalString.ShouldBe($"{url}?disconnected=Accounting%20Dropbox");
        var connection = (await tenant.ConnectionsAsync()).ShouldHaveSingleItem();
        connection.State.ShouldBe(ConnectionState.Disconnected);
        connection.LastError.ShouldNotBeNullOrEmpty("the person is told to remove DocSync in the Dropbox account settings");
    }

    [Fact]
    public async Task ConnectionPage_SplitInTabs_EachPartAtItsOwnAddress()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice Martin", "alice@example.com");
        await tenant.CreateExportProfileAsync(connectionId, "Sales");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var url = $"/c/{tenant.CompanyId}/connections/{connectionId}";

        var profiles = await ui.Http.GetStringAsync(url);
        var state = await ui.Http.GetStringAsync($"{url}?tab=state");
        var log = await ui.Http.GetStringAsync($"{url}?tab=log");

        // The connection's state is on every tab; each part only on its own.
        foreach (var page in new[] { profiles, state, log })
        {
            page.ShouldContain("data-field=\"queued\"");
        }

        profiles.ShouldContain("data-preview-url");
        profiles.ShouldNotContain("table class=\"list log\"");
        profiles.ShouldContain($"<a href=\"{url}\" aria-current=\"page\">");
        state.ShouldNotContain("data-preview-url");
        state.ShouldContain($"<a href=\"{url}?tab=state\" aria-current=\"page\">");
        log.ShouldNotContain("data-preview-url");
        log.ShouldContain($"<a href=\"{url}?tab=log\" aria-current=\"page\">");
        log.ShouldContain("?tab=log&amp;failed=true");
    }
}
