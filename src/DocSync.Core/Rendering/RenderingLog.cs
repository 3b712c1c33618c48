using Microsoft.Extensions.Logging;

namespace DocSync.Core.Rendering;

/// <summary>Log messages about rendering, with stable event ids (27xx). Never document contents.</summary>
internal static partial class RenderingLog
{
    [LoggerMessage(EventId = 2701, Level = LogLevel.Debug,
        Message = "Rendered the PDF of document {DocumentId} version {Version} ({Length} bytes) in company {CompanyId}")]
    public static partial void PdfRendered(ILogger logger, Guid documentId, int version, long length, Guid companyId);
}
