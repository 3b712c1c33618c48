using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Shared;

/// <summary>
/// Serves a stored file to the browser: PDFs inline, anything else as a download, never sniffed,
/// so a hostile HTML or SVG someone uploaded never runs in DocSync's origin.
/// </summary>
public static class SafeFile
{
    /// <summary>The result that streams <paramref name="content"/> (Range requests supported).</summary>
    /// <param name="response">The response (gets the disposition and no-sniff headers).</param>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">The stored media type.</param>
    /// <param name="fileName">The stored file name.</param>
    public static IActionResult Serve(HttpResponse response, Stream content, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
        if (contentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
            return new FileStreamResult(content, "application/pdf") { EnableRangeProcessing = true };
        }

        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = fileName, EnableRangeProcessing = true };
    }
}
