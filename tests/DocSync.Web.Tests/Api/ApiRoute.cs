using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace DocSync.Web.Tests.Api;

/// <summary>
/// One route of <c>/api/v1</c>. <see cref="All"/> lists every route the API maps (a test compares it
/// with the app's endpoints), so the cross-company and authentication matrices cover a new route
/// as soon as it is added.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path with <c>{id}</c>, <c>{version}</c> and <c>{fileId}</c> placeholders.</param>
public sealed record ApiRoute(string Method, string Template)
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/api/v1/company"),
        new("GET", "/api/v1/overview"),
        new("GET", "/api/v1/documents"),
        new("GET", "/api/v1/documents/next-number"),
        new("POST", "/api/v1/documents"),
        new("GET", "/api/v1/documents/{id}"),
        new("PUT", "/api/v1/documents/{id}"),
        new("GET", "/api/v1/documents/{id}/versions"),
        new("GET", "/api/v1/documents/{id}/versions/{version}"),
        new("GET", "/api/v1/documents/{id}/files/{fileId}"),
        new("GET", "/api/v1/binders"),
        new("POST", "/api/v1/binders"),
        new("GET", "/api/v1/inbox"),
        new("POST", "/api/v1/inbox"),
        new("GET", "/api/v1/inbox/{id}"),
        new("GET", "/api/v1/inbox/{id}/content"),
        new("GET", "/api/v1/inbox/{id}/text"),
        new("PUT", "/api/v1/inbox/{id}/fields"),
        new("DELETE", "/api/v1/documents/{id}"), // last: the matrices delete the sample document
    ];

    /// <summary>Whether the route names one of the company's things by id.</summary>
    public bool TakesIds => Template.Contains('{', StringComparison.Ordinal);

    private bool IsInbox => Template.StartsWith("/api/v1/inbox", StringComparison.Ordinal);

    /// <summary>The path for the things <paramref name="ids"/> name; <c>{id}</c> is the inbox item under <c>/inbox</c>, else the document.</summary>
    public string Sample(SampleIds ids) => Template
        .Replace("{id}", (IsInbox ? ids.InboxItemId : ids.DocumentId).ToString(), StringComparison.Ordinal)
        .Replace("{version}", ids.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{fileId}", ids.FileId.ToString(), StringComparison.Ordinal)
        + (Template.EndsWith("/next-number", StringComparison.Ordinal) ? "?type=invoice" : "");

    /// <summary>A valid body for the route (none for GET), filing into <paramref name="binderId"/> where the body can say so.</summary>
    public HttpContent? SampleBody(Guid? binderId = null)
    {
        if (Method is "GET" or "DELETE")
        {
            return null;
        }

        if (IsInbox && Method == "PUT")
        {
            return ApiRequests.Json(new JsonObject { ["invoiceNumber"] = "SAMPLE-1", ["total"] = "12.50" });
        }

        if (IsInbox)
        {
            var file = new ByteArrayContent(SampleDocuments.Pdf("scan"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "scan.pdf" };
            return file;
        }

        return Template.StartsWith("/api/v1/binders", StringComparison.Ordinal)
            ? ApiRequests.Json(new JsonObject { ["name"] = "Map " + Guid.NewGuid().ToString("N")[..8] })
            : ApiRequests.Json(SampleDocuments.Body(SampleDocuments.Invoice("SAMPLE-" + Guid.NewGuid().ToString("N")[..8]), binderId: binderId));
    }

    public override string ToString() => $"{Method} {Template}";
}
