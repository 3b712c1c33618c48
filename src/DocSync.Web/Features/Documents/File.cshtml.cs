using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace DocSync.Web.Features.Documents;

/// <summary>Downloads one file of a document (any version that holds it).</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class FileModel(DocumentService documents) : PageModel
{
    /// <summary>Streams the file with its name and type; PDFs open in the browser.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="fileId">The file.</param>
    public async Task<IActionResult> OnGetAsync(Guid documentId, Guid fileId)
    {
        var (file, content) = await documents.OpenFileAsync(documentId, fileId, HttpContext.RequestAborted);
        // Only PDFs are shown inline; anything else is a download so a hostile HTML or SVG never runs in our origin.
        var inline = file.ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase);
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        if (inline)
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(file.FileName);
            Response.Headers.ContentDisposition = disposition.ToString();
            return new FileStreamResult(content, file.ContentType) { EnableRangeProcessing = true };
        }

        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = file.FileName, EnableRangeProcessing = true };
    }
}
