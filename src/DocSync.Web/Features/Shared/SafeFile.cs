using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Shared;

/// <summary>
/// Serves a stored file to the browser: PDFs inline, anything else as a download, never sniffed,
/// so a hostile HTML or SVG someone uploaded never runs in DocSync's origin.
/// </summary>
public static class SafeFile
{
    /// <summary>The <see cref="HttpContext.Items"/> key of a response's own Content-Security-Policy (see the security headers middleware).</summary>
    public const string PolicyItem = "DocSync.ContentSecurityPolicy";

    /// <summary>The policy of a preview: a sandbox (no script, no same-origin), nothing loaded from anywhere but the file itself.</summary>
    public const string PreviewPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'none'";

    private static readonly HashSet<string> Previewable = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
    };

    /// <summary>Whether <paramref name="contentType"/> is shown inline by <see cref="Preview"/> (PDFs and raster images; never HTML or SVG).</summary>
    /// <param name="contentType">The stored media type.</param>
    public static bool CanPreview(string contentType) => Previewable.Contains(MediaTypeOnly(contentType));

    /// <summary>
    /// Shows a PDF or raster image inline, typed as stored (only those types), never sniffed, in a CSP sandbox;
    /// anything else (HTML, SVG, unknown) is a download of <c>application/octet-stream</c>.
    /// </summary>
    /// <param name="context">The request (gets the headers).</param>
    /// <param name="content">The bytes.</param>
    /// <param name="contentType">The stored media type.</param>
    /// <param name="fileName">The stored file name.</param>
    public static IActionResult Preview(HttpContext context, Stream content, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!CanPreview(contentType))
        {
            return Serve(context.Response, content, "application/octet-stream", fileName);
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Items[PolicyItem] = PreviewPolicy;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return new FileStreamResult(content, MediaTypeOnly(contentType).ToLowerInvariant()) { EnableRangeProcessing = true };
    }

    /// <summary>A download of <paramref name="content"/> (never shown inline).</summary>
    /// <param name="response">The response.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="fileName">The stored file name.</param>
    public static IActionResult Download(HttpResponse response, Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = fileName, EnableRangeProcessing = true };
    }

    private static string MediaTypeOnly(string contentType) => (contentType ?? "").Split(';')[0].Trim();

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
