namespace DocSync.Web.Features.Api;

/// <summary>What an inbox item may duplicate: same supplier, invoice number and total.</summary>
/// <param name="ItemId">An earlier inbox item, if one matches.</param>
/// <param name="DocumentId">An existing document, if one matches.</param>
public sealed record DuplicateOfBody(Guid? ItemId, Guid? DocumentId);
