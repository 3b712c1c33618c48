using System.Text.Json.Serialization;
using DocSync.Core.Organizing;

namespace DocSync.Web.Features.Api;

/// <summary>An inbox item as the API shows it, with what reading its file gave.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Source">How it arrived: upload, api or collect.</param>
/// <param name="SourceRef">Its identity at the source, if any.</param>
/// <param name="FileName">File name as received.</param>
/// <param name="ContentType">Media type.</param>
/// <param name="Sha256">SHA-256 of the content.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Status">pending, processed or rejected.</param>
/// <param name="BinderId">Binder the resulting document goes to, if any.</param>
/// <param name="AssigneeId">Person who should process it, if any.</param>
/// <param name="DocumentId">The document made from it, once processed.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="ReadState">notRead, read, noText or failed.</param>
/// <param name="ReadMethod">How the text was read: text-layer, ocr or none; left out when not read.</param>
/// <param name="Language">The text's guessed language (en, fr, nl), if any.</param>
/// <param name="ReadProblem">Why there is no text, if there is none.</param>
/// <param name="Fields">The fields found in the text or corrected by a person; every field is named, null when unknown.</param>
/// <param name="DuplicateOf">The earlier item or the document this item may duplicate; null when none.</param>
public sealed record InboxItemBody(
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
    ExtractedFieldsBody Fields,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DuplicateOfBody? DuplicateOf)
{
    internal static InboxItemBody From(InboxItemInfo item) => new(item.Id, item.Source, item.SourceRef, item.FileName, item.ContentType,
        item.Sha256, item.Length, item.Status, item.BinderId, item.AssigneeId, item.DocumentId, item.ReceivedAt,
        item.ReadState, item.ReadMethod, item.Language, item.ReadProblem, ExtractedFieldsBody.From(item.Fields),
        item.IsPossibleDuplicate ? new DuplicateOfBody(item.DuplicateOfItemId, item.DuplicateOfDocumentId) : null);
}
