using System.Net;
using DocSync.Core.ApiKeys;
using DocSync.Core.Companies;
using DocSync.Core.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Pages;

/// <summary>
/// A person signed in to company A reaches nothing of company B through the UI: every company page
/// and form, with B's company or B's ids, answers 404, shows nothing of B and changes nothing of B.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CrossCompanyPageTests(Databases databases)
{
    private const string SecretCompany = "Brouwerij Vandenbroucke NV";
    private const string SecretNumber = "B-GEHEIM-0001";
    private const string SecretBuyer = "Café De Verborgen Kelder";
    private const string SecretBinder = "Map van B";
    private const string SecretInboxFile = "b-bankafschrift.pdf";
    private const string SecretMember = "Bert Geheimhouder";
    private const string SecretFileText = "vertrouwelijk-B";

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryCompanyPage_OtherCompanysIds_NotFoundAndNothingOfTheirs(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = await CompanyAsync(app, "Lumen BV", "A-0001", "Klant van A", "Map van A", "a-scan.pdf", "Anna Lid", "contents of A");
        var b = await CompanyAsync(app, SecretCompany, SecretNumber, SecretBuyer, SecretBinder, SecretInboxFile, SecretMember, SecretFileText);
        var before = await StateAsync(b);
        using var ui = await UiClient.SignInAsync(app, a.Tenant.OwnerEmail);
        var token = await ui.TokenAsync($"/c/{a.Ids.CompanyId}/binders");
        var probes = new (string What, Guid CompanyId, PageIds Ids, Func<PageRoute, bool> Applies)[]
        {
            ("B's company, B's things", b.Ids.CompanyId, b.Ids, _ => true),
            ("B's company, A's things", b.Ids.CompanyId, a.Ids, _ => true),
            ("A's company, B's things", a.Ids.CompanyId, b.Ids, r => r.TargetsThing),
            ("A's company, A's document, B's file", a.Ids.CompanyId, a.Ids with { FileId = b.Ids.FileId }, r => r.NamesFile),
        };
        var failures = new List<string>();

        foreach (var (what, companyId, ids, applies) in probes)
        {
            foreach (var route in PageRoute.All.Where(applies))
            {
                var url = route.Url(companyId, ids);
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
                request.Content = route.Method == "POST" ? route.Body(ids, token) : null;
                using var response = await ui.Http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var at = $"{what}: {route.Method} {url} → {(int)response.StatusCode}";
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"not 404: {at} {response.Headers.Location}");
                }

                var leaked = b.Secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
                if (leaked.Count > 0)
                {
                    failures.Add($"shows {string.Join(", ", leaked)}: {at}");
                }
            }
        }

        failures.ShouldBeEmpty();
        (await StateAsync(b)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryCompanyPage_OwnIds_Answers(DatabaseProvider provider)
    {
        // The matrix above proves something only if its URLs and forms reach the pages when the ids are right.
        // The embedded emulator stands in for Dropbox, so linking and disconnecting have somewhere to go.
        await using var app = await DocSyncApp.StartAsync(databases, provider, new Dictionary<string, string?>
        {
            ["DocSync:Dropbox:Emulator:Enabled"] = "true",
            ["DocSync:Dropbox:Emulator:Port"] = "0",
            ["DocSync:Dropbox:Emulator:DataPath"] = databases.NewFolder(),
        });
        var a = await CompanyAsync(app, "Lumen BV", "A-0001", "Klant van A", "Map van A", "a-scan.pdf", "Anna Lid", "contents of A");
        using var ui = await UiClient.SignInAsync(app, a.Tenant.OwnerEmail);
        var token = await ui.TokenAsync($"/c/{a.Ids.CompanyId}/binders");
        var failures = new List<string>();

        foreach (var route in PageRoute.All)
        {
            var url = route.Url(a.Ids.CompanyId, a.Ids);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
            request.Content = route.Method == "POST" ? route.Body(a.Ids, token) : null;
            using var response = await ui.Http.SendAsync(request);
            HttpStatusCode[] expected = route.Method == "GET" ? [HttpStatusCode.OK] : [HttpStatusCode.OK, HttpStatusCode.Redirect];
            if (!expected.Contains(response.StatusCode))
            {
                failures.Add($"{route.Method} {url} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Matrix_EveryCompanyPageHandler_Listed()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);
        var loader = app.Services.GetRequiredService<PageLoader>();
        var mapped = new List<string>();

        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page || !template.Contains("{companyId", StringComparison.Ordinal))
            {
                continue;
            }

            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            mapped.AddRange(compiled.HandlerMethods.Select(h =>
                PageRoute.Describe(h.HttpMethod.ToUpperInvariant(), template, string.IsNullOrEmpty(h.Name) ? null : h.Name.ToLowerInvariant())));
        }

        mapped.ShouldNotBeEmpty();
        mapped.Order(StringComparer.Ordinal).ShouldBe(PageRoute.All.Select(r => r.Key).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DocumentForms_OtherCompanysBinder_RefusedAndNothingFiled(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = await CompanyAsync(app, "Lumen BV", "A-0001", "Klant van A", "Map van A", "a-scan.pdf", "Anna Lid", "contents of A");
        var b = await CompanyAsync(app, SecretCompany, SecretNumber, SecretBuyer, SecretBinder, SecretInboxFile, SecretMember, SecretFileText);
        var before = await StateAsync(b);
        using var ui = await UiClient.SignInAsync(app, a.Tenant.OwnerEmail);
        var token = await ui.TokenAsync($"/c/{a.Ids.CompanyId}/documents/new");
        var theirBinder = a.Ids with { BinderId = b.Ids.BinderId };

        foreach (var form in PageRoute.All.Where(r => r.Method == "POST" && r.Form?.Invoke(a.Ids).ContainsKey("Input.BinderId") == true))
        {
            using var response = await ui.Http.PostAsync(form.Url(a.Ids.CompanyId, a.Ids), form.Body(theirBinder, token));

            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, form.Key);
            text.ShouldContain("validation-summary-errors", customMessage: form.Key);
            b.Secrets.ShouldAllBe(s => !text.Contains(s, StringComparison.OrdinalIgnoreCase), form.Key);
        }

        using var api = a.Tenant.Api();
        (await api.CountDocumentsAsync()).ShouldBe(1);
        (await a.Tenant.InboxItemsAsync()).ShouldHaveSingleItem().Status.ShouldBe(Core.Organizing.InboxItemStatus.Pending);
        (await StateAsync(b)).ShouldBe(before);
    }

    internal static async Task<Side> CompanyAsync(DocSyncApp app, string name, string number, string buyer, string binder, string inboxFile, string member, string fileText)
    {
        var tenant = await app.CreateTenantAsync(name);
        var binderId = await tenant.CreateBinderAsync(binder);
        using var api = tenant.Api();
        var document = await api.CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(number, seller: name, buyer: buyer), binderId: binderId,
            files: SampleDocuments.PdfFile($"{number}.pdf", fileText)));
        var itemId = await tenant.ReceiveInboxItemAsync(inboxFile, "application/pdf", RealFiles.Pdf(fileText));
        var email = await tenant.AddPersonAsync(member, CompanyRole.Member);
        var personId = (await tenant.MembersAsync()).Single(m => m.Email == email).PersonId;
        var keyToken = await tenant.CreateApiKeyAsync(ApiKeyAccess.ReadOnly);
        var keyId = (await tenant.ApiKeysAsync()).Single(k => keyToken.StartsWith(k.Prefix + "_", StringComparison.Ordinal)).Id;
        var connection = $"Dropbox {binder}";
        var dropboxEmail = $"dropbox-{Guid.NewGuid():N}@example.com";
        var connectionId = await tenant.LinkDropboxAsync(connection, $"{member} at Dropbox", dropboxEmail);
        var profileId = await tenant.CreateExportProfileAsync(connectionId, $"Export {binder}");
        var channel = $"Kanaal {binder}";
        var dropFolder = $"/Afgifte {fileText}";
        var channelId = await tenant.CreateChannelAsync(connectionId, binderId, channel, dropFolder);
        var runId = await tenant.SeedCollectionRunAsync(channelId, $"{dropFolder}/{inboxFile}", itemId);
        var invitationId = await tenant.InviteAsync($"invited-{Guid.NewGuid():N}@example.com", $"Invited to {name}");
        var noticeId = await tenant.SeedNoticeAsync(connectionId, connection);
        var filesFolder = $"Map {fileText}";
        var freeFile = $"vrij {fileText}.pdf";
        var (folderId, folderFileId, trashedId) = await tenant.SeedFilesAsync(filesFolder, freeFile, fileText);
        var ids = new PageIds(tenant.CompanyId, document.Id(), document["files"]!.AsArray().Single()!.Id(), itemId, binderId, keyId, personId, connectionId, profileId,
            channelId, runId, invitationId, noticeId, folderId, folderFileId, trashedId);
        return new Side(tenant, ids, [name, number, buyer, binder, inboxFile, member, email, tenant.OwnerEmail, fileText, connection, dropboxEmail, channel, dropFolder,
            filesFolder, freeFile]);
    }

    // Everything of B a page could change, read through B's API key and, where the API shows nothing, B's services.
    private static async Task<string> StateAsync(Side side)
    {
        using var api = side.Tenant.Api();
        IEnumerable<string> parts =
        [
            (await api.GetJsonAsync("/api/v1/company")).ToJsonString(),
            (await api.GetJsonAsync($"{Documents}?pageSize=100")).ToJsonString(),
            (await api.GetJsonAsync($"{Documents}/{side.Ids.DocumentId}")).ToJsonString(),
            (await api.GetJsonAsync("/api/v1/binders")).ToJsonString(),
            $"audit entries: {await side.Tenant.AuditCountAsync()}",
            .. (await side.Tenant.MembersAsync()).Select(m => $"member {m.PersonId} {m.Role}"),
            .. (await side.Tenant.InvitationsAsync()).Select(i => $"invitation {i.Id} {i.Email} {i.Role} {i.ExpiresAt:O}"),
            .. (await side.Tenant.ApiKeysAsync()).Select(k => $"key {k.Id} {k.Name} {k.Access} revoked {k.RevokedAt}"),
            .. (await side.Tenant.InboxItemsAsync()).Select(i => $"inbox {i.Id} {i.Status} {i.BinderId} {i.DocumentId}"),
            .. (await side.Tenant.ConnectionsAsync()).Select(c => $"connection {c.Id} {c.Name} {c.State} {c.RootFolder}"),
            .. await side.Tenant.ExportStateAsync(),
            .. await side.Tenant.CollectionStateAsync(),
            .. await side.Tenant.NoticeStateAsync(),
            .. await side.Tenant.FilesStateAsync(),
        ];
        return string.Join('\n', parts);
    }

    internal sealed record Side(TestTenant Tenant, PageIds Ids, IReadOnlyList<string> Secrets);
}
