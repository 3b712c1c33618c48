using DocSync.Core.Documents;

namespace DocSync.Web.Features.Api;

/// <summary>A document as a host application sends it (create and update).</summary>
public sealed record DocumentBody
{
    /// <summary>What the document says: type, number, dates, parties, lines, VAT breakdown, totals.</summary>
    public required DocumentContent Content { get; init; }

    /// <summary>Status; default draft.</summary>
    public DocumentStatus Status { get; init; } = DocumentStatus.Draft;

    /// <summary>The binder to file it in.</summary>
    public Guid? BinderId { get; init; }

    /// <summary>Files sent inline (base64); with multipart requests, send files as parts instead.</summary>
    public IReadOnlyList<FileBody> Files { get; init; } = [];

    /// <summary>On update: ids of current files to remove in the new version.</summary>
    public IReadOnlyList<Guid> RemoveFileIds { get; init; } = [];
}
