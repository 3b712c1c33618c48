using System.Net;
using DocSync.Core.Access;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Collection;

/// <summary>The collection pages without a browser: who may use them, how refused values show, the history's filters and CSV.</summary>
[Collection(WebCollection.Name)]
public sealed class CollectionPagesTests(Databases databases)
{
    [Fact]
    public async Task ChannelPages_AccountantConfigures_MemberForbiddenAndNothingMade()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var binderId = await tenant.CreateBinderAsync("Purchases 2026");
        var connectionId = await tenant.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        var accountantEmail = await tenant.AddPersonAsync("Ada Boekhouder", CompanyRole.Accountant);
        var memberEmail = await tenant.AddPersonAsync("Mo Member", CompanyRole.Member);
        var collection = $"/c/{tenant.CompanyId}/collection";

        // An accountant may configure collection without managing Dropbox connections: the form still lists them.
        using var accountant = await UiClient.SignInAsync(app, accountantEmail);
        (await GetAsync(accountant, collection)).ShouldContain($"href=\"{collection}\" aria-current=\"page\"");
        var form = await GetAsync(accountant, $"{collection}/new");
        form.ShouldContain($"<option value=\"{connectionId}\" selected=\"selected\">Client uploads (alice@example.com)</option>");
        (await accountant.Http.GetAsync($"/c/{tenant.CompanyId}/connections")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var created = await PostAsync(accountant, $"{collection}/new", Channel("Client drop", connectionId, binderId, tenant.OwnerId)))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
            created.Headers.Location!.OriginalString.ShouldStartWith($"{collection}?done=created");
        }

        var channel = (await ChannelsAsync(tenant)).ShouldHaveSingleItem();
        (channel.Name, channel.SourcePath, channel.DestinationPersonId, channel.BinderId, channel.Schedule, channel.NearRealTime)
            .ShouldBe(("Client drop", "/Clients/Drop", tenant.OwnerId, (Guid?)binderId, "0 7 * * *", true));

        // A member may not, whatever the page or form.
        using var member = await UiClient.SignInAsync(app, memberEmail);
        (await GetAsync(member, $"/c/{tenant.CompanyId}/documents")).ShouldNotContain(collection);
        foreach (var url in new[] { collection, $"{collection}/new", $"{collection}/history", $"{collection}/{channel.Id}", $"{collection}/{channel.Id}/run" })
        {
            (await member.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        var token = await member.TokenAsync($"/c/{tenant.CompanyId}/binders");
        foreach (var url in new[] { $"{collection}/new", $"{collection}/{channel.Id}", $"{collection}/{channel.Id}/run", $"{collection}/{channel.Id}?handler=delete" })
        {
            using var body = new FormUrlEncodedContent(Channel("Member's channel", connectionId, binderId, tenant.OwnerId).Append(new(UiClient.TokenField, token)));
            (await member.Http.PostAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        }

        (await ChannelsAsync(tenant)).ShouldHaveSingleItem().Name.ShouldBe("Client drop");
        (await RunsAsync(tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChannelForm_RefusedValues_EachAtItsFieldInThePersonsLanguage_NothingSaved()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var fields = new Dictionary<string, string>(Channel(" ", connectionId, null, tenant.OwnerId))
        {
            ["Form.SourcePath"] = "/",
            ["Form.ScheduleKind"] = "cron",
            ["Form.Cron"] = "* * * * *",
            ["Form.TimeZone"] = "Mars/Olympus Mons",
        };

        foreach (var (culture, name, binder, schedule) in new[]
        {
            ("en", "Name: 1 to 100 printable characters.", "Binder: choose a binder of this company.", "at least 5 minutes apart"),
            ("nl", "Naam: 1 tot 100 afdrukbare tekens.", "Klasseur: kies een klasseur van dit bedrijf.", "minstens 5 minuten uit elkaar"),
            ("fr", "Nom : 1 à 100 caractères imprimables.", "Classeur : choisissez un classeur de cette société.", "au moins 5 minutes"),
        })
        {
            using var response = await PostAsync(ui, $"/c/{tenant.CompanyId}/collection/new", fields, culture);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            response.StatusCode.ShouldBe(HttpStatusCode.OK, culture);
            html.ShouldContain("validation-summary-errors", customMessage: culture);
            html.ShouldContain($"<p id=\"c-name-error\" class=\"field-error\">{name}</p>", customMessage: culture);
            html.ShouldContain($"<p id=\"c-binder-error\" class=\"field-error\">{binder}</p>", customMessage: culture);
            html.ShouldMatch($"""(?s)<p id="c-cron-error" class="field-error">[^<]*{schedule}""", culture);
            html.ShouldContain("id=\"c-source-error\"", customMessage: culture);
            html.ShouldContain("id=\"c-zone-error\"", customMessage: culture);
            html.ShouldContain("""<input id="c-name" name="Form.Name" maxlength="100" required aria-invalid="true" aria-describedby="c-name-error">""", customMessage: culture);
            html.ShouldContain("value=\"Mars/Olympus Mons\"", customMessage: culture);
            html.ShouldNotContain("c-person-error", customMessage: culture);
        }

        (await ChannelsAsync(tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChannelForm_OtherCompanysConnectionBinderAndPerson_RefusedAndNothingOfTheirsShown()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var a = await app.CreateTenantAsync("Lumen BV");
        var aBinder = await a.CreateBinderAsync("Purchases 2026");
        var aConnection = await a.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        var aChannel = await a.CreateChannelAsync(aConnection, aBinder, "Client drop");
        var b = await app.CreateTenantAsync("Brouwerij Vandenbroucke NV");
        var bBinder = await b.CreateBinderAsync("Map van B");
        var bConnection = await b.LinkDropboxAsync("Dropbox van B", "Bert Geheim", "bert@example.com");
        var bState = await b.CollectionStateAsync();
        using var ui = await UiClient.SignInAsync(app, a.OwnerEmail);

        foreach (var url in new[] { $"/c/{a.CompanyId}/collection/new", $"/c/{a.CompanyId}/collection/{aChannel}" })
        {
            using var response = await PostAsync(ui, url, Channel("Stolen", bConnection, bBinder, b.OwnerId));
            var html = await response.Content.ReadAsStringAsync();

            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            html.ShouldContain("id=\"c-connection-error\"", customMessage: url);
            html.ShouldContain("id=\"c-binder-error\"", customMessage: url);
            html.ShouldContain("id=\"c-person-error\"", customMessage: url);
            foreach (var secret in new[] { "Map van B", "Dropbox van B", "bert@example.com", b.OwnerEmail })
            {
                html.ShouldNotContain(secret, Case.Insensitive, url);
            }
        }

        (await ChannelsAsync(a)).ShouldHaveSingleItem().Name.ShouldBe("Client drop");
        (await b.CollectionStateAsync()).ShouldBe(bState);
    }

    [Fact]
    public async Task ChannelEdit_Saved_ThenDeletedOnlyAfterTheConfirmation()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        var binderId = await tenant.CreateBinderAsync("Purchases 2026");
        var channelId = await tenant.CreateChannelAsync(connectionId, binderId, "Client drop");
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var url = $"/c/{tenant.CompanyId}/collection/{channelId}";

        var edit = await GetAsync(ui, url);
        edit.ShouldContain("value=\"Client drop\"");
        edit.ShouldContain("<option value=\"6\" selected=\"selected\">06:00</option>");
        edit.ShouldNotContain("Delete the channel");
        var changed = new Dictionary<string, string>(Channel("Client drop (weekdays)", connectionId, binderId, tenant.OwnerId))
        {
            ["Form.ScheduleKind"] = "cron",
            ["Form.Cron"] = "30 18 * * 1-5",
            ["Form.AfterCollect"] = "MoveToProcessed",
        };
        using (var saved = await PostAsync(ui, url, changed))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            saved.Headers.Location!.OriginalString.ShouldStartWith($"/c/{tenant.CompanyId}/collection?done=saved");
        }

        var channel = (await ChannelsAsync(tenant)).ShouldHaveSingleItem();
        (channel.Name, channel.Schedule, channel.AfterCollect, channel.SourcePath).ShouldBe(("Client drop (weekdays)", "30 18 * * 1-5", AfterCollect.MoveToProcessed, "/Clients/Drop"));

        // The folder id the picker found goes with its path only: a path typed afterwards does not keep it.
        changed["Form.SourceFolderId"] = "id:picked";
        changed["Form.SourceFolderPath"] = "/Clients/Drop";
        (await PostAsync(ui, url, changed)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ChannelsAsync(tenant)).Single().SourceFolderId.ShouldBe("id:picked");
        changed["Form.SourcePath"] = "/Clients/Typed";
        (await PostAsync(ui, url, changed)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        channel = (await ChannelsAsync(tenant)).Single();
        (channel.SourcePath, channel.SourceFolderId).ShouldBe(("/Clients/Typed", (string?)null));
        WebUtility.HtmlDecode(await GetAsync(ui, $"/c/{tenant.CompanyId}/collection")).ShouldContain("Cron 30 18 * * 1-5 (Europe/Brussels)");

        var confirm = await GetAsync(ui, $"{url}?confirm=delete");
        confirm.ShouldContain("Delete this channel?");
        confirm.ShouldContain($"action=\"{url}?handler=delete\"");
        (await ChannelsAsync(tenant)).ShouldHaveSingleItem();
        using (var deleted = await PostAsync(ui, $"{url}?handler=delete", []))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            deleted.Headers.Location!.OriginalString.ShouldBe($"/c/{tenant.CompanyId}/collection?done=deleted");
        }

        (await ChannelsAsync(tenant)).ShouldBeEmpty();
        (await ui.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunNow_ConnectionPaused_ClearErrorOnTheRunPageAndNoRun()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        var channelId = await tenant.CreateChannelAsync(connectionId, await tenant.CreateBinderAsync("Purchases 2026"), "Client drop");
        await using (var scope = Enter(app, tenant))
        {
            await scope.ServiceProvider.GetRequiredService<ConnectionService>().SetPausedAsync(connectionId, true);
        }

        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var url = $"/c/{tenant.CompanyId}/collection/{channelId}/run";
        var confirm = await GetAsync(ui, url);
        confirm.ShouldContain("DocSync looks at the whole folder /Drop through the connection Client uploads");
        confirm.ShouldContain("Confirm the run");
        using var response = await PostAsync(ui, url, []);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Nothing was collected: the connection Client uploads is not active");
        html.ShouldContain("role=\"alert\"");
        (await RunsAsync(tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChannelsPage_PausedChannel_ProblemInWordsAndLastRunLinked()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        var binderId = await tenant.CreateBinderAsync("Purchases 2026");
        var channelId = await tenant.CreateChannelAsync(connectionId, binderId, "Client drop", "/Clients/Drop");
        var itemId = await tenant.ReceiveInboxItemAsync("scan.pdf", "application/pdf", RealFiles.Pdf("scan"));
        var runId = await tenant.SeedCollectionRunAsync(channelId, "/Clients/Drop/scan.pdf", itemId);
        await using (var scope = Enter(app, tenant))
        {
            await scope.ServiceProvider.GetRequiredService<DocSyncDbContext>().CollectionChannels.Where(c => c.Id == channelId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ProblemCode, "source-missing").SetProperty(c => c.Problem, "The source folder is gone."));
        }

        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var page = WebUtility.HtmlDecode(await GetAsync(ui, $"/c/{tenant.CompanyId}/collection"));
        page.ShouldContain("<p class=\"errors\" role=\"alert\">The source folder /Clients/Drop no longer exists in Dropbox");
        page.ShouldContain("Daily at 06:00 (Europe/Brussels)");
        page.ShouldContain($"href=\"/c/{tenant.CompanyId}/collection/history/{runId}\"");
        page.ShouldContain("Run now · Completed · 1 collected, 0 skipped, 0 failed");

        var detail = WebUtility.HtmlDecode(await GetAsync(ui, $"/c/{tenant.CompanyId}/collection/history/{runId}"));
        detail.ShouldContain("<code>/Clients/Drop/scan.pdf</code>");
        detail.ShouldContain($"href=\"/c/{tenant.CompanyId}/inbox/{itemId}\"");
        detail.ShouldContain("12 / 340 / 8 ms");
        var skippedOnly = await GetAsync(ui, $"/c/{tenant.CompanyId}/collection/history/{runId}?result=Skipped");
        skippedOnly.ShouldNotContain("scan.pdf</code>");
    }

    [Fact]
    public async Task History_FiltersAndCsv_OnlyMatchingRunsAndTheCsvAsAnAttachment()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var connectionId = await tenant.LinkDropboxAsync("Client uploads", "Alice Martin", "alice@example.com");
        var binderId = await tenant.CreateBinderAsync("Purchases 2026");
        var itemId = await tenant.ReceiveInboxItemAsync("scan.pdf", "application/pdf", RealFiles.Pdf("scan"));
        var drop = await tenant.CreateChannelAsync(connectionId, binderId, "Client drop", "/Drop");
        var other = await tenant.CreateChannelAsync(connectionId, binderId, "Supplier drop", "/Suppliers");
        await tenant.SeedCollectionRunAsync(drop, "/Drop/a.pdf", itemId);
        await tenant.SeedCollectionRunAsync(other, "/Suppliers/b.pdf", itemId);
        using var ui = await UiClient.SignInAsync(app, tenant.OwnerEmail);
        var history = $"/c/{tenant.CompanyId}/collection/history";

        var all = await GetAsync(ui, history);
        all.ShouldContain("<td>Client drop</td>");
        all.ShouldContain("<td>Supplier drop</td>");
        var filtered = await GetAsync(ui, $"{history}?channel={drop}&trigger=Manual&outcome=Completed");
        filtered.ShouldContain("<td>Client drop</td>");
        filtered.ShouldNotContain("<td>Supplier drop</td>");
        filtered.ShouldContain($"href=\"{history}?handler=csv&amp;channel={drop}&amp;trigger=Manual&amp;outcome=Completed\"");
        (await GetAsync(ui, $"{history}?trigger=Scheduled")).ShouldContain("No run matches.");
        (await GetAsync(ui, $"{history}?failures=true")).ShouldContain("No run matches.");

        using var csv = await ui.Http.GetAsync($"{history}?handler=csv&channel={drop}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        csv.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldEndWith(".csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("run_started,run_ended,channel,trigger,run_outcome,path");
        lines[1].ShouldContain("Client drop,Manual,Completed,/Drop/a.pdf");
    }

    private static Dictionary<string, string> Channel(string name, Guid connectionId, Guid? binderId, Guid personId) => new()
    {
        ["Form.Name"] = name,
        ["Form.ConnectionId"] = connectionId.ToString(),
        ["Form.SourcePath"] = "/Clients/Drop",
        ["Form.DestinationPersonId"] = personId.ToString(),
        ["Form.BinderId"] = binderId?.ToString() ?? "",
        ["Form.ScheduleKind"] = "daily",
        ["Form.Hour"] = "7",
        ["Form.Cron"] = "",
        ["Form.TimeZone"] = "",
        ["Form.NearRealTime"] = "true",
        ["Form.AfterCollect"] = "Leave",
        ["Form.Enabled"] = "true",
    };

    private static async Task<string> GetAsync(UiClient ui, string url)
    {
        using var response = await ui.Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return html;
    }

    private static async Task<HttpResponseMessage> PostAsync(UiClient ui, string url, IEnumerable<KeyValuePair<string, string>> fields, string culture = "en")
    {
        var token = await ui.TokenAsync(url.Split('?')[0]);
        using (var language = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/", [UiClient.TokenField] = token }))
        {
            (await ui.Http.PostAsync("/culture", language)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var form = new FormUrlEncodedContent(fields.Append(new(UiClient.TokenField, token)));
        return await ui.Http.PostAsync(url, form);
    }

    private static AsyncServiceScope Enter(DocSyncApp app, TestTenant tenant)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(tenant.CompanyId, Actor.Person(tenant.OwnerId), RoleRights.All));
        return scope;
    }

    private static async Task<IReadOnlyList<CollectionChannelInfo>> ChannelsAsync(TestTenant tenant)
    {
        await using var scope = Enter(tenant.App, tenant);
        return await scope.ServiceProvider.GetRequiredService<CollectService>().ListAsync();
    }

    private static async Task<IReadOnlyList<CollectionRunInfo>> RunsAsync(TestTenant tenant)
    {
        await using var scope = Enter(tenant.App, tenant);
        return (await scope.ServiceProvider.GetRequiredService<CollectService>().ListRunsAsync(new CollectionRunQuery())).Items;
    }
}
