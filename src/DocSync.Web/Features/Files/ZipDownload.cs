using DocSync.Core.Blobs;
using DocSync.Core.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Files;

/// <summary>
/// A zip of Files' entries written straight to the response as it is made (no buffering of a file or of the
/// archive), for the API and the pages alike. Everything that can fail for a reason of the request (an id not
/// found) fails before the first byte; a failure afterwards cuts the download off.
/// </summary>
internal sealed class ZipDownload(IReadOnlyList<ZipPlan.Entry> entries, string fileName) : IActionResult, IResult
{
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var blobs = httpContext.RequestServices.GetRequiredService<BlobStore>();
        var response = httpContext.Response;
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // ZipArchive still writes some headers and descriptors synchronously on a non-seekable stream.
        if (httpContext.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }

        response.ContentType = "application/zip";
        response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await ZipStreamer.WriteAsync(response.Body, entries, (entry, _) => Task.FromResult(blobs.OpenRead(entry.File.Sha256)), httpContext.RequestAborted);
    }

    /// <summary>A zip's file name: the folder's name, or "files" for a selection.</summary>
    public static string NameFor(string? folderName) => (string.IsNullOrWhiteSpace(folderName) ? "files" : folderName) + ".zip";
}
