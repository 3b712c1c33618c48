using System.Net;
using DocSync.Core.Persistence;
using static DocSync.Web.Tests.Infrastructure.ApiRequests;

namespace DocSync.Web.Tests.Api;

[Collection(WebCollection.Name)]
public sealed class OverviewApiTests(Databases databases)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Overview_KeysCompanyOnly_SameFiguresAsThePage(DatabaseProvider provider)
    {
        await using var app = await DocSyncApp.StartAsync(databases, provider);
        var a = await app.CreateTenantAsync("Lumen BV");
        var b = await app.CreateTenantAsync("Brouwerij B");
        await a.Api().CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice("A-1")));
        foreach (var n in new[] { "B-1", "B-2", "B-3" })
        {
            await b.Api().CreateDocumentAsync(SampleDocuments.Body(SampleDocuments.Invoice(n)));
        }
        await a.ReceiveInboxItemAsync("scan.pdf", "application/pdf", SampleDocuments.Pdf("scan"));
        var connectionId = await b.LinkDropboxAsync("Brouwerij Dropbox", "Bert", "bert@example.com");

        var overview = await a.Api().GetJsonAsync("/api/v1/overview");

        overview["documents"]!.GetValue<int>().ShouldBe(1);
        overview["inboxToProcess"]!.GetValue<int>().ShouldBe(1);
        overview["bytesStored"]!.GetValue<long>().ShouldBeGreaterThan(0);
        overview["connections"]!.AsArray().ShouldBeEmpty();
        overview["days"]!.AsArray().Count.ShouldBe(30);
        overview["start"]!["hasDocuments"]!.GetValue<bool>().ShouldBeTrue();
        overview["start"]!["hasConnection"]!.GetValue<bool>().ShouldBeFalse();
        var problem = overview["problems"]!.AsArray().ShouldHaveSingleItem()!;
        problem["kind"]!.GetValue<string>().ShouldBe("inboxToProcess");
        problem["fixPath"]!.GetValue<string>().ShouldBe($"/c/{a.CompanyId}/inbox");
        overview.ToJsonString().ShouldNotContain("Brouwerij");

        var theirs = await b.Api().GetJsonAsync("/api/v1/overview");
        theirs["documents"]!.GetValue<int>().ShouldBe(3);
        var connection = theirs["connections"]!.AsArray().ShouldHaveSingleItem()!;
        connection["id"]!.GetValue<Guid>().ShouldBe(connectionId);
        connection["state"]!.GetValue<string>().ShouldBe("active");

        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/overview")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
