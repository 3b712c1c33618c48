using System.Net;
using DocSync.Core.ApiKeys;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Pages;

/// <summary>
/// Every destructive action asks first (a page with the question and what it touches, working
/// without JavaScript: a plain form) and says what it did after; the first click changes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ConfirmationTests(Databases databases)
{
    [Fact]
    public async Task DestructiveActions_AskFirstThenActAndReport()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var binderId = await tenant.CreateBinderAsync("Verkopen");
        Guid documentId;
        using (var api = tenant.Api())
        {
            documentId = (await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("F2026-0042")))).Id();
        }

        var keyToken = await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadOnly);
        var key = (await tenant.ApiKeysAsync()).Single(k => keyToken.StartsWith(k.Prefix + "_", StringComparison.Ordinal));
        var connectionId = await tenant.LinkDropboxAsync("Accounting Dropbox", "Alice", "alice@example.com");
        await tenant.CreateExportProfileAsync(connectionId, "Sales to accountant");
        await tenant.CreateChannelAsync(connectionId, binderId, "Client drop");
        var spare = await tenant.CreateExportProfileAsync(connectionId, "Old layout");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var c = $"/c/{tenant.CompanyId}";

        // Delete a document.
        var asked = await AskAsync(ui, $"{c}/documents/{documentId}", "delete", new() { ["version"] = "1" });
        asked.ShouldContain("Delete document F2026-0042?");
        using (var api = tenant.Api())
        {
            (await api.CountDocumentsAsync()).ShouldBe(1);
        }

        (await ConfirmAsync(ui, $"{c}/documents/{documentId}", "delete", new() { ["version"] = "1" })).ShouldContain("F2026-0042");
        using (var api = tenant.Api())
        {
            (await api.CountDocumentsAsync()).ShouldBe(0);
        }

        // Revoke an API key.
        (await AskAsync(ui, $"{c}/api-keys", "revoke", new() { ["keyId"] = key.Id.ToString() })).ShouldContain($"Revoke the API key “{key.Name}”?");
        (await tenant.ApiKeysAsync()).Single(k => k.Id == key.Id).RevokedAt.ShouldBeNull();
        (await ConfirmAsync(ui, $"{c}/api-keys", "revoke", new() { ["keyId"] = key.Id.ToString() })).ShouldContain($"API key “{key.Name}” revoked.");
        (await tenant.ApiKeysAsync()).Single(k => k.Id == key.Id).RevokedAt.ShouldNotBeNull();

        // Remove an export profile.
        (await AskAsync(ui, $"{c}/connections/{connectionId}", "deleteprofile", new() { ["profileId"] = spare.ToString() })).ShouldContain("Remove the export profile “Old layout”?");
        (await tenant.ExportStateAsync()).ShouldContain(l => l.Contains("Old layout", StringComparison.Ordinal));
        await ConfirmAsync(ui, $"{c}/connections/{connectionId}", "deleteprofile", new() { ["profileId"] = spare.ToString() });
        (await tenant.ExportStateAsync()).ShouldNotContain(l => l.Contains("Old layout", StringComparison.Ordinal));

        // Disconnect a connection: the question names what uses it.
        var question = await AskAsync(ui, $"{c}/connections", "disconnect", new() { ["connectionId"] = connectionId.ToString() });
        question.ShouldContain("Disconnect “Accounting Dropbox”?");
        question.ShouldContain("Sales to accountant");
        question.ShouldContain("Client drop");
        (await tenant.ConnectionsAsync()).Single().State.ShouldBe(ConnectionState.Active);
        (await ConfirmAsync(ui, $"{c}/connections", "disconnect", new() { ["connectionId"] = connectionId.ToString() })).ShouldContain("“Accounting Dropbox” disconnected.");
        (await tenant.ConnectionsAsync()).Single().State.ShouldBe(ConnectionState.Disconnected);
    }

    // The first post: the page asks, with a form that posts the same again with confirmed=true.
    private static async Task<string> AskAsync(UiClient ui, string url, string handler, Dictionary<string, string> fields)
    {
        var token = await ui.TokenAsync(url);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [UiClient.TokenField] = token });
        using var response = await ui.Http.PostAsync($"{url}?handler={handler}", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("name=\"confirmed\" value=\"true\"");
        html.ShouldContain($"action=\"?handler={handler}\"");
        return html;
    }

    // The confirmed post acts and redirects to a page that says what happened; returns that page.
    private static async Task<string> ConfirmAsync(UiClient ui, string url, string handler, Dictionary<string, string> fields)
    {
        var token = await ui.TokenAsync(url);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [UiClient.TokenField] = token, ["confirmed"] = "true" });
        using var response = await ui.Http.PostAsync($"{url}?handler={handler}", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        using var after = await ui.Http.GetAsync(response.Headers.Location);
        var html = WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync());
        html.ShouldContain("role=\"status\"");
        return html;
    }
}
