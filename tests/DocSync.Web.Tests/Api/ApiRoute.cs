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
        new("GET", "/api/v1/folders"),
        new("POST", "/api/v1/folders"),
        new("GET", "/api/v1/folders/{id}"),
        new("POST", "/api/v1/folders/{id}/rename"),
        new("POST", "/api/v1/folders/{id}/move"),
        new("GET", "/api/v1/folders/{id}/zip"),
        new("GET", "/api/v1/files"),
        new("GET", "/api/v1/files/search"),
        new("POST", "/api/v1/files"),
        new("GET", "/api/v1/files/{id}"),
        new("GET", "/api/v1/files/{id}/content"),
        new("POST", "/api/v1/files/{id}/rename"),
        new("POST", "/api/v1/files/{id}/move"),
        new("POST", "/api/v1/files/zip"),
        new("GET", "/api/v1/files/trash"),
        new("POST", "/api/v1/files/trash/{id}/restore"),
        new("DELETE", "/api/v1/files/trash/{id}"),
        new("DELETE", "/api/v1/files/{id}"),
        new("DELETE", "/api/v1/folders/{id}"),
        new("DELETE", "/api/v1/files/trash"),
        new("DELETE", "/api/v1/documents/{id}"), // last: the matrices delete the sample document
    ];

    /// <summary>Whether the route names one of the company's things by id.</summary>
    public bool TakesIds => Template.Contains('{', StringComparison.Ordinal);

    private bool IsInbox => Template.StartsWith("/api/v1/inbox", StringComparison.Ordinal);

    private bool IsFiles => Template.StartsWith("/api/v1/files", StringComparison.Ordinal) || Template.StartsWith("/api/v1/folders", StringComparison.Ordinal);

    private Guid IdFor(SampleIds ids) =>
        IsInbox ? ids.InboxItemId
        : Template.StartsWith("/api/v1/files/trash/", StringComparison.Ordinal) ? ids.TrashedId
        : Template.StartsWith("/api/v1/files/", StringComparison.Ordinal) ? ids.FolderFileId
        : Template.StartsWith("/api/v1/folders/", StringComparison.Ordinal) ? ids.FolderId
        : ids.DocumentId;

    /// <summary>The path for the things <paramref name="ids"/> name; <c>{id}</c> is the inbox item under <c>/inbox</c>, the file, folder or trash item under Files, else the document.</summary>
    public string Sample(SampleIds ids) => Template
        .Replace("{id}", IdFor(ids).ToString(), StringComparison.Ordinal)
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

        if (IsFiles)
        {
            return Template switch
            {
                "/api/v1/files" => Upload(),
                "/api/v1/files/zip" => ApiRequests.Json(new JsonObject { ["fileIds"] = new JsonArray() }),
                _ when Template.EndsWith("/rename", StringComparison.Ordinal) => ApiRequests.Json(new JsonObject { ["name"] = "Renamed " + Guid.NewGuid().ToString("N")[..8] }),
                _ when Template.EndsWith("/move", StringComparison.Ordinal) => ApiRequests.Json(new JsonObject { ["targetFolderId"] = null }),
                _ when Template.EndsWith("/restore", StringComparison.Ordinal) => null,
                _ => ApiRequests.Json(new JsonObject { ["name"] = "Map " + Guid.NewGuid().ToString("N")[..8] }),
            };
        }

        return Template.StartsWith("/api/v1/binders", StringComparison.Ordinal)
            ? ApiRequests.Json(new JsonObject { ["name"] = "Map " + Guid.NewGuid().ToString("N")[..8] })
            : ApiRequests.Json(SampleDocuments.Body(SampleDocuments.Invoice("SAMPLE-" + Guid.NewGuid().ToString("N")[..8]), binderId: binderId));
    }

    private static ByteArrayContent Upload()
    {
        var file = new ByteArrayContent(SampleDocuments.Pdf("free file"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "free " + Guid.NewGuid().ToString("N")[..8] + ".pdf" };
        return file;
    }

    public override string ToString() => $"{Method} {Template}";
}
