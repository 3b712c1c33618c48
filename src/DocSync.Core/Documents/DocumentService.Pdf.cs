using DocSync.Core.Blobs;
using DocSync.Core.Rendering;

namespace DocSync.Core.Documents;

public sealed partial class DocumentService
{
    // Renders the version's PDF and stores it as a blob; the caller adds the file row.
    private async Task<DocumentFileIntake.StoredFile> RenderPdfAsync(Document document, DocumentContent content, CancellationToken cancellationToken)
    {
        var pdf = renderer.Render(content);
        BlobRef blob;
        using (var stream = new MemoryStream(pdf, writable: false))
        {
            blob = await blobs.WriteAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        RenderingLog.PdfRendered(logger, document.Id, document.CurrentVersion, blob.Length, document.CompanyId);
        return new DocumentFileIntake.StoredFile(DocumentFileKind.Pdf, DocumentPdfRenderer.FileName(content.Number),
            DocumentPdfRenderer.ContentType, blob, Generated: true);
    }
}
