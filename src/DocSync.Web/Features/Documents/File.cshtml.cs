using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Web.Features.Shared;
using DocSync.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Features.Documents;

/// <summary>Downloads one file of a document (any version that holds it).</summary>
[RequireRight(Right.ViewDocuments)]
public sealed class FileModel(DocumentService documents) : PageModel
{
    /// <summary>Streams the file.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="fileId">The file.</param>
    public async Task<IActionResult> OnGetAsync(Guid documentId, Guid fileId)
    {
        var (file, content) = await documents.OpenFileAsync(documentId, fileId, HttpContext.RequestAborted);
        return SafeFile.Serve(Response, content, file.ContentType, file.FileName);
    }
}
