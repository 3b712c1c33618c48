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
/// <param name="ReadState">Whether its text was read.</param>
/// <param name="ReadMethod">How: <c>text-layer</c>, <c>ocr</c> or <c>none</c>.</param>
/// <param name="Language">The text's guessed language.</param>
/// <param name="ReadProblem">Why there is no text, if there is none.</param>
/// <param name="Fields">The fields extracted (or corrected by a person).</param>
/// <param name="DuplicateOfItemId">An earlier item with the same supplier, number and amount.</param>
/// <param name="DuplicateOfDocumentId">A document with the same supplier, number and amount.</param>
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
    DateTimeOffset ReceivedAt,
    InboxReadState ReadState,
    string? ReadMethod,
    string? Language,
    string? ReadProblem,
    Reading.ExtractedFields Fields,
    Guid? DuplicateOfItemId,
    Guid? DuplicateOfDocumentId)
{
    /// <summary>Whether the item may duplicate an earlier item or a document.</summary>
    public bool IsPossibleDuplicate => DuplicateOfItemId is not null || DuplicateOfDocumentId is not null;

    internal static InboxItemInfo From(InboxItem item) => new(item.Id, item.Source, item.SourceRef, item.FileName, item.ContentType,
        item.Sha256, item.Length, item.Status, item.BinderId, item.AssigneeId, item.DocumentId, item.ReceivedAt,
        item.ReadState, item.ReadMethod, item.Language, item.ReadProblem, InboxService.ReadFields(item.FieldsJson), item.DuplicateOfItemId, item.DuplicateOfDocumentId);
}
