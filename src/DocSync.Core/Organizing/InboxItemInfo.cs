namespace DocSync.Core.Organizing;

/// <summary>An item of the company inbox.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Source">How it arrived.</param>
/// <param name="SourceRef">Its identity at the source, if any.</param>
/// <param name="FileName">File name as received.</param>
/// <param name="ContentType">Media type.</param>
/// <param name="Sha256">SHA-256 of the content.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Status">Pending, processed or rejected.</param>
/// <param name="BinderId">Binder the resulting document goes to, if any.</param>
/// <param name="AssigneeId">Person who should process it, if any.</param>
/// <param name="DocumentId">The document made from it, once processed.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record InboxItemInfo(
    Guid Id,
    InboxSource Source,
    string? SourceRef,
    string FileName,
    string ContentType,
    string Sha256,
    long Length,
    InboxItemStatus Status,
    Guid? BinderId,
    Guid? AssigneeId,
    Guid? DocumentId,
    DateTimeOffset ReceivedAt)
{
    internal static InboxItemInfo From(InboxItem item) => new(item.Id, item.Source, item.SourceRef, item.FileName, item.ContentType,
        item.Sha256, item.Length, item.Status, item.BinderId, item.AssigneeId, item.DocumentId, item.ReceivedAt);
}
